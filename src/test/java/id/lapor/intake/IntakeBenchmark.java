package id.lapor.intake;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.lapor.support.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Intake at the engine's speed (issue 19): complaints a second the application accepts through
 * {@code POST /api/complaints} (the packaged jar, its own process, HTTP clients) beside the starts a
 * second of raw Camunda 7 running a minimal equivalent process in this JVM (start, one user task with
 * a candidate group and a due date, history full, the same database kind and settings, a Hikari pool
 * of the same size), at 1, 2, 4 and 16 clients, one after the other in one run. Prints the table
 * with the ratio; docs/performance.md keeps the figures.
 *
 * <pre>
 * mvn -q -DskipTests package &amp;&amp; mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=id.lapor.intake.IntakeBenchmark
 * # -Dbench.db=h2|postgres|both (h2)  -Dbench.clients=1,2,4,16  -Dbench.seconds=15  -Dbench.warmup=45
 * # -Dbench.jfr=/tmp/intake.jfr records the application during the first measured row (Java Flight Recorder)
 * # -Dbench.raw=false measures only the application
 * </pre>
 */
public final class IntakeBenchmark {

  static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
  /** Long enough for the JIT to settle: with 10 s, C2 compilation still took most of the CPU. */
  static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 45));
  static final int[] CLIENTS = Arrays.stream(System.getProperty("bench.clients", "1,2,4,16").split(","))
      .mapToInt(s -> Integer.parseInt(s.strip())).toArray();

  private static final String[] REGIONS = {"51.06", "51.71", "51.03", "35.10"};
  private static final String[][] REPORTS = {
      {"Lampu jalan padam", "Lampu jalan di depan pasar padam sejak seminggu, jalan gelap pada malam hari.",
          "INFRASTRUKTUR"},
      {"Jalan berlubang", "Jalan desa berlubang besar di dekat sekolah dasar, sudah dua motor jatuh.", "INFRASTRUKTUR"},
      {"Sampah menumpuk", "Sampah di tempat pembuangan sementara tidak diangkut selama dua minggu dan berbau.",
          "LINGKUNGAN"},
      {"Antrean puskesmas", "Antrean di puskesmas sangat panjang, loket pendaftaran hanya buka satu.", "KESEHATAN"},
      {"Pungutan sekolah", "Sekolah meminta pungutan untuk seragam yang tidak ada dasar aturannya.", "PENDIDIKAN"},
      {"KTP belum jadi", "Sudah tiga bulan mengurus KTP elektronik, belum juga selesai dicetak.",
          "KEPENDUDUKAN"},
      {"Air PDAM mati", "Air PDAM tidak mengalir di perumahan kami sejak empat hari.", "AIR_LISTRIK"},
      {"Drainase tersumbat", "Saluran air tersumbat sehingga jalan tergenang setiap hujan.", "INFRASTRUKTUR"}};

  private IntakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    String db = System.getProperty("bench.db", "h2");
    boolean raw = Boolean.parseBoolean(System.getProperty("bench.raw", "true"));
    List<String> tables = new ArrayList<>();
    if (db.equals("h2") || db.equals("both")) {
      Path dir = Files.createTempDirectory("lapor-intake-h2");
      Map<Integer, Figures> app = application(dir, List.of());
      Map<Integer, Figures> engine = raw ? rawEngine(h2(dir.resolve("raw"))) : Map.of();
      tables.add(table("H2 file (WRITE_DELAY=0, 256 MB cache)", app, engine));
    }
    if (db.equals("postgres") || db.equals("both")) {
      try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
        for (String name : List.of("lapor_app", "lapor_raw")) {
          try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + name);
          }
        }
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/";
        Map<Integer, Figures> app = application(Files.createTempDirectory("lapor-intake-pg"), List.of(
            "--spring.profiles.active=postgres", "--spring.datasource.url=" + url + "lapor_app",
            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
            "--lapor.demo.enabled=true", "--camunda.bpm.admin-user.password=bench",
            "--lapor.privacy.key=bench:mPKfAGw3iKjHrAGPlBTmuD9lKKIcg29uAh6qMLPMiMM="));
        Map<Integer, Figures> engine = raw ? rawEngine(pool(url + "lapor_raw", "postgres", "postgres")) : Map.of();
        tables.add(table("PostgreSQL 17 (embedded, synchronous_commit=on)", app, engine));
      }
    }
    tables.forEach(System.out::println);
  }

  /** Throughput and latency of 201 answers (or engine starts) during one measured period. */
  record Figures(double perSecond, double p50, double p95, double p99, long errors) {
    static Figures of(List<Long> latencies, Duration run, long errors) {
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return new Figures(sorted.size() / (double) run.toSeconds(), percentile(sorted, 50), percentile(sorted, 95),
          percentile(sorted, 99), errors);
    }
  }

  // --- the application ----------------------------------------------------------------------------

  private static Map<Integer, Figures> application(Path work, List<String> extra) throws Exception {
    List<String> arguments = new ArrayList<>(List.of("--lapor.demo.sample-complaints=false",
        "--lapor.limits.posts-per-hour=100000000", "--logging.level.root=warn"));
    arguments.addAll(extra);
    String jfr = System.getProperty("bench.jfr");
    Map<Integer, Figures> figures = new LinkedHashMap<>();
    try (PackagedApp app = new PackagedApp(work, arguments).start()) {
      long started = System.nanoTime();
      app.awaitReady(Duration.ofMinutes(5), client -> { });
      System.out.printf("application ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
      AtomicLong sequence = new AtomicLong();
      IntFunction<Attempt> post = client -> {
        HttpClient http = HttpClient.newHttpClient();
        return () -> http.send(complaint(app, sequence.incrementAndGet()), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 201;
      };
      load(post, 4, WARMUP);
      for (int clients : CLIENTS) {
        // the recording covers the first measured row only, once the JIT has settled (not the start-up)
        boolean recording = jfr != null && figures.isEmpty();
        if (recording) {
          jcmd(app, "JFR.start", "name=intake", "settings=profile", "filename=" + Path.of(jfr).toAbsolutePath());
        }
        Map<String, Double> before = serverTimes(app);
        figures.put(clients, load(post, clients, RUN));
        Map<String, Double> after = serverTimes(app);
        if (recording) {
          jcmd(app, "JFR.stop", "name=intake");
        }
        System.out.printf("application, %d clients: %s%n", clients, figures.get(clients));
        System.out.printf(Locale.ROOT, "  server side (mean of the row): request %.1f ms, of which submit until commit"
            + " %.1f ms%n", mean(before, after, "http"), mean(before, after, "intake"));
      }
    }
    return figures;
  }

  /**
   * Sums and counts of the server's own timers, from {@code /actuator/prometheus} (the demo operator):
   * {@code POST /api/complaints} as Spring MVC timed it, and {@code lapor.intake.submissions} (from
   * {@code ComplaintIntake.submit} until the commit). The difference of two scrapes gives a row's means.
   */
  static Map<String, Double> serverTimes(PackagedApp app) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri("/actuator/prometheus"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes()))
        .build(), HttpResponse.BodyHandlers.ofString());
    Map<String, Double> sums = new LinkedHashMap<>();
    for (String line : r.body().split("\n")) {
      String key = line.startsWith("http_server_requests_seconds_") && line.contains("method=\"POST\"")
          && line.contains("status=\"201\"") && line.contains("uri=\"/api/complaints\"") ? "http"
          : line.startsWith("lapor_intake_submissions_seconds_") && line.contains("outcome=\"stored\"") ? "intake"
          : null;
      if (key != null && !line.contains("_bucket") && !line.contains("_max")) {
        String kind = line.substring(line.indexOf("_seconds_") + 9, line.indexOf('{'));
        sums.merge(key + "." + kind, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
      }
    }
    return sums;
  }

  private static double mean(Map<String, Double> before, Map<String, Double> after, String timer) {
    double count = after.getOrDefault(timer + ".count", 0.0) - before.getOrDefault(timer + ".count", 0.0);
    double sum = after.getOrDefault(timer + ".sum", 0.0) - before.getOrDefault(timer + ".sum", 0.0);
    return count == 0 ? Double.NaN : 1000 * sum / count;
  }

  private static void jcmd(PackagedApp app, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(app.pid())));
    line.addAll(List.of(command));
    new ProcessBuilder(line).inheritIO().start().waitFor();
  }

  /** A realistic public complaint: one of a few regions and problems, each text a little different. */
  static HttpRequest complaint(PackagedApp app, long n) {
    String[] report = REPORTS[(int) (n % REPORTS.length)];
    String region = REGIONS[(int) (n / REPORTS.length % REGIONS.length)];
    String body = String.format(Locale.ROOT, """
        {"classification":"PENGADUAN","title":"%s","description":"%s (laporan %d)","category":"%s",
         "regionCode":"%s","privacy":"PUBLIC","incidentDate":"2026-11-01",
         "complainant":{"name":"Warga %d","email":"warga%d@example.org"}}""",
        report[0], report[1], n, report[2], region, n, n);
    return HttpRequest.newBuilder(URI.create(app.uri("/api/complaints").toString()))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  // --- raw Camunda ---------------------------------------------------------------------------------

  static HikariDataSource h2(Path dir) {
    return pool("jdbc:h2:file:" + dir.resolve("raw").toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=262144", "sa", "");
  }

  static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(10); // Spring Boot's default, as the application's
    return new HikariDataSource(config);
  }

  /**
   * The minimal equivalent of a submitted complaint: started by key with a business key and the
   * variables the application sets, waiting in a user task for the region's admins with a due date.
   */
  static BpmnModelInstance minimalProcess() {
    return Bpmn.createExecutableProcess("MinimalComplaint").camundaHistoryTimeToLive(180)
        .startEvent()
        .userTask("Verify").camundaCandidateGroups("${verifierGroups}").camundaDueDate("${verificationDue}")
        .endEvent()
        .done();
  }

  private static Map<Integer, Figures> rawEngine(HikariDataSource dataSource) throws Exception {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate("true");
    config.setHistory("full");
    config.setIdGenerator(new StrongUuidGenerator()); // as the Spring Boot starter
    config.setJobExecutorActivate(true);
    config.setProcessEngineName("raw-" + System.nanoTime());
    Map<Integer, Figures> figures = new LinkedHashMap<>();
    ProcessEngine engine = config.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("minimal.bpmn", minimalProcess()).deploy();
      RuntimeService runtime = engine.getRuntimeService();
      AtomicLong sequence = new AtomicLong();
      IntFunction<Attempt> start = client -> () -> {
        long n = sequence.incrementAndGet();
        String region = REGIONS[(int) (n % REGIONS.length)];
        runtime.createProcessInstanceByKey("MinimalComplaint").processDefinitionWithoutTenantId()
            .businessKey("LAPOR-2026-" + n)
            .setVariables(Variables.createVariables()
                .putValue("firstResponseTenant", null).putValue("followUpReviewTenant", null)
                .putValue("trackingNumber", "LAPOR-2026-" + n).putValue("classification", "PENGADUAN")
                .putValue("regionCode", region).putValue("provinceCode", region.substring(0, 2))
                .putValue("verifierGroups", "regency-admin-" + region)
                .putValue("verificationDue", Date.from(Instant.now().plus(Duration.ofDays(3)))))
            .execute();
        return true;
      };
      load(start, 4, WARMUP);
      for (int clients : CLIENTS) {
        figures.put(clients, load(start, clients, RUN));
        System.out.printf("raw engine, %d clients: %s%n", clients, figures.get(clients));
      }
    } finally {
      engine.close(); // before its pool: closing reports the engine's metrics
      dataSource.close();
    }
    return figures;
  }

  // --- load and report -----------------------------------------------------------------------------

  /** One request: true when it was accepted. */
  interface Attempt {
    boolean run() throws Exception;
  }

  /** {@code clients} threads, each with its own attempt, for {@code duration}: latencies (ns) of the accepted ones. */
  static Figures load(IntFunction<Attempt> attempts, int clients, Duration duration) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong errors = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      Attempt attempt = attempts.apply(i);
      pool.submit(() -> {
        while (running.get()) {
          long start = System.nanoTime();
          try {
            if (attempt.run()) {
              latencies.add(System.nanoTime() - start);
            } else {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
        }
      });
    }
    Thread.sleep(duration.toMillis());
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    return Figures.of(latencies, duration, errors.get());
  }

  static String table(String title, Map<Integer, Figures> app, Map<Integer, Figures> raw) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%s, %d s per row%n", title, RUN.toSeconds()));
    out.append(String.format(Locale.ROOT, "%7s | %-38s | %-28s | %6s%n", "clients",
        "application /s (p50, p95, p99 ms)", "raw engine /s (p50, p99 ms)", "ratio"));
    for (int clients : CLIENTS) {
      Figures a = app.get(clients);
      Figures r = raw.get(clients);
      out.append(String.format(Locale.ROOT, "%7d | %6.1f (%5.1f, %5.1f, %6.1f)%s | %s | %s%n", clients,
          a.perSecond(), ms(a.p50()), ms(a.p95()), ms(a.p99()), a.errors() > 0 ? " err " + a.errors() : "",
          r == null ? "-" : String.format(Locale.ROOT, "%6.1f (%5.1f, %6.1f)", r.perSecond(), ms(r.p50()), ms(r.p99())),
          r == null ? "-" : String.format(Locale.ROOT, "%5.1f %%", 100 * a.perSecond() / r.perSecond())));
    }
    return out.toString();
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }

  private static double percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p / 100.0)));
  }
}
