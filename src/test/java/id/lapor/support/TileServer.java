package id.lapor.support;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A map tile server for browser tests, where the test configuration points the portal's maps
 * ({@code lapor.portal.map.tile-url}): every {@code /tiles/z/x/y.png} is a plain 256×256 PNG with its
 * coordinates written on it. Started once per JVM; counts what it served.
 */
public final class TileServer {

  public static final int PORT = 39091;
  private static HttpServer server;
  private static final AtomicInteger SERVED = new AtomicInteger();

  private TileServer() {}

  /** Starts the server unless it runs already. */
  public static synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/tiles/", exchange -> {
      String[] zxy = exchange.getRequestURI().getPath().replace("/tiles/", "").replace(".png", "").split("/");
      byte[] png = tile(String.join("/", zxy));
      exchange.getResponseHeaders().add("Content-Type", "image/png");
      exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
      exchange.sendResponseHeaders(200, png.length);
      exchange.getResponseBody().write(png);
      exchange.close();
      SERVED.incrementAndGet();
    });
    server.start();
  }

  /** Tiles served so far. */
  public static int served() {
    return SERVED.get();
  }

  private static byte[] tile(String label) {
    BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xE8, 0xEE, 0xE4));
    g.fillRect(0, 0, 256, 256);
    g.setColor(new Color(0xB0, 0xBC, 0xC8));
    g.drawRect(0, 0, 255, 255);
    g.drawString(label, 8, 20);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
