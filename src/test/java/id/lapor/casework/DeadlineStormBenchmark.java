package id.lapor.casework;

import id.lapor.LaporApplication;
import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.ReplyDecision;
import id.lapor.intake.ComplaintIntake;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadline storm (issue 19): after a long holiday thousands of OPD deadlines pass in the same
 * minute. The program starts the application in this JVM (demo registry, job executor on, the
 * configuration of {@code application.yml}), sets the engine clock to a Monday morning and brings
 * {@code bench.complaints} complaints (10,000) through the real process to the OPDs of Bali's nine
 * regencies and cities — all with the same follow-up deadline (the clock stands still while they are
 * forwarded). Then it moves the clock past that deadline, lets it run, and times the job executor
 * until every complaint has its province supervision task, its escalation recorded and its notice
 * queued, while a user asks Tasklist's count and the public API every half second. It checks in the database: no failed job, no incident, no complaint escalated
 * twice. On the way it times each lifecycle step in-process (submit, verify and forward, dispose,
 * follow-up, reply; service call until commit, no HTTP). docs/performance.md keeps the figures.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.lapor.casework.DeadlineStormBenchmark
 * # -Dbench.complaints=10000  -Dbench.db=h2|postgres  -Dbench.threads=3 (filling)  -Dbench.steps=300
 * # -Dbench.keep=true keeps the database directory (deleted otherwise: H2's file reaches 10-20 GB)
 * </pre>
 */
public final class DeadlineStormBenchmark {

  /** Monday 7 December 2026, 09:00 WITA: every complaint is forwarded at this instant. */
  static final Instant MONDAY = Instant.parse("2026-12-07T01:00:00Z");
  static final String[] REGIONS = {"51.01", "51.02", "51.03", "51.04", "51.05", "51.06", "51.07", "51.08", "51.71"};
  static final String[] OPDS = {"dinkes", "pupr", "disdik", "dlh", "dinsos"};

