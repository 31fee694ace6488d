package id.lapor.supervision;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.BANGLI_PUPR;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.EscalationLevel;
import id.lapor.complaint.ReplyDecision;
import id.lapor.complaint.TrafficLight;
import id.lapor.intake.ComplaintIntake;
import id.lapor.intake.ComplaintIntake.Submission;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model through the real process: kept in the same transaction as each step, equal to
 * the rebuild from the timeline for every complaint in the database, and rebuilt only by operators.
 */
@LaporTest
class ProjectionIntegrationTests {

  @Autowired ComplaintProjections projections;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired Complaints complaints;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired ProjectionRebuild rebuild;
  @Autowired FiguresRollup rollup;

  @AfterEach
  void resetClock() {
    casework.resetClock();
  }

  @Test
  void followsEveryStepAndEqualsTheRebuildForEveryComplaint() throws Exception {
    // answered on time, disputed, answered again, accepted with a rating
    Submission disputed = intake.submit(aPublicComplaintIn(BANGLI));
    String a = disputed.trackingNumber();
    casework.forward(a, BANGLI_DINKES);
    casework.dispose(a, "petugas.bangli.dinkes");
    casework.postFollowUp(a, "Obat sudah tersedia.");
    intake.reply(a, disputed.followUpToken(), ReplyDecision.DISPUTE, 2, "Masih kosong.");
    casework.postFollowUp(a, "Stok dikirim hari ini.");
    intake.reply(a, disputed.followUpToken(), ReplyDecision.ACCEPT, 4, null);

    // returned, forwarded elsewhere, escalated, answered late
    String b = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(b, BANGLI_DINKES);
    casework.complete(b, ComplaintTasks.DISPOSE_COMPLAINT, "penghubung.bangli.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "RETURN", ProcessVariables.RETURN_REASON, "Urusan PUPR."));
    casework.forward(b, BANGLI_PUPR);
    casework.advanceClockPast(casework.task(b, ComplaintTasks.DISPOSE_COMPLAINT).getDueDate());
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(b).rootProcessInstances().singleResult().getId();
    assertThat(casework.fireDueTimers(instance)).isPositive();

    // archived at verification
    String c = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.complete(c, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "ARCHIVE", ProcessVariables.ARCHIVE_REASON, "UNINTELLIGIBLE"));

    assertThat(jdbc.queryForObject("select count(*) from complaint c where not exists"
        + " (select 1 from complaint_projection p where p.complaint_id = c.id)", Long.class))
        .as("every complaint has its row from the first step on").isZero();
    assertThat(jdbc.queryForObject("select count(*) from complaint_projection", Long.class))
        .isEqualTo(jdbc.queryForObject("select count(*) from complaint", Long.class));

    transactions.executeWithoutResult(tx -> {
      var first = rowOf(complaints.getByTrackingNumber(a));
      assertThat(first.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
      assertThat(first.getReopenCount()).isEqualTo(1);
      assertThat(first.getRating()).isEqualTo(4);
      assertThat(first.getAnsweredOnTime()).isTrue();
      assertThat(first.getVerifiedOnTime()).isTrue();
      assertThat(first.getFollowUpWorkMinutes()).isNotNull().isNotNegative();
      assertThat(first.getLight()).isEqualTo(TrafficLight.GREEN);

      var second = rowOf(complaints.getByTrackingNumber(b));
      assertThat(second.getReturnCount()).isEqualTo(1);
      assertThat(second.getOpdCode()).isEqualTo(BANGLI_PUPR);
      assertThat(second.getEscalationCount()).isPositive();
      assertThat(second.getHighestEscalation()).isNotEqualTo(EscalationLevel.NONE);
      assertThat(second.getInstitutionDueAt()).as("overdue now").isBefore(casework.now());
      assertThat(second.getProvinceCode()).isEqualTo("51");

      var third = rowOf(complaints.getByTrackingNumber(c));
      assertThat(third.getStatus()).isEqualTo(ComplaintStatus.ARCHIVED);
      assertThat(third.getClosedAt()).isNotNull();
      assertThat(third.getInstitutionDueAt()).isNull();

      for (Complaint any : complaints.findAll()) {
        ComplaintProjectionPropertyTests.agreesWithTheComplaint(rowOf(any), any,
            casework.now(), any.getTrackingNumber());
      }
    });

    var response = http.withBasicAuth("demo", "demo").postForEntity("/api/staff/supervision/projection/rebuild",
        null, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode result = json.readTree(response.getBody());
    assertThat(result.get("complaints").asLong()).isEqualTo(complaints.count());
    assertThat(result.get("drifted").asLong()).as("drifted: %s", result).isZero();
    assertThat(result.at("/rollup/complaints").asLong()).isEqualTo(complaints.count());
    assertThat(result.at("/rollup/differing").asLong()).as("the rollup's deltas: %s", result).isZero();
  }

  @Test
  void complaintsWithoutARowGetOneAtStartOrWithTheirNextStep() {
    String a = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    String b = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    forget(a);
    forget(b);

    // at start (the same method the application runs when it is ready)
    ProjectionRebuild.Result backfilled = rebuild.backfill();
    assertThat(backfilled.complaints()).isGreaterThanOrEqualTo(2);
    assertThat(projectionRows(a)).isOne();
    forget(b);

    // or with the next step, folding the whole timeline
    casework.forward(b, BANGLI_DINKES);
    assertThat(projectionRows(b)).isOne();
    transactions.executeWithoutResult(tx -> {
      for (String tn : List.of(a, b)) {
        Complaint c = complaints.getByTrackingNumber(tn);
        ComplaintProjectionPropertyTests.agreesWithTheComplaint(rowOf(c), c, casework.now(), tn);
      }
      assertThat(rowOf(complaints.getByTrackingNumber(b)).getForwardedAt()).isNotNull();
    });
  }

  /**
   * The rollup counted the forgotten complaints once with their first row and again with the rebuilt
   * one (a complaint really recorded before the read model never had a first): rebuilt from the
   * read model so that later tests find it right.
   */
  @AfterEach
  void rollupAsTheReadModelSays() {
    rollup.rebuild();
  }

  /** Makes a complaint look as if recorded before the read model existed. */
  private void forget(String trackingNumber) {
    jdbc.update("delete from complaint_projection where tracking_number = ?", trackingNumber);
  }

  private long projectionRows(String trackingNumber) {
    return jdbc.queryForObject("select count(*) from complaint c join complaint_projection p on p.complaint_id = c.id"
        + " where c.tracking_number = ?", Long.class, trackingNumber);
  }

  private ComplaintProjection rowOf(Complaint complaint) {
    return projections.findByComplaintId(complaint.getId()).orElseThrow();
  }

  @Test
  void onlyOperatorsRebuild() {
    for (String user : List.of("supervisor.bali", "admin.bangli", "admin.nasional")) {
      assertThat(http.withBasicAuth(user, "demo").postForEntity("/api/staff/supervision/projection/rebuild", null,
          String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.postForEntity("/api/staff/supervision/projection/rebuild", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aDriftedRowIsRepairedAndReported() throws Exception {
    String tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    jdbc.update("update complaint_projection set return_count = 7 where tracking_number = ?", tn);
    JsonNode result = json.readTree(http.withBasicAuth("demo", "demo")
        .postForEntity("/api/staff/supervision/projection/rebuild", null, String.class).getBody());
    assertThat(result.get("drifted").asLong()).isEqualTo(1);
    assertThat(result.at("/driftedFields/returnCount").asLong()).isEqualTo(1);
    assertThat(result.get("examples").get(0).asText()).isEqualTo(tn);
    // the repair's delta took the 7 returns the rollup never counted off the province's day: rebuilt too
    assertThat(result.at("/rollup/differing").asLong()).as("%s", result).isEqualTo(1);
    assertThat(jdbc.queryForObject("select return_count from complaint_projection where tracking_number = ?",
        Integer.class, tn)).isZero();
  }
}
