package id.lapor.casework;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.support.LaporTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  @Test
  void operatorsScrapeIntakeEngineJobsOutboxRollupAndIndexFigures() {
    String before = scrape();
    double started = value(before, "camunda_engine_events_total", "name=\"root-process-instance-start\"");
    // the timer appears with the first submission of its channel and outcome
    double stored = before.contains("lapor_intake_submissions_seconds_count{channel=\"API\",outcome=\"stored\"}")
        ? value(before, "lapor_intake_submissions_seconds_count", "channel=\"API\",outcome=\"stored\"") : 0;

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> created = http.postForEntity("/api/complaints", new HttpEntity<>(COMPLAINT, headers),
        String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);

    String after = scrape();
    assertThat(value(after, "camunda_engine_events_total", "name=\"root-process-instance-start\""))
        .as("the engine's own count of started instances, as a growing counter").isEqualTo(started + 1);
    assertThat(value(after, "lapor_intake_submissions_seconds_count", "channel=\"API\",outcome=\"stored\""))
        .isEqualTo(stored + 1);
    assertThat(after).contains("lapor_intake_submissions_seconds_bucket{channel=\"API\",outcome=\"stored\",le=");
    for (String event : EngineMetrics.EVENTS) {
      assertThat(after).contains("camunda_engine_events_total{name=\"" + event + "\"}");
    }
    assertThat(value(after, "lapor_jobs", "state=\"due\"")).isGreaterThanOrEqualTo(0);
    assertThat(value(after, "lapor_jobs", "state=\"failed\"")).isGreaterThanOrEqualTo(0);
    assertThat(value(after, "lapor_incidents_open", "")).isGreaterThanOrEqualTo(0);
    assertThat(value(after, "lapor_supervision_rollup_pending", "")).isGreaterThanOrEqualTo(0);
    assertThat(value(after, "lapor_duplicates_index", "state=\"documents\"")).isGreaterThanOrEqualTo(1);
    assertThat(value(after, "lapor_duplicates_index", "state=\"pending\"")).isGreaterThanOrEqualTo(0);
    assertThat(value(after, "lapor_duplicates_index_catch_up_age_seconds", "")).isGreaterThanOrEqualTo(0);
    assertThat(after).contains("lapor_notifications_outbox{state=\"PENDING\"}").contains("jvm_memory_used_bytes")
        .contains("hikaricp_connections_active");
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