  private DeadlineStormBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.getInteger("bench.complaints", 10_000);
    int threads = Integer.getInteger("bench.threads", 3);
    int sample = Integer.getInteger("bench.steps", 300);
    String db = System.getProperty("bench.db", "h2");
    Path dir = Files.createTempDirectory("lapor-storm-" + db);
    List<String> properties = new ArrayList<>(List.of("--server.port=0", "--lapor.demo.enabled=true",
        "--lapor.demo.sample-complaints=false", "--lapor.calendar.dir=" + dir.resolve("calendar"),
        "--lapor.models.processes-dir=processes", "--lapor.models.forms-dir=forms", "--logging.level.root=WARN",
        // no SMTP: the notices stay queued (counted), the outbox worker does not mark them SKIPPED meanwhile
        "--lapor.notifications.initial-delay=PT1H"));
    EmbeddedPostgres postgres = null;
    if (db.equals("postgres")) {
      postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setServerConfig("shared_buffers", "1GB")
          .start();
      properties.addAll(List.of("--spring.profiles.active=postgres",
          "--LAPOR_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"), "--LAPOR_DB_USER=postgres",
          "--LAPOR_DB_PASSWORD=postgres",
          "--LAPOR_PRIVACY_KEY=k1:" + Base64.getEncoder().encodeToString(new byte[32]),
          "--LAPOR_ADMIN_USER=operator", "--LAPOR_ADMIN_PASSWORD=benchmark"));
    } else {
      properties.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("lapor").toAbsolutePath()
          + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=262144");
    }
    ClockUtil.setCurrentTime(Date.from(MONDAY));
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LaporApplication.class)
        .run(properties.toArray(String[]::new))) {
      ClockUtil.setCurrentTime(Date.from(MONDAY));
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      Map<String, List<Long>> steps = new ConcurrentHashMap<>();
      lifecycle(app, sample, steps);
      List<String> stormed = fill(app, count, threads, steps);
      printSteps(steps);
      storm(app, port, stormed);
    } finally {
      ClockUtil.reset();
      if (postgres != null) {
        postgres.close();
      }
      // H2's file grows to several GB under this load (docs/operations.md, compaction)
      if (!Boolean.getBoolean("bench.keep")) {
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
      }
    }
  }

  // --- the complaints at the OPDs ---------------------------------------------------------------

  static List<String> fill(ConfigurableApplicationContext app, int count, int threads, Map<String, List<Long>> steps)
      throws Exception {
    ComplaintIntake intake = app.getBean(ComplaintIntake.class);
    TaskService tasks = app.getBean(TaskService.class);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long n = i;
      futures.add(pool.submit(() -> {
        String region = REGIONS[(int) (n % REGIONS.length)];
        String tn = timed(steps, "submit", () -> submit(intake, n, region).trackingNumber());
        timed(steps, "verify and forward", () -> complete(tasks, tn, ComplaintTasks.VERIFY_COMPLAINT,
            Map.of(ProcessVariables.VERIFICATION_DECISION, "FORWARD",
                ProcessVariables.OPD_CODE, region + "." + OPDS[(int) (n / REGIONS.length % OPDS.length)])));
        if ((n + 1) % 1000 == 0) {
          System.out.printf("  %,d complaints at the OPDs (%.0f/s)%n", n + 1, (n + 1) / ((System.nanoTime() - start) / 1e9));
        }
        return tn;
      }));
    }
    List<String> stormed = new ArrayList<>();
    for (Future<String> f : futures) {
      stormed.add(f.get());
    }
    pool.shutdown();
    System.out.printf("%,d complaints at the OPDs in %.0f s%n", count, (System.nanoTime() - start) / 1e9);
    return stormed;
  }

  static ComplaintIntake.Submission submit(ComplaintIntake intake, long n, String region) {
    return intake.submit(new NewComplaint(Classification.PENGADUAN, "Jalan rusak di desa " + n,
        "Jalan desa rusak berat dan berlubang sejak musim hujan, laporan nomor " + n + ".", Category.INFRASTRUKTUR,
        LocalDate.of(2026, 11, 1 + (int) (n % 28)), new Location(region, null, null, null),
        Channel.API, Privacy.PUBLIC, new Complainant("Warga " + n, "warga" + n + "@storm.lapor.invalid", null)));
  }

  /** Further steps, timed on {@code sample} complaints of Kab. Bangli's health office (not part of the storm). */
  static void lifecycle(ConfigurableApplicationContext app, int sample, Map<String, List<Long>> steps) {
    ComplaintIntake intake = app.getBean(ComplaintIntake.class);
    TaskService tasks = app.getBean(TaskService.class);
    for (int i = 0; i < sample; i++) {
      ClockUtil.setCurrentTime(Date.from(MONDAY));
      var submitted = submit(intake, 1_000_000 + i, "51.06");
      String tn = submitted.trackingNumber();
      complete(tasks, tn, ComplaintTasks.VERIFY_COMPLAINT, Map.of(ProcessVariables.VERIFICATION_DECISION, "FORWARD",
          ProcessVariables.OPD_CODE, "51.06.dinkes"));
      Map<String, Object> assign = new HashMap<>();
      assign.put(ProcessVariables.DISPOSITION_DECISION, "ASSIGN");
      assign.put(ProcessVariables.FOLLOW_UP_ASSIGNEE, "petugas.bangli.dinkes");
      timed(steps, "dispose", () -> complete(tasks, tn, ComplaintTasks.DISPOSE_COMPLAINT, assign));
      timed(steps, "follow-up", () -> complete(tasks, tn, ComplaintTasks.PREPARE_FOLLOW_UP,
          Map.of(ProcessVariables.FOLLOW_UP_TEXT, "Jalan sudah ditambal oleh Dinas PUPR pada hari Senin.")));
      timed(steps, "reply", () -> {
        intake.reply(tn, submitted.followUpToken(), ReplyDecision.ACCEPT, 5, "Terima kasih");
        return null;
      });
    }
  }

  /** {@link StaffScreensBenchmark#complete}, as a step that yields the tracking number. */
  static String complete(TaskService tasks, String tn, String key, Map<String, Object> variables) {
    StaffScreensBenchmark.complete(tasks, tn, key, variables);
    return tn;
  }

  interface Step<T> {
    T run() throws Exception;
  }

  static <T> T timed(Map<String, List<Long>> steps, String name, Step<T> step) {
    long start = System.nanoTime();
    try {
      T result = step.run();
      steps.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()))
          .add(System.nanoTime() - start);
      return result;
    } catch (Exception e) {
      throw new IllegalStateException(name + " failed", e);
    }
  }

  static void printSteps(Map<String, List<Long>> steps) {
    System.out.printf("%n%-20s %8s %8s %8s %8s%n", "step (in-process)", "count", "p50 ms", "p95 ms", "p99 ms");
    for (String name : List.of("submit", "verify and forward", "dispose", "follow-up", "reply")) {
      List<Long> sorted = new ArrayList<>(steps.getOrDefault(name, List.of()));
      Collections.sort(sorted);
      System.out.printf(Locale.ROOT, "%-20s %8d %8.1f %8.1f %8.1f%n", name, sorted.size(), pct(sorted, 50),
          pct(sorted, 95), pct(sorted, 99));
    }
  }

  // --- the storm ----------------------------------------------------------------------------------

  static void storm(ConfigurableApplicationContext app, int port, List<String> stormed) throws Exception {
    TaskService tasks = app.getBean(TaskService.class);
    ManagementService management = app.getBean(ManagementService.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    List<Date> dues = jdbc.queryForList("select distinct DUE_DATE_ from ACT_RU_TASK where TASK_DEF_KEY_ = ?",
        Date.class, ComplaintTasks.DISPOSE_COMPLAINT);
    Date latest = Collections.max(dues);
    long notices = jdbc.queryForObject("select count(*) from complainant_notice", Long.class);
    long escalatedBefore = escalations(jdbc);
    System.out.printf("%n%,d complaints at the OPDs, follow-up due at %s (%d distinct due dates); %,d timer jobs%n",
        stormed.size(), latest.toInstant(), dues.size(), management.createJobQuery().timers().count());

    AtomicBoolean storming = new AtomicBoolean(true);
    List<Long> probes = Collections.synchronizedList(new ArrayList<>());
    Thread probe = new Thread(() -> probe(port, stormed.get(0), storming, probes), "probe");
    Instant stormAt = latest.toInstant().plus(Duration.ofMinutes(1));
    ClockUtil.offset(stormAt.toEpochMilli() - System.currentTimeMillis());
    long start = System.nanoTime();
    probe.start();
    // from the deadline on the engine clock runs (an offset for the whole JVM: the job executor sees it)
    int supervised = 0;
    long due = 0;
    while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(20)) {
      Thread.sleep(1000);
      supervised = (int) tasks.createTaskQuery().taskDefinitionKey(ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT).count();
      due = management.createJobQuery().executable().count();
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      if (seconds % 5 == 0) {
        System.out.printf("  %3d s: %,d supervision tasks, %,d jobs due%n", seconds, supervised, due);
      }
      if (supervised >= stormed.size() && due == 0) {
        break;
      }
    }
    double took = (System.nanoTime() - start) / 1e9;
    storming.set(false);
    probe.join();
    long failed = management.createJobQuery().noRetriesLeft().count();
    long incidents = runtime.createIncidentQuery().count();
    long twice = jdbc.queryForObject("select count(*) from (select complaint_id from timeline_entry where type = 'ESCALATED'"
        + " group by complaint_id having count(*) > 1) t", Long.class);
    List<Long> sorted = new ArrayList<>(probes);
    Collections.sort(sorted);
    System.out.printf(Locale.ROOT, "%nstorm: %,d supervision tasks in %.1f s (%.0f/s); escalations recorded %,d;"
            + " notices queued %,d; failed jobs %d; incidents %d; complaints escalated twice %d%n"
            + "a user meanwhile (Tasklist count + public status, %d probes): p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
        supervised, took, supervised / took, escalations(jdbc) - escalatedBefore,
        jdbc.queryForObject("select count(*) from complainant_notice", Long.class) - notices, failed, incidents, twice,
        sorted.size(), pct(sorted, 50), pct(sorted, 95), sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6);
  }

  static long escalations(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from timeline_entry where type = 'ESCALATED'", Long.class);
  }

  /** A supervisor's Tasklist count and a citizen's status page, every half second: their latency (ns). */
  static void probe(int port, String trackingNumber, AtomicBoolean running, List<Long> latencies) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String basic = "Basic " + Base64.getEncoder().encodeToString("supervisor.bali:demo".getBytes());
    List<HttpRequest> requests = List.of(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/task/count?candidateGroup=province-supervisors-51")).header("Authorization", basic)
            .timeout(Duration.ofSeconds(30)).build(),
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints/" + trackingNumber))
            .timeout(Duration.ofSeconds(30)).build());
    while (running.get()) {
      for (HttpRequest request : requests) {
        long start = System.nanoTime();
        try {
          int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
          if (status == 200) {
            latencies.add(System.nanoTime() - start);
          } else {
            System.out.println("  probe " + request.uri().getPath() + ": " + status);
          }
        } catch (Exception e) {
          System.out.println("  probe failed: " + e);
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static double pct(List<Long> sorted, int p) {
    return sorted.isEmpty() ? Double.NaN
        : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p / 100.0))) / 1e6;
  }
}
