package id.lapor.intake;

import id.lapor.support.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
      load(app, Duration.ofSeconds(5));
      List<Long> latencies = load(app, RUN);
      Collections.sort(latencies);
      double perSecond = latencies.size() / (double) RUN.toSeconds();
      return String.format("%-52s %12.1f %9.1f %9.1f", name, perSecond, percentile(latencies, 50) / 1e6,
          percentile(latencies, 99) / 1e6);
    }
  }

  /** 201 answers' latencies (ns) of {@link #CLIENTS} clients posting complaints for {@code duration}. */
  private static List<Long> load(PackagedApp app, Duration duration) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      pool.submit(() -> {
        HttpClient client = HttpClient.newHttpClient();
        while (running.get()) {
          long start = System.nanoTime();
          try {
            if (client.send(app.complaintRequest(), HttpResponse.BodyHandlers.discarding()).statusCode() == 201) {
              latencies.add(System.nanoTime() - start);
            }
          } catch (Exception e) {
            return;
          }
        }
      });
    }
    Thread.sleep(duration.toMillis());
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    return new ArrayList<>(latencies);
  }


  private static double percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p / 100.0)));
  }
}
