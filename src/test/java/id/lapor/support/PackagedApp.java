package id.lapor.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The packaged application (target/*.jar) started as an operator starts it, in a process of its own
 * with its own working directory: for tests and benchmarks that kill it, restart it, or run several.
 */
public final class PackagedApp implements AutoCloseable {

  private final Path workDir;
  private final int port;
  private final List<String> arguments;
  private final List<String> launch;
  private Process process;

  public PackagedApp(Path workDir, List<String> arguments) throws IOException {
    this(workDir, List.of("-jar", jar().toAbsolutePath().toString()), arguments);
  }

  /**
   * Started by {@code launch}: JVM options and the jar, e.g. {@code -XX:SharedArchiveFile=app.jsa -jar
   * app/lapor.jar} (an extracted jar with its class data sharing archive).
   */
  public PackagedApp(Path workDir, List<String> launch, List<String> arguments) throws IOException {
    this.workDir = workDir;
    this.port = freePort();
    this.arguments = arguments;
    this.launch = launch;
  }

  /** The application jar Maven packaged (the integration tests run after {@code package}). */
  public static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("lapor-case-management-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no packaged jar in target/ (mvn package)"));
    }
  }

  /** Starts the application; returns as soon as the process runs (see {@link #awaitReady}). */
  public PackagedApp start() throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m"));
    command.addAll(launch);
    command.add("--server.port=" + port);
    command.addAll(arguments);
    process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("app-" + System.nanoTime() + ".log").toFile()).start();
    return this;
  }

  /**
   * Waits until the application says it is ready ({@code /actuator/health/readiness} UP), offering
   * every answer of {@code /actuator/health} meanwhile to {@code whileStarting}.
   */
  public void awaitReady(Duration timeout, Consumer<HttpClient> whileStarting) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application stopped while starting; see " + workDir);
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("UP")) {
          return;
        }
        whileStarting.accept(client);
      } catch (IOException notYet) {
        // the port does not answer yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("not ready within " + timeout + "; see " + workDir);
  }

  /** SIGKILL: the JVM ends at once, nothing is flushed or shut down. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** A valid public complaint for Kab. Bangli, as a client posts it. */
  public HttpRequest complaintRequest() {
    String body = """
        {"classification":"PENGADUAN","title":"Lampu jalan padam","description":"Lampu jalan di depan pasar padam.",
         "category":"INFRASTRUKTUR","regionCode":"51.06","privacy":"PUBLIC","incidentDate":"2026-11-01",
         "complainant":{"name":"Wayan","email":"wayan@example.org"}}""";
    return HttpRequest.newBuilder(uri("/api/complaints")).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** The process id, for tools that attach to it (jcmd). */
  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
