package id.lapor.casework;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /actuator/prometheus}: what an operator's Prometheus scrapes, and only an operator. */
@LaporTest
class OperatorMetricsIntegrationTests {

  static final String COMPLAINT = """
      {"classification":"PENGADUAN","title":"Jembatan desa retak",
       "description":"Jembatan penghubung dua banjar retak di tengah dan bergoyang saat dilewati truk.",
       "category":"INFRASTRUKTUR","regionCode":"51.06","privacy":"PUBLIC","incidentDate":"2026-11-01",
       "complainant":{"name":"Komang Testarini","email":"komang.testarini@example.org"}}
      """;

  @Autowired TestRestTemplate http;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;

  @AfterEach
  void resetClock() {
    casework.resetClock();
  }

  @Test
  void operatorsScrapeIntakeEngineRollupAndIndexFigures() {
    String before = scrape();
    double started = value(before, "camunda_engine_events_total", "name=\"root-process-instance-start\"");
    double stored = timed(before, "stored");
    double pendingDeltas = value(before, "lapor_supervision_rollup_pending", "");

    assertThat(post().getStatusCode()).isEqualTo(HttpStatus.CREATED);

    String after = scrape();
    assertThat(value(after, "camunda_engine_events_total", "name=\"root-process-instance-start\""))
        .as("the engine's own count of started instances, as a growing counter").isEqualTo(started + 1);
    assertThat(timed(after, "stored")).isEqualTo(stored + 1);
    assertThat(after).contains("lapor_intake_submissions_seconds_bucket{channel=\"API\",outcome=\"stored\",le=");
    for (String event : EngineMetrics.EVENTS) {
      assertThat(after).contains("camunda_engine_events_total{name=\"" + event + "\"}");
    }
    // the tests sum the deltas themselves (compact-interval PT24H): the new complaint's wait
    assertThat(value(after, "lapor_supervision_rollup_pending", "")).isGreaterThan(pendingDeltas);
    assertThat(value(after, "lapor_duplicates_index", "state=\"documents\"")).isGreaterThanOrEqualTo(1);
    assertThat(value(after, "lapor_duplicates_index", "state=\"pending\"")).isGreaterThanOrEqualTo(0);
    assertThat(value(after, "lapor_duplicates_index_catch_up_age_seconds", "")).isGreaterThanOrEqualTo(0);
    assertThat(after).contains("lapor_notifications_outbox{state=\"PENDING\"}").contains("jvm_memory_used_bytes")
        .contains("hikaricp_connections_active");
  }

  @Test
  void aSubmissionThatKeptNothingCountsAsRolledBack() {
    double rolledBack = timed(scrape(), "rolled-back");
    repositoryService.suspendProcessDefinitionByKey(ComplaintProcess.PROCESS_KEY);
    try {
      assertThat(post().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    } finally {
      repositoryService.activateProcessDefinitionByKey(ComplaintProcess.PROCESS_KEY);
    }
    assertThat(timed(scrape(), "rolled-back")).isEqualTo(rolledBack + 1);
  }

  @Test
  void theJobBacklogFailedJobsAndIncidentsFollowTheEngine() {
    String tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(tn, BANGLI_DINKES);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tn)
        .rootProcessInstances().singleResult().getId();
    Job deadline = managementService.createJobQuery().processInstanceId(instance).timers().orderByJobDuedate().asc()
        .list().get(0);
    String before = scrape();
    double due = value(before, "lapor_jobs", "state=\"due\"");
    double failed = value(before, "lapor_jobs", "state=\"failed\"");
    double incidents = value(before, "lapor_incidents_open", "");

    casework.advanceClockPast(deadline.getDuedate());
    assertThat(value(scrape(), "lapor_jobs", "state=\"due\"")).as("its timer is due now, nobody fired it")
        .isGreaterThanOrEqualTo(due + 1);

    managementService.setJobRetries(deadline.getId(), 0);
    String broken = scrape();
    assertThat(value(broken, "lapor_jobs", "state=\"failed\"")).isEqualTo(failed + 1);
    assertThat(value(broken, "lapor_incidents_open", "")).isEqualTo(incidents + 1);

    managementService.setJobRetries(deadline.getId(), 1);
    String mended = scrape();
    assertThat(value(mended, "lapor_jobs", "state=\"failed\"")).isEqualTo(failed);
    assertThat(value(mended, "lapor_incidents_open", "")).isEqualTo(incidents);
  }

  @Test
  void onlyOperatorsScrape() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("admin.bangli", "demo").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("supervisor.bali", "demo").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<String> post() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/complaints", new HttpEntity<>(COMPLAINT, headers), String.class);
  }

  /** Submissions through the API timed with {@code outcome}; the timer appears with its first one. */
  private static double timed(String exposition, String outcome) {
    String labels = "channel=\"API\",outcome=\"" + outcome + "\"";
    return exposition.contains("lapor_intake_submissions_seconds_count{" + labels + "}")
        ? value(exposition, "lapor_intake_submissions_seconds_count", labels) : 0;
  }

  private String scrape() {
    ResponseEntity<String> r = http.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(r.getHeaders().getContentType().toString()).startsWith("text/plain");
    return r.getBody();
  }

  /** The sample {@code name{labels}} of the exposition; fails when it is not there. */
  static double value(String exposition, String name, String labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels.isEmpty() ? "" : "\\{" + Pattern.quote(labels)
        + "\\}") + " (\\S+)$").matcher(exposition);
    assertThat(m.find()).as(name + "{" + labels + "} in the exposition").isTrue();
    return Double.parseDouble(m.group(1));
  }
}
