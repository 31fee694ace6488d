package id.lapor.security;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.BANYUWANGI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TimelineEventType;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import id.lapor.support.StaffBrowser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The users of a task act on that task's complaint and nothing else, through both doors of the
 * engine's REST API (Camunda Modeler's {@code /engine-rest} and the webapps' {@code /camunda/api/engine}):
 * no variable writes, the form's fields only, comments only by those who work on the task, and
 * another regency's task answered exactly like one that does not exist.
 */
@LaporTest
class TaskBoundaryIntegrationTests {

  @Autowired TestRestTemplate http;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired Complaints complaints;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired TransactionTemplate tx;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  String bangli;
  String banyuwangi;
  String followUpTask;
  String banyuwangiTask;

  @BeforeEach
  void aBangliComplaintAtItsOfficerAndAConfidentialBanyuwangiOne() {
    bangli = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(bangli, BANGLI_DINKES);
    casework.dispose(bangli, "petugas.bangli.dinkes");
    followUpTask = casework.task(bangli, ComplaintTasks.PREPARE_FOLLOW_UP).getId();

    banyuwangi = intake.submit(ComplaintFixtures.complaint(BANYUWANGI, Privacy.CONFIDENTIAL)).trackingNumber();
    casework.complete(banyuwangi, ComplaintTasks.VERIFY_COMPLAINT, "admin.banyuwangi", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "35.10.dinkes"));
    banyuwangiTask = taskService.createTaskQuery().processInstanceBusinessKey(banyuwangi).singleResult().getId();
  }

  @Test
  void anOfficerCannotRepointTheirTaskAtAnotherComplaint() {
    TestRestTemplate officer = http.withBasicAuth("petugas.bangli.dinkes", "demo");
    long otherId = complaint(banyuwangi).getId();
    String repoint = "{\"modifications\":{\"complaintId\":{\"value\":" + otherId + ",\"type\":\"Long\"}}}";

    assertThat(officer.postForEntity("/engine-rest/task/" + followUpTask + "/variables", jsonEntity(repoint),
        String.class).getStatusCode().value()).as("task variables").isEqualTo(403);
    assertThat(officer.exchange("/engine-rest/task/" + followUpTask + "/localVariables/complaintId", HttpMethod.PUT,
        jsonEntity("{\"value\":" + otherId + ",\"type\":\"Long\"}"), String.class).getStatusCode().value())
        .as("task-local variable").isEqualTo(403);
    String instance = taskService.createTaskQuery().taskId(followUpTask).singleResult().getProcessInstanceId();
    assertThat(officer.postForEntity("/engine-rest/process-instance/" + instance + "/variables", jsonEntity(repoint),
        String.class).getStatusCode().value()).as("process variables (an OPD user cannot even see the instance)")
        .isEqualTo(404);
    assertThat(runtimeService.getVariables(instance)).doesNotContainKey("complaintId");

    ResponseEntity<String> answer = officer.postForEntity("/engine-rest/task/" + followUpTask + "/submit-form",
        jsonEntity("{\"variables\":{\"followUpText\":{\"value\":\"Obat sudah tersedia kembali.\"}}}"), String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    assertThat(complaint(bangli).getStatus()).isEqualTo(ComplaintStatus.ANSWERED);
    Complaint other = complaint(banyuwangi);
    assertThat(other.getStatus()).isEqualTo(ComplaintStatus.FORWARDED);
    assertThat(other.getTimeline()).extracting(TimelineEntry::getType)
        .doesNotContain(TimelineEventType.FOLLOW_UP_POSTED);
  }

  @Test
  void theComplaintOfATaskIsItsInstancesBusinessKeyWhateverItsVariablesSay() {
    // a variable written by any means (an older permission, an operator's mistake) decides nothing
    String instance = taskService.createTaskQuery().taskId(followUpTask).singleResult().getProcessInstanceId();
    runtimeService.setVariable(instance, "complaintId", complaint(banyuwangi).getId());

    casework.postFollowUp(bangli, "Stok obat sudah dipenuhi.");

    assertThat(complaint(bangli).getStatus()).isEqualTo(ComplaintStatus.ANSWERED);
    assertThat(complaint(banyuwangi).getStatus()).isEqualTo(ComplaintStatus.FORWARDED);
  }

  @Test
  void aFormSubmissionTakesTheFormsFieldsAndNothingElse() {
    TestRestTemplate officer = http.withBasicAuth("petugas.bangli.dinkes", "demo");
    for (String extra : new String[] {"\"opdCode\":{\"value\":\"51.06.pupr\"}",
        "\"complaintId\":{\"value\":1,\"type\":\"Long\"}", "\"followUpDue\":{\"value\":\"2030-01-01T00:00:00.000+0000\",\"type\":\"Date\"}",
        "\"verificationDecision\":{\"value\":\"ARCHIVE\"}"}) {
      ResponseEntity<String> r = officer.postForEntity("/engine-rest/task/" + followUpTask + "/submit-form",
          jsonEntity("{\"variables\":{\"followUpText\":{\"value\":\"Sudah.\"}," + extra + "}}"), String.class);
      String field = extra.substring(1, extra.indexOf('"', 1));
      assertThat(r.getStatusCode().value()).as(extra).isEqualTo(400);
      assertThat(r.getBody()).contains(field + ": not a field of this task's form");
    }
    assertThat(taskService.createTaskQuery().taskId(followUpTask).count()).as("the task stays open").isEqualTo(1);
    assertThat(complaint(bangli).getStatus()).isEqualTo(ComplaintStatus.IN_PROGRESS);
  }

  @Test
  void aTaskIsCompletedThroughItsFormNotWithVariablesOrBpmnErrors() {
    TestRestTemplate officer = http.withBasicAuth("petugas.bangli.dinkes", "demo");
    assertThat(officer.postForEntity("/engine-rest/task/" + followUpTask + "/complete",
        jsonEntity("{\"variables\":{\"followUpText\":{\"value\":\"Sudah.\"}}}"), String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(officer.postForEntity("/engine-rest/task/" + followUpTask + "/bpmnError",
        jsonEntity("{\"errorCode\":\"OpdStageRestarted\"}"), String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(officer.postForEntity("/engine-rest/task/" + followUpTask + "/bpmnEscalation",
        jsonEntity("{\"escalationCode\":\"x\"}"), String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(officer.exchange("/engine-rest/task/" + followUpTask, HttpMethod.PUT,
        jsonEntity("{\"name\":\"x\",\"due\":\"2030-01-01T00:00:00.000+0000\"}"), String.class)
        .getStatusCode().value()).as("due dates come from the SOP").isEqualTo(403);
    assertThat(officer.postForEntity("/engine-rest/message", jsonEntity("{\"messageName\":\"ReplyReceived\","
        + "\"businessKey\":\"" + bangli + "\"}"), String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(followUpTask).count()).isEqualTo(1);
  }

  @Test
  void onlyThoseWhoWorkOnATaskCommentOnIt() {
    String comment = "{\"message\":\"Mohon segera ditindaklanjuti\"}";
    for (String reader : new String[] {"supervisor.bali", "admin.nasional", "admin.bangli"}) {
      assertThat(http.withBasicAuth(reader, "demo").postForEntity("/engine-rest/task/" + followUpTask
          + "/comment/create", jsonEntity(comment), String.class).getStatusCode().value()).as(reader).isEqualTo(403);
    }
    ResponseEntity<String> own = http.withBasicAuth("petugas.bangli.dinkes", "demo").postForEntity(
        "/engine-rest/task/" + followUpTask + "/comment/create", jsonEntity(comment), String.class);
    assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(200);
    assertThat(taskService.getTaskComments(followUpTask)).hasSize(1);
  }

  @Test
  void anotherRegencysTaskAnswersExactlyLikeAnUnknownOneThroughBothDoors() throws Exception {
    TestRestTemplate bangliAdmin = http.withBasicAuth("admin.bangli", "demo");
    String[][] writes = {{"POST", "/comment/create", "{\"message\":\"x\"}"}, {"POST", "/claim", "{\"userId\":\"admin.bangli\"}"},
        {"POST", "/submit-form", "{\"variables\":{}}"}, {"GET", "/form-variables", null}, {"GET", "", null}};
    for (String[] w : writes) {
      ResponseEntity<String> other = bangliAdmin.exchange("/engine-rest/task/" + banyuwangiTask + w[1],
          HttpMethod.valueOf(w[0]), w[2] == null ? null : jsonEntity(w[2]), String.class);
      ResponseEntity<String> unknown = bangliAdmin.exchange("/engine-rest/task/" + "0" + banyuwangiTask + w[1],
          HttpMethod.valueOf(w[0]), w[2] == null ? null : jsonEntity(w[2]), String.class);
      assertThat(other.getStatusCode().value()).as(w[0] + w[1]).isEqualTo(404);
      assertThat(other.getBody().replace(banyuwangiTask, "ID"))
          .isEqualTo(unknown.getBody().replace("0" + banyuwangiTask, "ID"));
    }
    // the webapps' copy of the API, with a browser session, as Tasklist calls it
    StaffBrowser browser = StaffBrowser.loggedIn(port, "admin.bangli");
    String base = "/camunda/api/engine/engine/default/task/";
    HttpResponse<String> other = browser.camunda("POST", base + banyuwangiTask + "/comment/create", "{\"message\":\"x\"}");
    HttpResponse<String> unknown = browser.camunda("POST", base + "0" + banyuwangiTask + "/comment/create",
        "{\"message\":\"x\"}");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body().replace(banyuwangiTask, "ID")).isEqualTo(unknown.body().replace("0" + banyuwangiTask, "ID"));
    assertThat(taskService.getTaskComments(banyuwangiTask)).isEmpty();
    assertThat(browser.camunda("PUT", base + followUpTask + "/localVariables/complaintId",
        "{\"value\":1,\"type\":\"Long\"}").statusCode()).as("a variable write through Tasklist's door")
        .isIn(403, 404);
  }

  private Complaint complaint(String trackingNumber) {
    return tx.execute(s -> {
      Complaint c = complaints.getByTrackingNumber(trackingNumber);
      c.getTimeline().size();
      return c;
    });
  }

  private static HttpEntity<String> jsonEntity(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
