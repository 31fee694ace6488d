package id.lapor.supervision;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.ReplyDecision;
import id.lapor.complaint.TimelineEventType;
import id.lapor.complaint.TrafficLight;
import id.lapor.intake.ComplaintIntake;
import id.lapor.intake.ComplaintIntake.Submission;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures as supervisors read them: equal to what the complaints themselves say (counted here
 * independently, from the complaint rows and timelines), consistent between levels, and scoped.
 */
@LaporTest
class SupervisionFiguresIntegrationTests {

  static final String PERIOD = "&from=2020-01-01&to=2030-12-31";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired Complaints complaints;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  void someComplaintsInBangli() {
    Submission answered = intake.submit(aPublicComplaintIn(BANGLI));
    casework.forward(answered.trackingNumber(), BANGLI_DINKES);
    casework.dispose(answered.trackingNumber(), "petugas.bangli.dinkes");
    casework.postFollowUp(answered.trackingNumber(), "Sudah ditangani.");
    intake.reply(answered.trackingNumber(), answered.followUpToken(), ReplyDecision.ACCEPT, 5, null);

    String archived = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.complete(archived, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "ARCHIVE", ProcessVariables.ARCHIVE_REASON, "UNINTELLIGIBLE"));

    String late = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(late, BANGLI_DINKES);
    casework.advanceClockPast(casework.task(late, ComplaintTasks.DISPOSE_COMPLAINT).getDueDate());
  }

  @AfterEach
  void resetClock() {
    casework.resetClock();
  }

  @Test
  void equalWhatTheComplaintsSayAtEachLevelAndAddUpAcrossLevels() throws Exception {
    JsonNode bali = figures("supervisor.bali", "51");
    expect(bali, c -> c.getAddressedRegionCode().startsWith("51."));
    JsonNode bangli = figures("admin.bangli", BANGLI);
    expect(bangli, c -> c.getAddressedRegionCode().equals(BANGLI));
    JsonNode dinkes = figures("penghubung.bangli.dinkes", BANGLI_DINKES);
    expect(dinkes, c -> c.getOpdCode().filter(BANGLI_DINKES::equals).isPresent());
    JsonNode nation = figures("admin.nasional", "ID");
    expect(nation, c -> true);

    assertThat(bangli.at("/summary/received").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(bangli.at("/board/overdue").asLong()).isPositive();
    for (JsonNode level : List.of(nation, bali, bangli)) {
      assertThat(sum(level.get("units"), "/counts/received")).as("units add up to %s", level.at("/institution/code"))
          .isEqualTo(level.at("/summary/received").asLong());
      assertThat(sum(level.get("units"), "/board/overdue")).isEqualTo(level.at("/board/overdue").asLong());
    }
    assertThat(sum(bangli.get("weekly"), "/received")).isEqualTo(bangli.at("/summary/received").asLong());
    // the period runs to 2030, the trend only to this week: weeks to come are not weeks without complaints
    var weekly = bangli.get("weekly");
    java.time.LocalDate lastWeek = java.time.LocalDate.parse(weekly.get(weekly.size() - 1).get("weekStart").asText());
    java.time.LocalDate today = java.time.LocalDate.ofInstant(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.of("Asia/Makassar"));
    assertThat(lastWeek).isAfter(today.minusDays(7)).isBeforeOrEqualTo(today);
    assertThat(sum(bangli.get("byCategory"), "/received")).isEqualTo(bangli.at("/summary/received").asLong());
    assertThat(sum(bangli.get("byChannel"), "/received")).isEqualTo(bangli.at("/summary/received").asLong());
    assertThat(sum(bangli.get("byClassification"), "/received")).isEqualTo(bangli.at("/summary/received").asLong());
    assertThat(bangli.get("byCategory").findValuesAsText("label")).contains("Layanan kesehatan");
    assertThat(bangli.get("units").findValuesAsText("code")).contains(BANGLI_DINKES, BANGLI);
    assertThat(bangli.at("/summary/followUpHoursMedian").isNumber()).isTrue();
    // the nation's percentiles come from the rollup's histogram, and say so; the others are exact
    assertThat(nation.get("followUpHoursApproximate").asBoolean()).isTrue();
    assertThat(bangli.get("followUpHoursApproximate").asBoolean()).isFalse();
  }

  /** The API's figures against an independent count over the complaint rows. */
  private void expect(JsonNode figures, Predicate<Complaint> inUnit) {
    Instant now = casework.now();
    transactions.executeWithoutResult(tx -> {
      List<Complaint> all = complaints.findAll().stream().filter(inUnit).toList();
      JsonNode s = figures.get("summary");
      String unit = figures.at("/institution/code").asText();
      assertThat(s.get("received").asLong()).as(unit).isEqualTo(all.size());
      assertThat(s.get("resolved").asLong()).as(unit).isEqualTo(count(all, c -> c.getStatus() == ComplaintStatus.RESOLVED));
      assertThat(s.get("archived").asLong()).as(unit).isEqualTo(count(all, c -> c.getStatus() == ComplaintStatus.ARCHIVED));
      assertThat(s.get("returns").asLong()).as(unit).isEqualTo(all.stream().mapToLong(Complaint::getReturnCount).sum());
      assertThat(s.get("transfers").asLong()).as(unit).isEqualTo(all.stream().mapToLong(Complaint::getTransferCount).sum());
      assertThat(s.get("escalations").asLong()).as(unit)
          .isEqualTo(all.stream().mapToLong(Complaint::getEscalationCount).sum());
      assertThat(s.get("reopened").asLong()).as(unit).isEqualTo(count(all, c -> c.getReopenCount() > 0));
      assertThat(s.get("rated").asLong()).as(unit).isEqualTo(count(all, c -> c.getRating().isPresent()));
      assertThat(s.get("answered").asLong()).as(unit).isEqualTo(count(all, c -> c.getTimeline().stream()
          .anyMatch(e -> e.getType() == TimelineEventType.FOLLOW_UP_POSTED)));
      assertThat(s.get("forwarded").asLong()).as(unit).isEqualTo(count(all, c -> c.getTimeline().stream()
          .anyMatch(e -> e.getType() == TimelineEventType.FORWARDED)));
      double ratingSum = all.stream().flatMap(c -> c.getRating().stream()).mapToInt(Integer::intValue).sum();
      long rated = count(all, c -> c.getRating().isPresent());
      if (rated > 0) {
        assertThat(s.get("averageRating").asDouble()).as(unit)
            .isCloseTo(ratingSum / rated, org.assertj.core.data.Offset.offset(0.01));
      }
      if (!all.isEmpty()) {
        assertThat(s.get("completionRate").asDouble()).as(unit).isCloseTo(
            100.0 * count(all, c -> c.getStatus() == ComplaintStatus.RESOLVED) / all.size(),
            org.assertj.core.data.Offset.offset(0.051));
      }
      JsonNode board = figures.get("board");
      assertThat(board.get("overdue").asLong()).as(unit).isEqualTo(count(all, c -> c.getStatus().isOpen()
          && c.getStatus() != ComplaintStatus.AWAITING_INFORMATION && c.getStatus() != ComplaintStatus.ANSWERED
          && c.getCurrentDeadline().filter(now::isAfter).isPresent()));
      assertThat(board.get("red").asLong()).as(unit)
          .isEqualTo(count(all, c -> c.trafficLight(now).filter(TrafficLight.RED::equals).isPresent()));
      assertThat(board.get("yellow").asLong()).as(unit)
          .isEqualTo(count(all, c -> c.trafficLight(now).filter(TrafficLight.YELLOW::equals).isPresent()));
    });
  }

  private static long count(List<Complaint> all, Predicate<Complaint> p) {
    return all.stream().filter(p).count();
  }

  private static long sum(JsonNode rows, String pointer) {
    long total = 0;
    for (JsonNode row : rows) {
      total += row.at(pointer).asLong();
    }
    return total;
  }

  @Test
  void eachSeesOnlyTheirLevelAndThoseBelow() {
    Map<String, Map<String, HttpStatus>> expected = Map.of(
        "supervisor.bali", Map.of("51", HttpStatus.OK, "51.06", HttpStatus.OK, BANGLI_DINKES, HttpStatus.OK,
            "ID", HttpStatus.NOT_FOUND, "35", HttpStatus.NOT_FOUND, "35.10", HttpStatus.NOT_FOUND),
        "admin.bangli", Map.of("51.06", HttpStatus.OK, BANGLI_DINKES, HttpStatus.OK, "51", HttpStatus.NOT_FOUND,
            "51.03", HttpStatus.NOT_FOUND, "ID", HttpStatus.NOT_FOUND),
        "penghubung.bangli.dinkes", Map.of(BANGLI_DINKES, HttpStatus.OK, "51.06", HttpStatus.NOT_FOUND,
            "51.06.pupr", HttpStatus.NOT_FOUND),
        "supervisor.jatim", Map.of("35", HttpStatus.OK, "35.10", HttpStatus.OK, "51", HttpStatus.NOT_FOUND),
        "admin.nasional", Map.of("ID", HttpStatus.OK, "51", HttpStatus.OK, "ID.pln", HttpStatus.OK));
    expected.forEach((user, codes) -> codes.forEach((code, status) -> {
      assertThat(get(user, "/api/staff/supervision/figures?institution=" + code).getStatusCode())
          .as("%s figures of %s", user, code).isEqualTo(status);
      assertThat(get(user, "/api/staff/supervision/overdue?institution=" + code).getStatusCode())
          .as("%s overdue of %s", user, code).isEqualTo(status);
    }));
    assertThat(http.getForEntity("/api/staff/supervision/figures?institution=51", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void namesWhatIsWrongWithARequest() throws Exception {
    assertProblem(get("supervisor.bali", "/api/staff/supervision/figures"), "institution");
    assertProblem(get("supervisor.bali", "/api/staff/supervision/figures?institution=99.99"), "institution");
    assertProblem(get("supervisor.bali", "/api/staff/supervision/figures?institution=51&from=kemarin"), "from");
    assertProblem(get("supervisor.bali", "/api/staff/supervision/figures?institution=51&from=2026-02-01&to=2026-01-01"),
        "to");
    assertProblem(get("supervisor.bali", "/api/staff/supervision/figures?institution=51&from=2000-01-01&to=2026-01-01"),
        "from");
    assertProblem(get("supervisor.bali", "/api/staff/supervision/overdue?institution=51&limit=0"), "limit");
  }

  @Test
  void listsOverdueComplaintsLongestFirstWithTheirProcessInstance() throws Exception {
    JsonNode rows = json.readTree(get("admin.bangli", "/api/staff/supervision/overdue?institution=51.06").getBody());
    assertThat(rows.size()).isPositive();
    Instant previous = Instant.MIN;
    for (JsonNode row : rows) {
      assertThat(row.get("regencyCode").asText()).isEqualTo(BANGLI);
      Instant due = Instant.parse(row.get("dueAt").asText());
      assertThat(due).isAfterOrEqualTo(previous).isBefore(casework.now());
      previous = due;
      assertThat(row.get("cockpitPath").asText()).startsWith("/camunda/app/cockpit/default/#/process-instance/")
          .contains(row.get("processInstanceId").asText());
      assertThat(row.has("title")).as("no contents in the list").isFalse();
      if (row.hasNonNull("opdCode") && !row.get("status").asText().equals("ANSWERED")) {
        assertThat(row.get("light").asText()).as("the light the list counts").isEqualTo("OVERDUE");
        assertThat(row.get("lightAtDeadline").asText()).isIn("RED", "YELLOW");
      }
    }
    assertThat(rows.findValuesAsText("light")).as("an overdue complaint at an OPD").contains("OVERDUE");
    JsonNode units = json.readTree(get("supervisor.bali", "/api/staff/supervision/units").getBody());
    assertThat(units.findValuesAsText("code")).containsExactly("51");
    assertThat(json.readTree(get("admin.nasional", "/api/staff/supervision/units").getBody()).findValuesAsText("code"))
        .containsExactly("ID");
  }

  private void assertProblem(ResponseEntity<String> response, String field) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("\"" + field + "\"");
  }

  private JsonNode figures(String user, String code) throws Exception {
    ResponseEntity<String> response = get(user, "/api/staff/supervision/figures?institution=" + code + PERIOD);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }
}
