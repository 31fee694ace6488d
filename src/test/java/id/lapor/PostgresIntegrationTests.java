package id.lapor;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.InstitutionRegistry;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.ComplaintFixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production profile on a real PostgreSQL (17, binaries from Maven): Flyway migrates the
 * application tables, Camunda creates its own, no demo data loads, and a complaint is handled.
 * Runs in the JVM of the restart tests (it starts and stops an application itself).
 */
class PostgresIntegrationTests {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void runsThePostgresProfileWithMigrationsAndWithoutDemoData() throws Exception {
    try (var app = new SpringApplicationBuilder(LaporApplication.class).profiles("postgres").run(
        "--server.port=0",
        "--LAPOR_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--LAPOR_DB_USER=postgres",
        "--LAPOR_DB_PASSWORD=postgres",
        "--LAPOR_PRIVACY_KEY=k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
        "--LAPOR_ADMIN_USER=operator",
        "--LAPOR_ADMIN_PASSWORD=ganti-segera",
        "--camunda.bpm.job-execution.enabled=false")) {
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
      assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
      assertThat(jdbc.queryForList("select version from flyway_schema_history where success order by installed_rank",
          String.class)).as("every migration shipped, applied on PostgreSQL").containsExactlyElementsOf(shippedMigrations());
      assertThat(app.getBean(IdentityService.class).createUserQuery().userId("demo").count())
          .as("no demo logins in production").isZero();
      assertThat(app.getBean(IdentityService.class).createUserQuery().userId("operator")
          .memberOfGroup("camunda-admin").count()).as("the first operator from LAPOR_ADMIN_USER").isOne();
      assertThat(app.getBean(Complaints.class).count()).isZero();

      var registry = app.getBean(InstitutionRegistry.class);
      registry.register("ID", "Admin Nasional", InstitutionKind.NATIONAL, null, ZoneId.of("Asia/Jakarta"));
      registry.register("51", "Provinsi Bali", InstitutionKind.PROVINCE, "ID", ZoneId.of("Asia/Makassar"));
      registry.register("51.06", "Kab. Bangli", InstitutionKind.REGENCY, "51", ZoneId.of("Asia/Makassar"));
      registry.register("51.06.dinkes", "Dinas Kesehatan Kab. Bangli", InstitutionKind.OPD, "51.06",
          ZoneId.of("Asia/Makassar"));

      String tn = app.getBean(ComplaintIntake.class)
          .submit(ComplaintFixtures.aPublicComplaintIn(ComplaintFixtures.BANGLI)).trackingNumber();
      TaskService tasks = app.getBean(TaskService.class);
      var verify = tasks.createTaskQuery().processInstanceBusinessKey(tn).singleResult();
      assertThat(verify.getTaskDefinitionKey()).isEqualTo(ComplaintTasks.VERIFY_COMPLAINT);
      tasks.complete(verify.getId(), Map.of(ProcessVariables.VERIFICATION_DECISION, "FORWARD",
          ProcessVariables.OPD_CODE, "51.06.dinkes"));
      assertThat(app.getBean(Complaints.class).getByTrackingNumber(tn).getStatus()).isEqualTo(ComplaintStatus.FORWARDED);
      assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(tn).rootProcessInstances()
          .singleResult().getTenantId()).isEqualTo("51.06");

      // the national rollup's SQL on PostgreSQL: summing the deltas, rebuilding in a repeatable-read snapshot
      var rollup = app.getBean(id.lapor.supervision.FiguresRollup.class);
      assertThat(rollup.compact()).as("deltas of the submission and the forwarding").isPositive();
      assertThat(jdbc.queryForObject("select sum(received) from figures_total where dimension = 'unit' and item = '51'",
          Long.class)).isOne();
      assertThat(jdbc.queryForObject("select sum(forwarded) from figures_total where dimension = 'unit'", Long.class))
          .isOne();
      var rebuilt = rollup.rebuild();
      assertThat(rebuilt.complaints()).isOne();
      assertThat(rebuilt.differing()).as("%s", rebuilt.examples()).isZero();

      // a change not yet committed when the deltas are summed keeps its delta for the next run
      var dataSource = app.getBean(javax.sql.DataSource.class);
      try (var change = dataSource.getConnection()) {
        change.setAutoCommit(false);
        rate(change, tn, 5, 5, 1);
        assertThat(rollup.compact()).as("nothing committed to sum").isZero();
        change.commit();
      }
      assertThat(rollup.compact()).isOne();
      assertThat(rollup.rebuild().differing()).as("the rating counted once").isZero();
      assertThat(jdbc.queryForObject("select sum(rating_sum) from figures_total", Long.class)).isEqualTo(5);

      // and one not yet committed when the rollup is rebuilt keeps its delta: the rebuild counted the
      // read model before it
      try (var change = dataSource.getConnection()) {
        change.setAutoCommit(false);
        rate(change, tn, 3, -2, 0);
        assertThat(rollup.rebuild().differing()).isZero();
        change.commit();
      }
      assertThat(rollup.rebuild().differing()).as("the new rating counted once, the old one not").isZero();
      assertThat(jdbc.queryForObject("select sum(rating_sum) from figures_total", Long.class)).isEqualTo(3);
    }
  }

  /**
   * What a rating step writes, by hand on its own connection: the read model's rating and the delta
   * of the complaint's unit row (rating sum and count).
   */
  private static void rate(java.sql.Connection change, String trackingNumber, int rating, int sumDelta,
      int ratedDelta) throws java.sql.SQLException {
    try (var update = change.prepareStatement("update complaint_projection set rating = ? where tracking_number = ?")) {
      update.setInt(1, rating);
      update.setString(2, trackingNumber);
      assertThat(update.executeUpdate()).isOne();
    }
    try (var insert = change.prepareStatement("insert into figures_delta (complaint_id, received_on, dimension, item,"
        + " received, verified, verified_on_time, forwarded, answered, answered_on_time, escalations, escalated,"
        + " returns, transfers, reopened, rating_sum, rated, resolved, archived, merged)"
        + " select c.id, (p.received_at at time zone 'Asia/Jakarta')::date, 'unit', p.province_code,"
        + " 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?, 0, 0, 0"
        + " from complaint c join complaint_projection p on p.complaint_id = c.id where c.tracking_number = ?")) {
      insert.setInt(1, sumDelta);
      insert.setInt(2, ratedDelta);
      insert.setString(3, trackingNumber);
      assertThat(insert.executeUpdate()).isOne();
    }
  }

  /** The versions of the Flyway migrations for PostgreSQL (shared and its own), in order. */
  static java.util.List<String> shippedMigrations() {
    try {
      var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
      return java.util.stream.Stream.concat(
              java.util.Arrays.stream(resolver.getResources("classpath:db/migration/V*__*.sql")),
              java.util.Arrays.stream(resolver.getResources("classpath:db/vendor/postgresql/V*__*.sql")))
          .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
          .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
