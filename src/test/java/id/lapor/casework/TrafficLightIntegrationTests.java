package id.lapor.casework;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The OPD's traffic light as staff and citizens see it. */
@LaporTest
class TrafficLightIntegrationTests {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired TaskService taskService;

  @AfterEach
  void resetClock() {
    casework.resetClock();
  }

  @Test
  void turnsYellowWhenAnOpdUserViewsTheFormButNotWhenTheRegencyAdminDoes() throws Exception {
    String tn = forwardedToBangliDinkes();
    String taskId = casework.task(tn, ComplaintTasks.DISPOSE_COMPLAINT).getId();
    assertThat(light(tn)).isEqualTo("RED");

    JsonNode adminView = formVariables("admin.bangli", taskId);
    assertThat(adminView.at("/complaintTrafficLight/value").asText()).startsWith("Merah");
    assertThat(light(tn)).as("the regency admin looking does not open it for the OPD").isEqualTo("RED");

    formVariables("penghubung.bangli.dinkes", taskId);
    assertThat(light(tn)).isEqualTo("YELLOW");
    assertThat(formVariables("penghubung.bangli.dinkes", taskId).at("/complaintTrafficLight/value").asText())
        .startsWith("Kuning");
  }

  @Test
  void turnsYellowWhenAnOpdUserClaimsTheTaskAndGreenWithTheFollowUp() throws Exception {
    String tn = forwardedToBangliDinkes();
    String taskId = casework.task(tn, ComplaintTasks.DISPOSE_COMPLAINT).getId();
    casework.as("penghubung.bangli.dinkes", () -> taskService.claim(taskId, "penghubung.bangli.dinkes"));
    assertThat(light(tn)).isEqualTo("YELLOW");

    casework.complete(tn, ComplaintTasks.DISPOSE_COMPLAINT, "penghubung.bangli.dinkes", java.util.Map.of(
        ProcessVariables.DISPOSITION_DECISION, "ASSIGN", ProcessVariables.FOLLOW_UP_ASSIGNEE, "petugas.bangli.dinkes"));
    casework.postFollowUp(tn, "Sudah ditangani.");
    JsonNode view = status(tn);
    assertThat(view.get("trafficLight").asText()).isEqualTo("GREEN");
    assertThat(view.get("answeredLate").asBoolean()).isFalse();
  }

  @Test
  void showsOverdueOnceTheDeadlinePassesAndCountsPerOpdAndPerRegency() throws Exception {
    String tn = forwardedToBangliDinkes();
    casework.advanceClockPast(casework.task(tn, ComplaintTasks.DISPOSE_COMPLAINT).getDueDate());
    assertThat(light(tn)).isEqualTo("OVERDUE");

    JsonNode perOpd = counts("51.06");
    JsonNode dinkes = null;
    for (JsonNode row : perOpd) {
      if (row.get("institutionCode").asText().equals(BANGLI_DINKES)) {
        dinkes = row;
      }
    }
    assertThat(perOpd.findValuesAsText("institutionCode")).allMatch(code -> code.startsWith("51.06."));
    assertThat(dinkes).isNotNull();
    assertThat(dinkes.get("overdue").asInt()).isGreaterThanOrEqualTo(1);

    JsonNode perRegency = counts("51");
    assertThat(perRegency.findValuesAsText("institutionCode")).contains("51.01", "51.06", "51.71")
        .allMatch(code -> code.matches("51\\.\\d{2}"));
    assertThat(http.withBasicAuth("supervisor.bali", "demo").getForEntity(
        "/api/staff/traffic-lights?regionCode=99", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/staff/traffic-lights?regionCode=51", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aSupervisorExtendsTheDeadlineOnceInTasklistAndTheComplainantSeesWhy() throws Exception {
    String tn = forwardedToBangliDinkes();
    casework.advanceClockPast(casework.task(tn, ComplaintTasks.DISPOSE_COMPLAINT).getDueDate());
    String pi = casework.task(tn, ComplaintTasks.DISPOSE_COMPLAINT).getProcessInstanceId();
    casework.fireDueTimers(pi);
    assertThat(light(tn)).isEqualTo("OVERDUE");

    String supervise = casework.task(tn, ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT).getId();
    JsonNode form = formVariables("supervisor.bali", supervise);
    assertThat(json.readTree(form.at("/supervisionActionOptions/value").asText()).findValuesAsText("value"))
        .containsExactly("PUSH", "REASSIGN", "EXTEND");
    assertThat(json.readTree(form.at("/opdOptions/value").asText()).findValuesAsText("value"))
        .as("another OPD of Bangli").doesNotContain(BANGLI_DINKES).allMatch(code -> code.startsWith("51.06."));
    ResponseEntity<String> refused = submitForm("supervisor.bali", supervise,
        "{\"supervisionAction\":{\"value\":\"EXTEND\"}}");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("supervisionNote: required");

    assertThat(submitForm("supervisor.bali", supervise, "{\"supervisionAction\":{\"value\":\"EXTEND\"},"
        + "\"supervisionNote\":{\"value\":\"Obat baru tiba minggu depan dari provinsi.\"}}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode view = status(tn);
    assertThat(view.get("trafficLight").asText()).as("no longer overdue").isIn("RED", "YELLOW");
    assertThat(view.get("escalated").asBoolean()).isFalse();
    assertThat(view.get("timeline").findValues("type")).extracting(JsonNode::asText).contains("DEADLINE_EXTENDED");
    assertThat(view.get("timeline").findValuesAsText("note")).contains("Obat baru tiba minggu depan dari provinsi.");

    // overdue again: the extension is spent and no longer offered
    casework.advanceClockPast(casework.task(tn, ComplaintTasks.DISPOSE_COMPLAINT).getDueDate());
    casework.fireDueTimers(pi);
    String again = casework.task(tn, ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT).getId();
    assertThat(json.readTree(formVariables("admin.bangli", again).at("/supervisionActionOptions/value").asText())
        .findValuesAsText("value")).containsExactly("PUSH", "REASSIGN");
  }

  private ResponseEntity<String> submitForm(String user, String taskId, String variables) {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        new org.springframework.http.HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
  }

  private String forwardedToBangliDinkes() {
    String tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(tn, BANGLI_DINKES);
    return tn;
  }

  private JsonNode formVariables(String user, String taskId) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo")
        .getForEntity("/engine-rest/task/" + taskId + "/form-variables", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private JsonNode counts(String region) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth("supervisor.bali", "demo")
        .getForEntity("/api/staff/traffic-lights?regionCode=" + region, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private JsonNode status(String tn) throws Exception {
    return json.readTree(http.getForEntity("/api/complaints/" + tn, String.class).getBody());
  }

  private String light(String tn) throws Exception {
    return status(tn).get("trafficLight").asText();
  }
}
