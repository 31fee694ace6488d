package id.lapor.intake;

import id.lapor.support.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What durability costs: complaints a second through {@code POST /api/complaints} from 4 clients for
 * 20 s, on the packaged application, with commits written before the answer (the default: H2
 * {@code WRITE_DELAY=0}, PostgreSQL {@code synchronous_commit=on}) and without (H2's former 500 ms
 * write delay, PostgreSQL {@code synchronous_commit=off}). Prints a table; docs/performance.md keeps
 * the figures.
 *
 * <pre>
 * mvn -q -DskipTests package &amp;&amp; mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=id.lapor.intake.DurabilityBenchmark
 * </pre>
 */
public final class DurabilityBenchmark {

  static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
  static final int CLIENTS = Integer.getInteger("bench.clients", 4);

  private DurabilityBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> common = List.of("--lapor.demo.sample-complaints=false", "--lapor.limits.posts-per-hour=100000000",
        "--lapor.notifications.initial-delay=PT1H", "--logging.level.root=warn");
    List<String> rows = new ArrayList<>();
    rows.add(run("H2 file, WRITE_DELAY=0 (default: durable)", common, List.of()));
    rows.add(run("H2 file, WRITE_DELAY=500 (before: not durable)", common,
        List.of("--spring.datasource.url=jdbc:h2:file:./data/lapor;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500")));
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      for (String mode : List.of("on", "off")) {
        String db = "lapor_" + mode;
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
          s.execute("create database " + db);
        }
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + db + "?options=-c%20synchronous_commit%3D"
            + mode;
        rows.add(run("PostgreSQL 17, synchronous_commit=" + mode + (mode.equals("on") ? " (default: durable)" : ""),
            common, List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--lapor.demo.enabled=true", "--camunda.bpm.admin-user.password=bench",
                "--lapor.privacy.key=bench:mPKfAGw3iKjHrAGPlBTmuD9lKKIcg29uAh6qMLPMiMM=")));
      }
    }
    System.out.printf("%n%-52s %12s %9s %9s%n", "mode (" + CLIENTS + " clients, " + RUN.toSeconds() + " s)",
        "complaints/s", "p50 ms", "p99 ms");
    rows.forEach(System.out::println);
  }

  private static String run(String name, List<String> common, List<String> extra) throws Exception {
    Path work = Files.createTempDirectory("lapor-durability");
    List<String> arguments = new ArrayList<>(common);
    arguments.addAll(extra);
    try (PackagedApp app = new PackagedApp(work, arguments).start()) {
      app.awaitReady(Duration.ofMinutes(5), client -> { });
      IntFunction<IntakeBenchmark.Attempt> post = client -> {
        HttpClient http = HttpClient.newHttpClient();
        return () -> http.send(app.complaintRequest(), HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
      };
      IntakeBenchmark.load(post, CLIENTS, Duration.ofSeconds(5));
      IntakeBenchmark.Figures figures = IntakeBenchmark.load(post, CLIENTS, RUN);
      return String.format("%-52s %12.1f %9.1f %9.1f", name, figures.perSecond(), figures.p50() / 1e6,
          figures.p99() / 1e6);
    }
  }
}
