package id.lapor.supervision;

import id.lapor.LaporApplication;
import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.ReplyDecision;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.InstitutionRegistry;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.ComplaintFixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Supervision at national scale on PostgreSQL (embedded, 17.x) on this machine: loads the
 * application's schema, generates a national archive ({@code benchmark/national-archive.sql}:
 * 2,200,000 complaints over ten years across 500 regional governments), then
 * <ol>
 *   <li>times every SQL statement the dashboard, connectivity, overdue list and reports run (through
 *   a timing proxy around the application's DataSource) for units at every level and for a month,
 *   a quarter and a year, and prints the 50th/95th/max per kind of query;</li>
 *   <li>drives complaints through the real process (submit, verify and forward, dispose, follow-up,
 *   reply) and prints how much of each lifecycle step's time went to the read model's statements.</li>
 * </ol>
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=id.lapor.supervision.SupervisionBenchmark [-Dexec.args="2200000 300"]}
 * (docs/performance.md). The first argument is the number of complaints, the second the number of
 * complaints driven through the process.
 */
public final class SupervisionBenchmark {

  static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

  /** Time per statement, by kind, while {@link #recording} is set. */
  static final Map<String, List<Long>> TIMES = Collections.synchronizedMap(new LinkedHashMap<>());
  static volatile String recording;
  static final AtomicLong PROJECTION_NANOS = new AtomicLong();
  static final AtomicLong ALL_NANOS = new AtomicLong();
  /** Time per statement of the dashboard, by the level and period asked. */
  static final Map<String, List<Long>> BY_LEVEL = Collections.synchronizedMap(new java.util.TreeMap<>());
  static final ThreadLocal<String> LEVEL = new ThreadLocal<>();

  static String level(Unit unit) {
    return switch (unit.kind()) {
      case NATIONAL -> "1 nation";
      case PROVINCE -> "2 province";
      case REGENCY, CITY, AGENCY -> "3 regency/city";
      case OPD -> "4 OPD";
    };
  }

  public static void main(String[] args) throws Exception {
    int complaints = args.length > 0 ? Integer.parseInt(args[0]) : 2_200_000;
    int lifecycles = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    String dir = System.getProperty("bench.dir");
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (dir != null) {
      // keep the database between runs: generated once, measured again after a change
      builder.setDataDirectory(java.nio.file.Path.of(dir)).setCleanDataDirectory(false);
    }
    try (EmbeddedPostgres postgres = builder
        .setServerConfig("shared_buffers", "2GB")
        .setServerConfig("effective_cache_size", "8GB")
        .setServerConfig("work_mem", "64MB")
        .setServerConfig("maintenance_work_mem", "512MB")
        .setServerConfig("max_parallel_workers_per_gather", "2")
        .setServerConfig("synchronous_commit", "on")
        .start();
        ConfigurableApplicationContext app = start(postgres)) {
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      System.out.println(jdbc.queryForObject("select version()", String.class));
      long t0 = System.nanoTime();
      if (jdbc.queryForObject("select count(*) from complaint_projection", Long.class) == 0) {
        generate(jdbc, complaints);
      }
      if (System.getProperty("bench.before") != null) {
        // try a change (an index, a setting) on a kept database before measuring
        for (String sql : System.getProperty("bench.before").split(";")) {
          jdbc.execute(sql);
        }
      }
      if (Boolean.getBoolean("bench.explain")) {
        explain(jdbc);
      }
      System.out.printf("generated %,d complaints in %.0f s; table %s, indexes %s%n",
          jdbc.queryForObject("select count(*) from complaint_projection", Long.class), (System.nanoTime() - t0) / 1e9,
          jdbc.queryForObject("select pg_size_pretty(pg_table_size('complaint_projection'))", String.class),
          jdbc.queryForObject("select pg_size_pretty(pg_indexes_size('complaint_projection'))", String.class));

      if (jdbc.queryForObject("select count(*) from figures_total", Long.class) == 0) {
        // the national rollup from the generated read model, as the operators' rebuild makes it
        long start = System.nanoTime();
        FiguresRollup.Result rollup = app.getBean(FiguresRollup.class).rebuild();
        jdbc.execute("vacuum analyze figures_total");
        System.out.printf("rollup rebuilt from %,d complaints in %.0f s: %,d rows, table %s%n", rollup.complaints(),
            (System.nanoTime() - start) / 1e9, rollup.rows(),
            jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('figures_total'))", String.class));
      }

      queries(app, jdbc);
      lifecycle(app, lifecycles);
    }
  }

