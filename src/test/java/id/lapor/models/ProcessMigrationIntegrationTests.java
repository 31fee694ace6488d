package id.lapor.models;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintTasks;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.ReplyDecision;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Operators move complaints under way onto a new version of the SOP. */
@LaporTest
class ProcessMigrationIntegrationTests {

  static final String KEY = "ComplaintHandling";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired Complaints complaints;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @AfterEach
  void deployTheShippedModelAsLatestAgain() throws Exception {
    deploy(shipped());
  }

  @Test
  void movesRunningComplaintsToTheNewVersionWithTheirDeadlines() throws Exception {
    var submission = intake.submit(aPublicComplaintIn(BANGLI));
    String tn = submission.trackingNumber();
    casework.forward(tn, BANGLI_DINKES);
    var before = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tn).rootProcessInstances().singleResult();
    Date dueBefore = casework.task(tn, ComplaintTasks.DISPOSE_COMPLAINT).getDueDate();
    java.util.List<Date> timersBefore = timers(before.getId());
    // as if started on a version from before transfers, which did not yet name who verifies
    runtimeService.removeVariable(before.getId(), "verifierGroups");

    deploy(shipped().replace("SOP nasional SP4N-LAPOR!:", "SOP nasional SP4N-LAPOR! (revisi):"));
    String latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).withoutTenantId()
        .latestVersion().singleResult().getId();
    assertThat(migrate("admin.bangli").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> response = migrate("demo");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(response.getBody()).findValuesAsText("instances")).isNotEmpty();

    var after = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tn).rootProcessInstances().singleResult();
    assertThat(after.getProcessDefinitionId()).isEqualTo(latest).isNotEqualTo(before.getProcessDefinitionId());
    assertThat(casework.task(tn, ComplaintTasks.DISPOSE_COMPLAINT).getDueDate()).isEqualTo(dueBefore);
    assertThat(timers(after.getId())).containsExactlyInAnyOrderElementsOf(timersBefore);
    assertThat(runtimeService.getVariable(after.getId(), "verifierGroups")).isEqualTo("regency-admins-51.06");

    casework.dispose(tn, "petugas.bangli.dinkes");
    casework.postFollowUp(tn, "Sudah ditangani pada versi baru.");
    intake.reply(tn, submission.followUpToken(), ReplyDecision.ACCEPT, 5, null);
    assertThat(complaints.getByTrackingNumber(tn).getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
  }

  @Test
  void leavesAComplaintWhoseStepTheNewVersionLacksWhereItIsAndSaysSo() throws Exception {
    String tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(tn, BANGLI_DINKES);
    String definitionBefore = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tn)
        .rootProcessInstances().singleResult().getProcessDefinitionId();
    int versionBefore = repositoryService.getProcessDefinition(definitionBefore).getVersion();

    deploy(shipped().replace("Task_DisposeComplaint", "Task_DisposeComplaintRenamed"));
    ResponseEntity<String> response = migrate("demo");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    var line = java.util.stream.StreamSupport.stream(json.readTree(response.getBody()).spliterator(), false)
        .filter(m -> m.get("fromVersion").asInt() == versionBefore && m.get("fromTenantId").isNull())
        .findFirst().orElseThrow();
    assertThat(line.get("waiting").asLong()).as("waits in a step the new version lacks").isGreaterThanOrEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tn).rootProcessInstances()
        .singleResult().getProcessDefinitionId()).isEqualTo(definitionBefore);
    assertThat(casework.task(tn, ComplaintTasks.DISPOSE_COMPLAINT)).isNotNull();
  }

  private ResponseEntity<String> migrate(String user) {
    return http.withBasicAuth(user, "demo").postForEntity("/api/staff/process-migrations", null, String.class);
  }

  private java.util.List<Date> timers(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
        .map(Job::getDuedate).toList();
  }

  private void deploy(String bpmn) {
    repositoryService.createDeployment().name("migration-test").addString("processes/ComplaintHandling.bpmn", bpmn)
        .deploy();
  }

  private static String shipped() throws Exception {
    return Files.readString(Path.of("processes/ComplaintHandling.bpmn"));
  }
}
