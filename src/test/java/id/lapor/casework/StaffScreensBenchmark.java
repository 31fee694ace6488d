package id.lapor.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import id.lapor.LaporApplication;
import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Browsers;
import id.lapor.support.StaffBrowser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist and Cockpit at national volume (docs/performance.md, "Staff screens"): fills the demo
 * installation with open complaints through the real process, then times every call the two webapps
 * make for their first page and for opening a task or an instance, for every role the demo has, with
 * the role's own browser session exactly as the webapps send them; finally a real browser loads
 * Cockpit's process page as {@code supervisor.bali} and Tasklist as {@code admin.bangli}.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=id.lapor.casework.StaffScreensBenchmark [-Dexec.args="5000 15000 35000"]
 * [-Dbench.db=postgres] [-Dbench.dir=/tmp/staff-screens-h2] [-Dbench.repeat=20]}. The arguments are
 * the open-complaint volumes measured in turn (the program adds complaints up to each); with
 * {@code bench.dir} the database is kept, so a second run measures at once; {@code bench.sql=true} prints
 * the heaviest SQL statements of each slow call (timed at the JDBC driver); {@code bench.history=2000000}
 * first adds finished complaints to the engine's history up to that number (copies of a finished
 * complaint's history rows: the national archive for the tab "Pengaduan selesai"); {@code bench.roles} (user
 * names, comma-separated) measures some roles only, {@code bench.nobrowser} skips the browser. What is
 * measured are reads: the database is written without waiting for the disk (H2's default write delay,
 * PostgreSQL's {@code synchronous_commit=off}) so that the volume is generated faster.
 *
 * <p>The complaints: texts of the routing evaluation set, spread over the demo's eleven regencies and
 * cities (Bali's nine, Banyuwangi, Bangka Selatan). Of each 20: 9 wait for the regency admin's
 * verification, 4 for the OPD liaison's disposition, 4 for the OPD officers' follow-up (one of them
 * assigned to a named officer in the demo OPDs), 2 for the national admin (not the regency's
 * authority) and 1 for the complainant's information.
 */
public final class StaffScreensBenchmark {

  /** The demo's regencies and cities, weighted as their complaints would be (Bali's three demo regions more). */
  static final String[] REGIONS = {"51.06", "51.06", "51.06", "51.71", "51.71", "51.03", "51.03", "51.01", "51.02",
      "51.04", "51.05", "51.07", "51.08", "35.10", "35.10", "35.10", "19.03", "19.03"};
  static final String[] OPDS = {"dinkes", "pupr", "disdik", "disdukcapil", "dlh", "rsud", "dinsos", "satpolpp",
      "dpmptsp", "dishub", "pdam"};

  /** The demo's roles, one user each, and the unit whose supervision views the dashboard shows them. */
  record Role(String user, String unit, boolean cockpit, boolean tasklist) {}

  static final List<Role> ROLES = List.of(
      new Role("demo", "ID", true, true),
      new Role("perancang", null, true, false),
      new Role("admin.nasional", "ID", true, true),
      new Role("supervisor.bali", "51", true, true),
      new Role("supervisor.jatim", "35", true, true),
      new Role("admin.bangli", "51.06", true, true),
      new Role("admin.banyuwangi", "35.10", true, true),
      new Role("bupati.banyuwangi", "35.10", true, true),
      new Role("admin.bangkaselatan", "19.03", true, true),
      new Role("penghubung.bangli.dinkes", null, false, true),
      new Role("petugas.bangli.dinkes", null, false, true),
      new Role("camat.genteng", null, false, true),
      new Role("kepala.bangkaselatan.dinkes", null, false, true));

  static final String ENGINE = "/camunda/api/engine/engine/default";
  static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default";
  static final ObjectMapper JSON = new ObjectMapper();
  static final java.time.format.DateTimeFormatter CAMUNDA_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  public static void main(String[] args) throws Exception {
    int[] volumes = args.length == 0 ? new int[] {5_000, 15_000, 35_000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    String db = System.getProperty("bench.db", "h2");
    Path dir = Path.of(System.getProperty("bench.dir", "/tmp/staff-screens-" + db));
    int repeat = Integer.getInteger("bench.repeat", 20);
    java.nio.file.Files.createDirectories(dir);
    EmbeddedPostgres postgres = null;
    List<String> properties = new ArrayList<>(List.of("--server.port=0", "--lapor.demo.enabled=true",
        // the deadlines of the generated complaints lie days ahead: nothing for the job executor to do
        "--camunda.bpm.job-execution.enabled=false",
        "--lapor.calendar.dir=" + dir.resolve("calendar"),
        "--lapor.models.processes-dir=processes", "--lapor.models.forms-dir=forms",
        "--logging.level.root=WARN"));
    if (db.equals("postgres")) {
      postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false)
          .setServerConfig("shared_buffers", "1GB").setServerConfig("effective_cache_size", "4GB")
          .setServerConfig("work_mem", "16MB")
          // what is measured are reads: the generated complaints need not wait for the disk
          .setServerConfig("synchronous_commit", "off").start();
      properties.addAll(List.of("--spring.profiles.active=postgres",
          "--LAPOR_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"), "--LAPOR_DB_USER=postgres",
          "--LAPOR_DB_PASSWORD=postgres",
          "--LAPOR_PRIVACY_KEY=k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
          "--LAPOR_ADMIN_USER=operator", "--LAPOR_ADMIN_PASSWORD=benchmark"));
    } else {
      properties.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("lapor").toAbsolutePath()
          + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=" + System.getProperty("bench.h2cache", "262144"));
    }
    long started = System.nanoTime();
    SpringApplicationBuilder builder = new SpringApplicationBuilder(LaporApplication.class);
    if (Boolean.getBoolean("bench.sql")) {
      builder.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource ds && name.equals("dataSource")
              ? ProxyDataSourceBuilder.create(ds).name("timed").listener(new StatementTimer()).build() : bean;
        }
      }));
    }
    try (ConfigurableApplicationContext app = builder.run(properties.toArray(String[]::new))) {
      System.out.printf("%s, started in %.1f s%n", db, (System.nanoTime() - started) / 1e9);
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      Map<Integer, Map<String, Map<String, double[]>>> results = new LinkedHashMap<>();
      for (int volume : volumes) {
        fill(app, volume);
        finishedHistory(app, Integer.getInteger("bench.history", 0));
        Map<String, Map<String, double[]>> byRole = new LinkedHashMap<>();
        List<String> only = System.getProperty("bench.roles") == null ? null
            : List.of(System.getProperty("bench.roles").split(","));
        for (Role role : ROLES) {
          if (only == null || only.contains(role.user())) {
            byRole.put(role.user(), measure(port, role, repeat));
          }
        }
        results.put(volume, byRole);
        print(volume, byRole);
        statements();
        if (!Boolean.getBoolean("bench.nobrowser")) {
          browser(port, app.getBean(org.camunda.bpm.engine.RepositoryService.class).createProcessDefinitionQuery()
              .processDefinitionKey("ComplaintHandling").withoutTenantId().latestVersion().singleResult().getId());
        }
      }
      growth(results);
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  // --- the volume ---------------------------------------------------------------------------------

  /** Adds complaints through the real process until {@code open} complaints are open. */
  static void fill(ConfigurableApplicationContext app, int open) throws Exception {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    long now = runtime.createProcessInstanceQuery().processDefinitionKey("ComplaintHandling").count();
    if (now >= open) {
      System.out.printf("%n%,d open complaints (wanted %,d)%n", now, open);
      return;
    }
    ComplaintIntake intake = app.getBean(ComplaintIntake.class);
    TaskService tasks = app.getBean(TaskService.class);
    List<String[]> texts = texts();
    int missing = (int) (open - now);
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("bench.threads", 3));
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < missing; i++) {
      long n = now + i;
      futures.add(pool.submit(() -> {
        complaint(intake, tasks, texts, n);
        int d = done.incrementAndGet();
        if (d % 1000 == 0) {
          System.out.printf("  %,d of %,d complaints added (%.0f/s)%n", d, missing,
              d / ((System.nanoTime() - start) / 1e9));
        }
        return null;
      }));
    }
    for (var f : futures) {
      f.get();
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    if (isPostgres(jdbc)) {
      jdbc.execute("analyze");
    }
    System.out.printf("%n%,d open complaints: %,d added in %.0f s (%.0f/s); %,d open tasks, %,d task authorizations%n",
        runtime.createProcessInstanceQuery().processDefinitionKey("ComplaintHandling").count(), missing,
        (System.nanoTime() - start) / 1e9, missing / ((System.nanoTime() - start) / 1e9),
        tasks.createTaskQuery().count(),
        jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7", Long.class));
  }

  /**
   * Adds finished complaints to the engine's history until {@code finished} are there: copies of a
   * finished complaint's history row and of its process end event (what the tab "Pengaduan selesai"
   * reads), with new ids and tracking numbers, ending every 150 s back over the past years — the
   * national archive's 2 million without driving each through the process.
   */
  static void finishedHistory(ConfigurableApplicationContext app, int finished) {
    if (finished <= 0) {
      return;
    }
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    long now = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where END_TIME_ is not null", Long.class);
    if (now >= finished) {
      System.out.printf("%,d finished complaints in the history%n", now);
      return;
    }
    var source = jdbc.queryForMap("select P.ID_ as PI, A.ID_ as AI from ACT_HI_PROCINST P join ACT_HI_ACTINST A"
        + " on A.PROC_INST_ID_ = P.ID_ and A.ACT_ID_ = P.END_ACT_ID_ and A.PARENT_ACT_INST_ID_ = P.ID_"
        + " where P.END_TIME_ is not null and P.PROC_DEF_KEY_ = 'ComplaintHandling' order by P.END_TIME_ desc"
        + " fetch first 1 rows only");
    boolean postgres = isPostgres(jdbc);
    String series = postgres ? "generate_series(1, ?) as G(N)" : "system_range(1, ?) as G(N)";
    String end = postgres ? "(timestamp '2026-11-30 00:00:00' - G.N * interval '150 second')"
        : "dateadd('SECOND', -150 * G.N, timestamp '2026-11-30 00:00:00')";
    String start = postgres ? "(" + end + " - interval '3 day')" : "dateadd('DAY', -3, " + end + ")";
    String id = "'hist-' || cast(G.N as varchar(20))";
    long started = System.nanoTime();
    int rows = (int) (finished - now);
    jdbc.update(copy(jdbc, "ACT_HI_PROCINST", Map.of("ID_", id, "PROC_INST_ID_", id, "ROOT_PROC_INST_ID_", id,
        "BUSINESS_KEY_", "'LPR-H-' || cast(G.N as varchar(20))", "START_TIME_", start, "END_TIME_", end,
        "REMOVAL_TIME_", "null"), series), rows, source.get("PI"));
    jdbc.update(copy(jdbc, "ACT_HI_ACTINST", Map.of("ID_", "'hist-end-' || cast(G.N as varchar(20))",
        "PROC_INST_ID_", id, "ROOT_PROC_INST_ID_", id, "PARENT_ACT_INST_ID_", id, "EXECUTION_ID_", id,
        "START_TIME_", end, "END_TIME_", end, "REMOVAL_TIME_", "null"), series), rows, source.get("AI"));
    if (postgres) {
      jdbc.execute("analyze ACT_HI_PROCINST");
      jdbc.execute("analyze ACT_HI_ACTINST");
    }
    System.out.printf("%,d finished complaints added to the history in %.0f s%n", rows,
        (System.nanoTime() - started) / 1e9);
  }

  /** {@code insert into T select …} copying the row with ID_ = ? once per number of the series, columns replaced. */
  static String copy(JdbcTemplate jdbc, String table, Map<String, String> replaced, String series) {
    List<String> columns = jdbc.queryForList("select column_name from information_schema.columns"
        + " where upper(table_name) = ? and upper(table_schema) = upper(current_schema) order by ordinal_position",
        String.class, table).stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList();
    String values = columns.stream().map(c -> replaced.getOrDefault(c, "S." + c))
        .collect(java.util.stream.Collectors.joining(", "));
    return "insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from " + table
        + " S, " + series + " where S.ID_ = ?";
  }

  static boolean isPostgres(JdbcTemplate jdbc) {
    return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
  }

  /** One complaint, and the steps that bring it to where complaint {@code n} of each 20 waits. */
  static void complaint(ComplaintIntake intake, TaskService tasks, List<String[]> texts, long n) {
    Random random = new Random(n);
    String region = REGIONS[random.nextInt(REGIONS.length)];
    String[] text = texts.get(random.nextInt(texts.size()));
    Category category = Category.valueOf(text[0]);
    String sentence = text[1].split("(?<=[.!?]) ")[0];
    String title = sentence.length() <= 80 ? sentence : sentence.substring(0, 77) + "...";
    Privacy privacy = n % 10 == 9 ? Privacy.ANONYMOUS : n % 10 >= 7 ? Privacy.CONFIDENTIAL : Privacy.PUBLIC;
    Complainant complainant = privacy == Privacy.ANONYMOUS ? null
        : new Complainant("Warga " + n, "warga" + n + "@volume.lapor.invalid", String.format("+62813%08d", n));
    String tn = intake.submit(new NewComplaint(Classification.PENGADUAN, title, text[1], category,
        LocalDate.of(2026, 11, 1 + (int) (n % 28)), new Location(region, null, null, null), Channel.API, privacy,
        complainant)).trackingNumber();
    int stage = (int) (n % 20);
    if (stage < 9) {
      return;
    }
    boolean nationalBody = !Arrays.asList(OPDS).contains(text[2]);
    if (stage == 19) {
      complete(tasks, tn, ComplaintTasks.VERIFY_COMPLAINT, Map.of(ProcessVariables.VERIFICATION_DECISION,
          "REQUEST_INFORMATION", ProcessVariables.INFORMATION_REQUEST, "Mohon sebutkan lokasi persisnya."));
      return;
    }
    if (stage >= 17 || nationalBody) {
      complete(tasks, tn, ComplaintTasks.VERIFY_COMPLAINT, Map.of(ProcessVariables.VERIFICATION_DECISION,
          "NOT_WITHIN_AUTHORITY", ProcessVariables.REFERRAL_REASON, "Bukan kewenangan pemerintah daerah."));
      return;
    }
    // the demo OPD users see their share: dinkes of the three demo regencies gets a third of them
    String opd = region + "." + (random.nextInt(3) == 0 ? "dinkes" : text[2]);
    complete(tasks, tn, ComplaintTasks.VERIFY_COMPLAINT, Map.of(ProcessVariables.VERIFICATION_DECISION, "FORWARD",
        ProcessVariables.OPD_CODE, opd));
    if (stage < 13) {
      return;
    }
    Map<String, Object> assign = new HashMap<>();
    assign.put(ProcessVariables.DISPOSITION_DECISION, "ASSIGN");
    assign.put(ProcessVariables.FOLLOW_UP_ASSIGNEE, stage == 16 && opd.equals("51.06.dinkes")
        ? "petugas.bangli.dinkes" : null);
    complete(tasks, tn, ComplaintTasks.DISPOSE_COMPLAINT, assign);
  }

  static void complete(TaskService tasks, String tn, String key, Map<String, Object> variables) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(tn).taskDefinitionKey(key).singleResult();
    tasks.complete(task.getId(), variables);
  }

  /** Category, text and responsible institution of the routing evaluation set. */
  static List<String[]> texts() throws Exception {
    List<String[]> texts = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      try (var reader = new BufferedReader(new InputStreamReader(
          StaffScreensBenchmark.class.getResourceAsStream("/routing/complaints-" + i + ".csv"),
          StandardCharsets.UTF_8))) {
        reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\|"))
            .forEach(f -> texts.add(new String[] {f[1], f[2], f[3]}));
      }
    }
    return texts;
  }

  // --- the calls ----------------------------------------------------------------------------------

  record Call(String name, String method, String path, String body, boolean hal) {}

  /** What a role's session asks, in the order the pages ask it (placeholders filled per role). */
  static List<Call> calls(Role role) {
    List<Call> calls = new ArrayList<>();
    if (role.cockpit()) {
      calls.add(get("dashboard: definition statistics", ENGINE + "/process-definition/statistics?rootIncidents=true"));
      calls.add(get("dashboard: tasks", ENGINE + "/task/count"));
      calls.add(get("dashboard: tasks assigned", ENGINE + "/task/count?unfinished=true&assigned=true"));
      calls.add(get("dashboard: tasks for groups",
          ENGINE + "/task/count?unfinished=true&unassigned=true&withCandidateGroups=true"));
      calls.add(get("dashboard: tasks for no group",
          ENGINE + "/task/count?unfinished=true&unassigned=true&withoutCandidateGroups=true"));
      if (role.unit() != null) {
        calls.add(get("dashboard: overdue list", "/api/staff/supervision/overdue?institution=" + role.unit()
            + "&limit=50"));
        calls.add(get("dashboard: figures of the month", "/api/staff/supervision/figures?institution="
            + role.unit() + "&from=" + LocalDate.now().withDayOfMonth(1) + "&to=" + LocalDate.now()));
      }
      calls.add(get("processes: statistics", COCKPIT
          + "/process-definition/statistics?firstResult=0&maxResults=50&sortBy=name&sortOrder=asc"));
      calls.add(get("processes: statistics count", COCKPIT + "/process-definition/statistics-count"));
      calls.add(post("definition: instance count by key", ENGINE + "/process-instance/count",
          "{\"processDefinitionKey\":\"ComplaintHandling\",\"processDefinitionWithoutTenantId\":true}"));
      calls.add(post("definition: instance count", ENGINE + "/process-instance/count",
          "{\"processDefinitionId\":\"{def}\"}"));
      calls.add(post("definition: cockpit instance count", COCKPIT + "/process-instance/count",
          "{\"processDefinitionId\":\"{def}\"}"));
      calls.add(get("definition: activity statistics", ENGINE + "/process-definition/{def}/statistics?incidents=true"));
      calls.add(post("definition: instance list (50)", COCKPIT
          + "/process-instance?firstResult=0&maxResults=50&sortBy=startTime&sortOrder=desc",
          "{\"firstResult\":0,\"maxResults\":50,\"sortBy\":\"startTime\",\"sortOrder\":\"desc\","
              + "\"processDefinitionId\":\"{def}\"}"));
      // the definition page's tab "Pengaduan selesai" (cockpit/scripts/lapor/finished-complaints.js)
      calls.add(get("definition: finished complaints", ENGINE + "/history/process-instance?processDefinitionId={def}"
          + "&finished=true&sortBy=endTime&sortOrder=desc&maxResults=50"));
      calls.add(get("definition: finished complaints' ends", ENGINE + "/history/activity-instance?processDefinitionId="
          + "{def}&activityType=noneEndEvent&finished=true&finishedAfter={since}&sortBy=endTime&sortOrder=desc"
          + "&maxResults=400"));
      calls.add(get("instance: instance", ENGINE + "/process-instance/{pi}"));
      calls.add(get("instance: activity instances", ENGINE + "/process-instance/{pi}/activity-instances"));
      calls.add(post("instance: super instance", ENGINE + "/process-instance?maxResults=1",
          "{\"subProcessInstance\":\"{pi}\"}"));
      calls.add(post("instance: incidents", COCKPIT + "/incident/?firstResult=0&maxResults=50",
          "{\"processInstanceIdIn\":[\"{pi}\"],\"sortBy\":\"incidentType\",\"sortOrder\":\"asc\",\"activityIdIn\":[]}"));
      calls.add(get("instance: variables", ENGINE + "/variable-instance?processInstanceIdIn={pi}&firstResult=0"
          + "&maxResults=50&deserializeValues=false"));
    }
    if (role.tasklist()) {
      calls.add(get("tasklist: filters", ENGINE + "/filter?firstResult=0&maxResults=2000&itemCount=false"
          + "&resourceType=Task"));
      String listBody = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"firstResult\":0,"
          + "\"maxResults\":15,\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";
      calls.add(new Call("tasklist: my groups' list (15) + count", "POST",
          ENGINE + "/filter/{groups}/list?firstResult=0&maxResults=15", listBody, true));
      calls.add(new Call("tasklist: my tasks' list (15) + count", "POST",
          ENGINE + "/filter/{mine}/list?firstResult=0&maxResults=15", listBody, true));
      calls.add(get("tasklist: card of a task", "/api/staff/tasks/{task}/card"));
      calls.add(get("task: task", ENGINE + "/task/{task}"));
      calls.add(get("task: form", ENGINE + "/task/{task}/form"));
      calls.add(get("task: form variables", ENGINE + "/task/{task}/form-variables?deserializeValues=false"));
      calls.add(get("task: deployed form", ENGINE + "/task/{task}/deployed-form"));
      calls.add(get("task: comments", ENGINE + "/task/{task}/comment"));
    }
    return calls;
  }

  static Call get(String name, String path) {
    return new Call(name, "GET", path, null, false);
  }

  static Call post(String name, String path, String body) {
    return new Call(name, "POST", path, body, false);
  }

  /** p50 and p95 (ms) of each call, timed {@code repeat} times after untimed rounds ({@code bench.warmup}, 2). */
  static Map<String, double[]> measure(int port, Role role, int repeat) throws Exception {
    StaffBrowser browser = StaffBrowser.loggedIn(port, role.user());
    Map<String, String> ids = ids(browser, role);
    List<Call> calls = calls(role).stream()
        .filter(c -> ids.keySet().stream().allMatch(k -> ids.get(k) != null || !uses(c, k)))
        .toList();
    Map<String, List<Long>> times = new LinkedHashMap<>();
    int warmup = Integer.getInteger("bench.warmup", 2);
    for (int round = 0; round < repeat + warmup; round++) {
      for (Call call : calls) {
        recording = round >= warmup ? role.user() + " | " + call.name() : null;
        long start = System.nanoTime();
        HttpResponse<String> response = send(browser, call, ids);
        long nanos = System.nanoTime() - start;
        recording = null;
        if (response.statusCode() >= 400) {
          throw new IllegalStateException(role.user() + " " + call.name() + ": " + response.statusCode() + " "
              + response.body());
        }
        if (round >= warmup) {
          times.computeIfAbsent(call.name(), k -> new ArrayList<>()).add(nanos);
        }
      }
    }
    Map<String, double[]> result = new LinkedHashMap<>();
    times.forEach((name, t) -> {
      Collections.sort(t);
      result.put(name, new double[] {percentile(t, 50), percentile(t, 95)});
    });
    return result;
  }

  static boolean uses(Call call, String key) {
    return call.path().contains("{" + key + "}") || (call.body() != null && call.body().contains("{" + key + "}"));
  }

  /** What the pages find first: the definition, the newest instance, the filters, the first task. */
  static Map<String, String> ids(StaffBrowser browser, Role role) throws Exception {
    Map<String, String> ids = new HashMap<>();
    JsonNode definitions = json(browser.camunda("GET", ENGINE
        + "/process-definition?key=ComplaintHandling&latestVersion=true&withoutTenantId=true", null));
    ids.put("def", definitions.size() == 0 ? null : definitions.get(0).get("id").asText());
    ids.put("pi", null);
    ids.put("since", null);
    if (role.cockpit() && ids.get("def") != null) {
      JsonNode instances = json(browser.camunda("POST", COCKPIT + "/process-instance?firstResult=0&maxResults=1"
          + "&sortBy=startTime&sortOrder=desc", "{\"processDefinitionId\":\"" + ids.get("def") + "\"}"));
      ids.put("pi", instances.size() == 0 ? null : instances.get(0).get("id").asText());
      // the tab reads the end events since a second before the oldest end on its page of 50
      JsonNode finished = json(browser.camunda("GET", ENGINE + "/history/process-instance?processDefinitionId="
          + ids.get("def") + "&finished=true&sortBy=endTime&sortOrder=desc&maxResults=50", null));
      java.time.Instant oldest = null;
      for (JsonNode f : finished) {
        java.time.Instant end = java.time.OffsetDateTime.parse(f.get("endTime").asText(), CAMUNDA_TIME).toInstant();
        oldest = oldest == null || end.isBefore(oldest) ? end : oldest;
      }
      ids.put("since", oldest == null ? null
          : CAMUNDA_TIME.withZone(java.time.ZoneOffset.UTC).format(oldest.minusSeconds(1)).replace("+", "%2B"));
    }
    ids.put("groups", null);
    ids.put("mine", null);
    ids.put("task", null);
    if (role.tasklist()) {
      for (JsonNode filter : json(browser.camunda("GET", ENGINE + "/filter?resourceType=Task", null))) {
        String name = filter.get("name").asText();
        if (name.equals(TasklistFilters.MY_GROUPS)) {
          ids.put("groups", filter.get("id").asText());
        } else if (name.equals(TasklistFilters.MINE)) {
          ids.put("mine", filter.get("id").asText());
        }
      }
      JsonNode page = json(browser.camunda("POST", ENGINE + "/filter/" + ids.get("groups") + "/list?firstResult=0"
          + "&maxResults=1", "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"));
      ids.put("task", page.size() == 0 ? null : page.get(0).get("id").asText());
    }
    return ids;
  }

  static HttpResponse<String> send(StaffBrowser browser, Call call, Map<String, String> ids) throws Exception {
    String path = fill(call.path(), ids);
    HttpRequest.Builder request = HttpRequest.newBuilder(browser.uri(path))
        .header("Accept", call.hal() ? "application/hal+json, application/json; q=0.5" : "application/json")
        .header("X-XSRF-TOKEN", String.valueOf(browser.cookie("XSRF-TOKEN")));
    if (call.body() == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(fill(call.body(), ids)));
    }
    return browser.send(request);
  }

  static String fill(String template, Map<String, String> ids) {
    String s = template;
    for (var e : ids.entrySet()) {
      if (e.getValue() != null) {
        s = s.replace("{" + e.getKey() + "}", e.getValue());
      }
    }
    return s;
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  static double percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
  }

  // --- where the time goes (-Dbench.sql=true) ----------------------------------------------------

  /** The call being timed ("role | call"), whose statements the timer adds up. */
  static volatile String recording;
  /** Per call: statement shape → count and nanoseconds. */
  static final Map<String, Map<String, long[]>> STATEMENTS = new java.util.concurrent.ConcurrentHashMap<>();

  static final class StatementTimer implements QueryExecutionListener {
    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      String call = recording;
      if (call == null || queries.isEmpty()) {
        return;
      }
      String sql = queries.get(0).getQuery().replaceAll("\\s+", " ").strip();
      String shape = sql.length() <= 220 ? sql : sql.substring(0, 120) + " … " + sql.substring(sql.length() - 100);
      long[] t = STATEMENTS.computeIfAbsent(call, k -> new java.util.concurrent.ConcurrentHashMap<>())
          .computeIfAbsent(shape, k -> new long[2]);
      synchronized (t) {
        t[0]++;
        t[1] += execution.getElapsedTime() * 1_000_000;
      }
    }
  }

  /** For each call whose statements took 50 ms or more on average: the three heaviest statements. */
  static void statements() {
    if (STATEMENTS.isEmpty()) {
      return;
    }
    System.out.printf("%nStatements of the slower calls (mean ms per call, by statement):%n");
    new TreeMap<>(STATEMENTS).forEach((call, shapes) -> {
      long calls = Integer.getInteger("bench.repeat", 20);
      double total = shapes.values().stream().mapToLong(t -> t[1]).sum() / 1e6 / calls;
      if (total >= 50) {
        System.out.printf("%s: %.0f ms in %d statements%n", call, total,
            shapes.values().stream().mapToLong(t -> t[0]).sum() / calls);
        shapes.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(3)
            .forEach(e -> System.out.printf("    %6.1f ms ×%d  %s%n", e.getValue()[1] / 1e6 / calls,
                e.getValue()[0] / calls, e.getKey()));
      }
    });
    STATEMENTS.clear();
  }

  // --- the browser --------------------------------------------------------------------------------

  /**
   * From the login to the list on screen, as an officer opens a bookmark: the address of Cockpit's
   * process page (its instance list) as {@code supervisor.bali}, of Tasklist as {@code admin.bangli};
   * the login form comes first and returns there. Timed from pressing "Masuk" to the first row shown.
   * The first round starts with an empty browser cache, the others with the webapps' files cached (a
   * fresh login each time).
   */
  static void browser(int port, String definition) {
    try (Browsers browsers = Browsers.launch()) {
      Page cockpit = browsers.newPage(1400, 900);
      Page tasklist = browsers.newPage(1400, 900);
      List<Long> warm = new ArrayList<>();
      for (int round = 0; round < 6; round++) {
        double c = page(cockpit, port, "supervisor.bali", "/camunda/app/cockpit/default/#/process-definition/"
            + definition + "/runtime", "a[href*='#/process-instance/']");
        double t = page(tasklist, port, "admin.bangli", "/camunda/app/tasklist/default/", ".tasks-list .task");
        System.out.printf("browser, login to list visible (%s cache): Cockpit process page (supervisor.bali) %,.0f ms,"
            + " Tasklist (admin.bangli) %,.0f ms%n", round == 0 ? "empty" : "warm", c, t);
      }
    }
  }

  static double page(Page page, int port, String user, String path, String selector) {
    page.context().clearCookies();
    page.navigate("http://localhost:" + port + path);
    page.waitForSelector("#username");
    page.fill("#username", user);
    page.fill("#password", "demo");
    long start = System.nanoTime();
    page.click("button[type=submit]");
    page.waitForSelector(selector, new Page.WaitForSelectorOptions().setTimeout(60_000));
    double ms = (System.nanoTime() - start) / 1e6;
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return ms;
  }

  // --- the report ---------------------------------------------------------------------------------

  static void print(int volume, Map<String, Map<String, double[]>> byRole) {
    System.out.printf("%nCalls at %,d open complaints, ms p50 / p95 per role:%n", volume);
    Map<String, Map<String, double[]>> byCall = new LinkedHashMap<>();
    byRole.forEach((role, calls) -> calls.forEach((call, t) ->
        byCall.computeIfAbsent(call, k -> new LinkedHashMap<>()).put(role, t)));
    double worst = 0;
    String worstAt = "";
    for (var call : byCall.entrySet()) {
      StringBuilder line = new StringBuilder(String.format("%-40s", call.getKey()));
      for (var role : call.getValue().entrySet()) {
        line.append(String.format(" %s %.0f/%.0f", role.getKey(), role.getValue()[0], role.getValue()[1]));
        if (role.getValue()[1] > worst) {
          worst = role.getValue()[1];
          worstAt = call.getKey() + " as " + role.getKey();
        }
      }
      System.out.println(line);
    }
    System.out.printf("slowest p95 at %,d: %.0f ms (%s)%n", volume, worst, worstAt);
    System.out.printf("%n| role | Cockpit instance list (50) | Cockpit instance count | Tasklist filter list (15) + count"
        + " | Cockpit dashboard statistics | slowest call of the role |%n|---|---|---|---|---|---|%n");
    byRole.forEach((role, calls) -> {
      double[] slowest = calls.values().stream().max((a, b) -> Double.compare(a[1], b[1])).orElse(new double[2]);
      String slowestName = calls.entrySet().stream().filter(e -> e.getValue() == slowest).map(Map.Entry::getKey)
          .findFirst().orElse("");
      System.out.printf("| %s | %s | %s | %s | %s | %.0f ms (%s) |%n", role, cell(calls, "definition: instance list (50)"),
          cell(calls, "definition: cockpit instance count"), cell(calls, "tasklist: my groups' list (15) + count"),
          cell(calls, "dashboard: definition statistics"), slowest[1], slowestName);
    });
  }

  static String cell(Map<String, double[]> calls, String name) {
    double[] t = calls.get(name);
    return t == null ? "–" : String.format("%.0f / %.0f", t[0], t[1]);
  }

  /** The cost per added instance: the slowest p95 of each role at each volume. */
  static void growth(Map<Integer, Map<String, Map<String, double[]>>> results) {
    System.out.printf("%nGrowth: slowest call's p95 per role (ms) by open complaints%n");
    Map<String, Map<Integer, Double>> byRole = new TreeMap<>();
    results.forEach((volume, roles) -> roles.forEach((role, calls) -> byRole.computeIfAbsent(role,
        k -> new TreeMap<>()).put(volume, calls.values().stream().mapToDouble(t -> t[1]).max().orElse(0))));
    StringBuilder header = new StringBuilder(String.format("%-30s", "role"));
    results.keySet().forEach(v -> header.append(String.format(" %10s", String.format("%,d", v))));
    System.out.println(header);
    byRole.forEach((role, volumes) -> {
      StringBuilder line = new StringBuilder(String.format("%-30s", role));
      volumes.values().forEach(ms -> line.append(String.format(" %10.0f", ms)));
      System.out.println(line);
    });
  }
}