  static ConfigurableApplicationContext start(EmbeddedPostgres postgres) {
    return new SpringApplicationBuilder(LaporApplication.class).profiles("postgres")
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
          @Override
          public Object postProcessAfterInitialization(Object bean, String name) {
            if (bean instanceof DataSource ds && name.equals("dataSource")) {
              return ProxyDataSourceBuilder.create(ds).name("timed").listener(new Timer()).build();
            }
            return bean;
          }
        }))
        .run("--server.port=0",
            "--LAPOR_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--LAPOR_DB_USER=postgres", "--LAPOR_DB_PASSWORD=postgres",
            "--LAPOR_PRIVACY_KEY=k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
            "--LAPOR_ADMIN_USER=operator", "--LAPOR_ADMIN_PASSWORD=benchmark",
            "--camunda.bpm.job-execution.enabled=false",
            // the rollup's deltas are summed by the program (timed), not every minute
            "--lapor.supervision.rollup.compact-interval=PT24H",
            "--logging.level.root=WARN");
  }

  static void generate(JdbcTemplate jdbc, int n) throws Exception {
    String script;
    try (var in = SupervisionBenchmark.class.getResourceAsStream("/benchmark/national-archive.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    script = script.replace(":now", "'" + NOW + "'").replaceAll(":n\\b", String.valueOf(n));
    // the read model's indexes are built after the bulk load (as a restore would), then statistics
    List<String> indexes = jdbc.queryForList("select indexdef from pg_indexes where tablename = 'complaint_projection'"
        + " and indexname like 'ix_%'", String.class);
    for (String name : jdbc.queryForList("select indexname from pg_indexes where tablename = 'complaint_projection'"
        + " and indexname like 'ix_%'", String.class)) {
      jdbc.execute("drop index " + name);
    }
    jdbc.execute("select setseed(0.2026)");
    for (String statement : script.split(";\\s*\\n")) {
      String sql = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
      if (!sql.isEmpty()) {
        jdbc.execute(sql);
      }
    }
    indexes.forEach(jdbc::execute);
    jdbc.execute("vacuum analyze complaint_projection");
    jdbc.execute("analyze institution");
  }

  /** The plans of the heaviest queries: the nation's year. */
  static void explain(JdbcTemplate jdbc) {
    for (String sql : List.of(
        "select count(*), count(answered_at), sum(case when answered_on_time then 1 else 0 end), sum(escalation_count)"
            + " from complaint_projection where received_at >= '2026-01-01' and received_at < '2027-01-01'",
        "select coalesce(province_code, regency_code), count(*), count(answered_at) from complaint_projection"
            + " where received_at >= '2026-01-01' and received_at < '2027-01-01'"
            + " group by coalesce(province_code, regency_code)",
        "select category, count(*) from complaint_projection where received_at >= '2026-01-01'"
            + " and received_at < '2027-01-01' and province_code = '11' group by category",
        "select received_on, item, received, answered, follow_up from figures_total where dimension = 'unit'"
            + " and received_on >= '2026-01-01' and received_on <= '2026-12-31' union all select received_on, item,"
            + " received, answered, follow_up from figures_delta where dimension = 'unit'"
            + " and received_on >= '2026-01-01' and received_on <= '2026-12-31'")) {
      System.out.println(sql);
      jdbc.queryForList("explain (analyze, buffers) " + sql, String.class).forEach(l -> System.out.println("  " + l));
    }
  }

  /** Every dashboard, connectivity, overdue and report query for units at each level and three periods. */
  static void queries(ConfigurableApplicationContext app, JdbcTemplate jdbc) throws Exception {
    SupervisionFigures figures = app.getBean(SupervisionFigures.class);
    OverdueComplaints overdue = app.getBean(OverdueComplaints.class);
    Connectivity connectivity = app.getBean(Connectivity.class);
    ReportWriters writers = app.getBean(ReportWriters.class);
    PdfReport pdf = app.getBean(PdfReport.class);
    Random random = new Random(7);
    List<Unit> units = new ArrayList<>();
    units.add(new Unit("ID", "Nasional", InstitutionKind.NATIONAL));
    List<Map<String, Object>> rows = jdbc.queryForList("select code, name, kind from institution where code <> 'ID'");
    Collections.shuffle(rows, random);
    Map<String, Integer> wanted = new LinkedHashMap<>(Map.of("PROVINCE", 8, "REGENCY", 16, "CITY", 4, "OPD", 12));
    for (Map<String, Object> r : rows) {
      String kind = (String) r.get("kind");
      if (wanted.getOrDefault(kind, 0) > 0) {
        wanted.merge(kind, -1, Integer::sum);
        units.add(new Unit((String) r.get("code"), (String) r.get("name"), InstitutionKind.valueOf(kind)));
      }
    }
    ZoneId zone = ZoneId.of("Asia/Jakarta");
    LocalDate today = LocalDate.ofInstant(NOW, zone);
    List<Period> periods = List.of(Period.month(2026, 11, zone),
        new Period(today.minusDays(89), today, zone), Period.year(2026, zone), Period.year(2025, zone));

    // warm-up: every query once, not recorded (and the PDF's fonts and charts loaded)
    for (Unit unit : units) {
      figures.figures(unit, periods.get(0));
    }
    Report warm = new Report(units.get(1), periods.get(0), 2026, 11, figures.figures(units.get(1), periods.get(0)), NOW);
    pdf.write(warm, OutputStream.nullOutputStream());
    List<Long> pages = new ArrayList<>();
    Map<String, List<Long>> pagesByLevel = new java.util.TreeMap<>();
    String[] periodNames = {"month", "90 days", "year 2026", "year 2025"};
    for (int p = 0; p < periods.size(); p++) {
      for (Unit unit : units) {
        recording = "figures";
        LEVEL.set(level(unit) + " × " + periodNames[p]);
        long start = System.nanoTime();
        figures.figures(unit, periods.get(p));
        pages.add(System.nanoTime() - start);
        pagesByLevel.computeIfAbsent("  " + level(unit), k -> new ArrayList<>()).add(System.nanoTime() - start);
        LEVEL.remove();
      }
    }
    recording = "overdue";
    for (Unit unit : units) {
      overdue.of(unit, 50);
    }
    recording = "connectivity";
    List<Long> connectivityPages = new ArrayList<>();
    for (Unit unit : units) {
      if (unit.kind() != InstitutionKind.OPD) {
        long start = System.nanoTime();
        connectivity.of(unit);
        connectivityPages.add(System.nanoTime() - start);
      }
    }
    recording = "report";
    List<Long> reportFigures = new ArrayList<>();
    for (Unit unit : units.subList(0, 12)) {
      Report report = new Report(unit, periods.get(2), 2026, null, figures.figures(unit, periods.get(2)), NOW);
      long start = System.nanoTime();
      writers.figuresCsv(report, OutputStream.nullOutputStream());
      pdf.write(report, OutputStream.nullOutputStream());
      reportFigures.add(System.nanoTime() - start);
    }
    recording = null;

    System.out.println();
    System.out.println("Statements (each timed at the JDBC driver), ms:");
    System.out.printf("%-34s %7s %7s %7s %7s%n", "query", "count", "p50", "p95", "max");
    synchronized (TIMES) {
      TIMES.forEach((kind, times) -> print(kind, times));
    }
    System.out.println();
    System.out.println("Dashboard statements by level and period, ms:");
    System.out.printf("%-34s %7s %7s %7s %7s%n", "level × period", "count", "p50", "p95", "max");
    synchronized (BY_LEVEL) {
      BY_LEVEL.forEach((kind, times) -> print(kind, times));
    }
    System.out.println();
    System.out.println("Whole views (all their statements plus Java), ms:");
    print("dashboard figures (all statements)", pages);
    pagesByLevel.forEach((level, times) -> print(level, times));
    print("connectivity view", connectivityPages);
    print("report figures: CSV + PDF", reportFigures);

    // the nation from the rollup against the same figures counted over the read model (as before the rollup)
    System.out.println();
    System.out.println("The nation: rollup against counting the read model (whole figures, ms; follow-up hours p50/p90):");
    for (int p = 0; p < periods.size(); p++) {
      long start = System.nanoTime();
      Figures rolledUp = figures.figures(units.get(0), periods.get(p));
      long rollupNanos = System.nanoTime() - start;
      start = System.nanoTime();
      Figures counted = figures.figuresFromReadModel(units.get(0), periods.get(p));
      long countedNanos = System.nanoTime() - start;
      boolean sameCounts = rolledUp.summary().withFollowUpHours(null, null)
          .equals(counted.summary().withFollowUpHours(null, null)) && rolledUp.weekly().equals(counted.weekly())
          && rolledUp.byCategory().equals(counted.byCategory());
      System.out.printf("%-10s rollup %6.1f ms, read model %6.1f ms; %,d received, counts %s; p50 %s / %s h, p90 %s / %s h%n",
          periodNames[p], rollupNanos / 1e6, countedNanos / 1e6, counted.summary().received(),
          sameCounts ? "equal" : "DIFFER", rolledUp.summary().followUpHoursMedian(),
          counted.summary().followUpHoursMedian(), rolledUp.summary().followUpHoursP90(),
          counted.summary().followUpHoursP90());
    }

    // the complaint list: streamed through a cursor
    for (Unit unit : List.of(units.get(0), units.get(1), units.get(9))) {
      for (Period period : List.of(periods.get(0), periods.get(2))) {
        long start = System.nanoTime();
        long[] firstRow = {0};
        CountingStream out = new CountingStream(() -> {
          if (firstRow[0] == 0) {
            firstRow[0] = System.nanoTime();
          }
        });
        writers.complaintsCsv(unit, period, out);
        long total = System.nanoTime() - start;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("complaint list %-10s %-28s %,9d bytes, first row %6.1f ms, all %7.0f ms (heap in use %d MB)%n",
            unit.code(), period.from() + ".." + period.to(), out.bytes,
            firstRow[0] == 0 ? 0 : (firstRow[0] - start) / 1e6, total / 1e6, (rt.totalMemory() - rt.freeMemory()) >> 20);
      }
    }
  }

  /** Complaints through the real process; the share of each step's time the read model's statements take. */
  static void lifecycle(ConfigurableApplicationContext app, int n) {
    var registry = app.getBean(InstitutionRegistry.class);
    ZoneId wita = ZoneId.of("Asia/Makassar");
    registry.register("51", "Provinsi Bali", InstitutionKind.PROVINCE, "ID", wita);
    registry.register("51.06", "Kab. Bangli", InstitutionKind.REGENCY, "51", wita);
    registry.register("51.06.dinkes", "Dinas Kesehatan Kab. Bangli", InstitutionKind.OPD, "51.06", wita);
    ComplaintIntake intake = app.getBean(ComplaintIntake.class);
    TaskService tasks = app.getBean(TaskService.class);
    Map<String, long[]> steps = new LinkedHashMap<>();
    for (int i = 0; i < n + 20; i++) {
      boolean measured = i >= 20;
      var submission = step(steps, "submit", measured, () -> intake.submit(ComplaintFixtures.aPublicComplaintIn("51.06")));
      String tn = submission.trackingNumber();
      step(steps, "verify and forward", measured, () -> complete(tasks, tn, Map.of(
          ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "51.06.dinkes")));
      Map<String, Object> toAllOfficers = new java.util.HashMap<>();
      toAllOfficers.put(ProcessVariables.DISPOSITION_DECISION, "ASSIGN");
      toAllOfficers.put(ProcessVariables.FOLLOW_UP_ASSIGNEE, null);
      step(steps, "dispose", measured, () -> complete(tasks, tn, toAllOfficers));
      step(steps, "post follow-up", measured, () -> complete(tasks, tn, Map.of(
          ProcessVariables.FOLLOW_UP_TEXT, "Sudah ditangani.")));
      step(steps, "reply (accept, resolve)", measured, () -> {
        intake.reply(tn, submission.followUpToken(), ReplyDecision.ACCEPT, 5, null);
        return null;
      });
    }
    System.out.println();
    System.out.printf("Lifecycle steps through the engine (%d complaints, PostgreSQL, %s):%n", n,
        app.getBean(Clock.class).instant());
    System.out.printf("%-26s %9s %14s %8s%n", "step", "mean ms", "read model ms", "share");
    System.out.println("(read model = its row in complaint_projection and its deltas in figures_delta)");
    long[] total = new long[2];
    steps.forEach((name, t) -> {
      System.out.printf("%-26s %9.2f %14.3f %7.1f %%%n", name, t[0] / 1e6 / n, t[1] / 1e6 / n, 100.0 * t[1] / t[0]);
      total[0] += t[0];
      total[1] += t[1];
    });
    System.out.printf("%-26s %9.2f %14.3f %7.1f %%%n", "all steps", total[0] / 1e6 / n, total[1] / 1e6 / n,
        100.0 * total[1] / total[0]);

    // what the steps wrote to the rollup, summed as the scheduled run does every minute
    long deltas = app.getBean(JdbcTemplate.class).queryForObject("select count(*) from figures_delta", Long.class);
    long summing = System.nanoTime();
    int summed = app.getBean(FiguresRollup.class).compact();
    System.out.printf("rollup: %,d deltas written by %d lifecycles (%.1f per step), summed in %.0f ms (%d)%n", deltas,
        n + 20, deltas / (5.0 * (n + 20)), (System.nanoTime() - summing) / 1e6, summed);

    // the operators' rebuild over the complaints that have timelines (those driven through the process)
    long start = System.nanoTime();
    ProjectionRebuild.Result rebuilt = app.getBean(ProjectionRebuild.class).rebuildAll();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("rebuild: %d complaints in %.1f s (%.0f complaints/s), %d drifted%n", rebuilt.complaints(),
        seconds, rebuilt.complaints() / seconds, rebuilt.drifted());
  }

  private static Object complete(TaskService tasks, String tn, Map<String, Object> variables) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(tn).singleResult();
    tasks.complete(task.getId(), variables);
    return null;
  }

  private static <T> T step(Map<String, long[]> steps, String name, boolean measured, Supplier<T> action) {
    long projectionBefore = PROJECTION_NANOS.get();
    long start = System.nanoTime();
    T result = action.get();
    long elapsed = System.nanoTime() - start;
    if (measured) {
      long[] t = steps.computeIfAbsent(name, k -> new long[2]);
      t[0] += elapsed;
      t[1] += PROJECTION_NANOS.get() - projectionBefore;
    }
    return result;
  }

  static void print(String kind, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return;
    }
    System.out.printf("%-34s %7d %7.1f %7.1f %7.1f%n", kind, sorted.size(), percentile(sorted, 50) / 1e6,
        percentile(sorted, 95) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
  }

  static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** Names a statement by what it asks, so that the timings group by kind. */
  static String kind(String sql) {
    String s = sql.toLowerCase(java.util.Locale.ROOT);
    if (s.contains("figures_total")) {
      return s.contains("group by item") ? "rollup: nation's breakdown" : "rollup: nation's cohort (unit rows)";
    }
    if (!s.contains("complaint_projection")) {
      return s.contains("act_") ? "engine (identity, runtime)" : "other";
    }
    if (s.contains("extract(epoch")) {
      return "weekly trend";
    }
    if (s.contains("percentile_cont")) {
      return s.contains("group by") ? "follow-up percentiles per unit" : "follow-up percentiles";
    }
    if (s.contains("count(verified_at)")) {
      if (s.contains("group by classification") || s.contains("group by category") || s.contains("group by channel")) {
        return "breakdown (classification…)";
      }
      return s.contains("group by") ? "cohort per unit / per region" : "cohort summary";
    }
    if (s.contains("order by institution_due_at")) {
      return "overdue list";
    }
    if (s.contains("institution_due_at is not null")) {
      return s.contains("group by") ? "board per unit" : "board summary";
    }
    if (s.contains("verified_at >=") && s.contains("answered_at >=")) {
      return "activity (connectivity)";
    }
    if (s.contains("order by received_at")) {
      return "complaint list (cursor)";
    }
    return "read model, other";
  }

  /** Times statements: all of them, the read model's, and per kind while recording. */
  static final class Timer implements QueryExecutionListener {
    private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
      STARTED.set(System.nanoTime());
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
      long nanos = System.nanoTime() - STARTED.get();
      String sql = queries.isEmpty() ? "" : queries.get(0).getQuery();
      ALL_NANOS.addAndGet(nanos);
      String lower = sql.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("complaint_projection") || lower.contains("figures_delta")) {
        PROJECTION_NANOS.addAndGet(nanos);
      }
      String mode = recording;
      if (mode != null) {
        TIMES.computeIfAbsent(kind(sql), k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
        String level = LEVEL.get();
        if (level != null && (lower.contains("complaint_projection") || lower.contains("figures_"))) {
          BY_LEVEL.computeIfAbsent(level, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
        }
      }
    }
  }

  /** Counts what a report writes, noting when its first bytes came. */
  static final class CountingStream extends OutputStream {
    final Runnable onFirstWrite;
    long bytes;

    CountingStream(Runnable onFirstWrite) {
      this.onFirstWrite = onFirstWrite;
    }

    @Override
    public void write(int b) {
      onFirstWrite.run();
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      onFirstWrite.run();
      bytes += len;
    }
  }
}
