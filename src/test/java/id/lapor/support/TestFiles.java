package id.lapor.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Small real files for tests. */
/** Small real files for tests: a JPEG with a GPS position, a PNG with metadata chunks, a PDF, MP4 and QuickTime headers. */
public final class TestFiles {

  private TestFiles() {}

  public static byte[] jpegWithLocation(double latitude, double longitude) throws Exception {
    var image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    image.getGraphics().fillRect(4, 4, 10, 10);
    var plain = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", plain);
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
    exif.setGpsInDegrees(longitude, latitude);
    var withExif = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
    return withExif.toByteArray();
  }

  public static byte[] pngWithChunks(String... typesAndData) throws Exception {
    var image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    byte[] png = out.toByteArray();
    // after the signature (8) and IHDR (8 + 13 + 4)
    int at = 8 + 25;
    var result = new ByteArrayOutputStream();
    result.write(png, 0, at);
    for (int i = 0; i < typesAndData.length; i += 2) {
      byte[] type = typesAndData[i].getBytes(StandardCharsets.ISO_8859_1);
      byte[] data = typesAndData[i + 1].getBytes(StandardCharsets.ISO_8859_1);
      var crc = new CRC32();
      crc.update(type);
      crc.update(data);
      result.write(ByteBuffer.allocate(4).putInt(data.length).array());
      result.write(type);
      result.write(data);
      result.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
    result.write(png, at, png.length - at);
    return result.toByteArray();
  }

  public static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>"
        + " endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  public static byte[] mp4() {
    return box("ftyp", "isom\0\0\2\0isomiso2avc1mp41");
  }

  public static byte[] quickTime() {
    return box("ftyp", "qt  \0\0\2\0qt  ");
  }

  private static byte[] box(String type, String payload) {
    byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
    var out = ByteBuffer.allocate(8 + data.length + 16);
    out.putInt(8 + data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
    out.putInt(16).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).put(new byte[8]);
    return out.array();
  }
}
