package id.lapor.casework;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Cockpit tab "Pengaduan selesai": Cockpit loads it through our {@code config.js}, and the
 * history queries it makes find a finished complaint's tracking number and its outcome.
 */
@LaporTest
class FinishedComplaintsCockpitPluginIntegrationTests {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired HistoryService historyService;

  @Test
  void cockpitLoadsThePluginFromTheApplicationsConfig() {
    ResponseEntity<String> config = http.getForEntity("/camunda/app/cockpit/scripts/config.js", String.class);
    assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(config.getBody()).contains("'scripts/lapor/finished-complaints'");
    ResponseEntity<String> plugin = http.getForEntity("/camunda/app/cockpit/scripts/lapor/finished-complaints.js",
        String.class);
    assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(plugin.getBody()).contains("cockpit.processDefinition.runtime.tab", "export default");
  }

  @Test
  void historyQueriesOfThePluginFindTheTrackingNumberAndTheOutcome() throws Exception {
    String tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "ARCHIVE", ProcessVariables.ARCHIVE_REASON, "UNINTELLIGIBLE"));
    var instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(tn).singleResult();
    TestRestTemplate supervisor = http.withBasicAuth("supervisor.bali", "demo");
    String definition = instance.getProcessDefinitionId();

    JsonNode instances = json.readTree(supervisor.getForEntity("/engine-rest/history/process-instance"
        + "?processDefinitionId=" + definition + "&finished=true&sortBy=endTime&sortOrder=desc&maxResults=50",
        String.class).getBody());
    assertThat(instances.findValuesAsText("businessKey")).contains(tn);

    JsonNode ends = json.readTree(supervisor.getForEntity(java.net.URI.create("/engine-rest/history/activity-instance"
        + "?processDefinitionId=" + definition.replace(":", "%3A") + "&activityType=noneEndEvent&finished=true"
        + "&finishedAfter=" + finishedAfter(instances) + "&sortBy=endTime&sortOrder=desc&maxResults=400"),
        String.class).getBody());
    JsonNode end = null;
    for (JsonNode e : ends) {
      if (e.get("processInstanceId").asText().equals(instance.getId())
          && e.get("parentActivityInstanceId").asText().equals(instance.getId())) {
        end = e;
      }
    }
    assertThat(end).as("the process's own end event, directly under the instance").isNotNull();
    assertThat(end.get("activityName").asText()).isEqualTo("Pengaduan diarsipkan");
  }

  /** As the tab asks: end events since a second before the oldest end of the page ("+" written %2B). */
  private static String finishedAfter(JsonNode instances) {
    java.time.Instant oldest = null;
    for (JsonNode i : instances) {
      java.time.Instant end = java.time.OffsetDateTime.parse(i.get("endTime").asText(),
          java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
      oldest = oldest == null || end.isBefore(oldest) ? end : oldest;
    }
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC)
        .format(oldest.minusSeconds(1)) + "%2B0000";
  }
}
