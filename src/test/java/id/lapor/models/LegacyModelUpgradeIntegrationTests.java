package id.lapor.models;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.EscalationLevel;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Complaints;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints running on the model of the first release (before the SOP's escalation chain, the
 * reminder and the supervisors' choices) keep working after an upgrade: the shared delegates
 * recognise the old model and give it the variables its timers and tasks read. The old model is
 * deployed here for one regency's tenant (Bangka Selatan) and removed afterwards.
 */
@LaporTest
class LegacyModelUpgradeIntegrationTests {

  static final String REGENCY = "19.03";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ComplaintIntake intake;
  @Autowired Complaints complaints;
  @Autowired Casework casework;
  @Autowired TransactionTemplate tx;

  Deployment legacy;

  @AfterEach
  void removeTheOldModel() {
    casework.resetClock();
    if (legacy != null) {
      repositoryService.deleteDeployment(legacy.getId(), true);
    }
  }

  @Test
  void aComplaintOnTheFirstReleasesModelIsEscalatedAndSupervisedToTheEnd() throws Exception {
    try (InputStream bpmn = getClass().getResourceAsStream("/legacy/ComplaintHandling-session1.bpmn")) {
      legacy = repositoryService.createDeployment().name("legacy-session1").tenantId(REGENCY)
          .addInputStream("ComplaintHandling.bpmn", bpmn).deploy();
    }
    NewComplaint base = ComplaintFixtures.aPublicComplaintIn(REGENCY);
    String tn = intake.submit(new NewComplaint(base.classification(), base.title(), base.description(),
        base.category(), base.incidentDate(), new Location(REGENCY, "Toboali", null, null), base.channel(),
        base.privacy(), base.complainant())).trackingNumber();
    var pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tn).singleResult();
    assertThat(repositoryService.getProcessDefinition(pi.getProcessDefinitionId()).getDeploymentId())
        .isEqualTo(legacy.getId());

    casework.complete(tn, "Task_VerifyComplaint", "demo", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, REGENCY + ".dinkes"));
    casework.advanceClockPast(casework.task(tn, "Task_DisposeComplaint").getDueDate());
    assertThat(casework.fireDueTimers(pi.getId())).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> casework.complete(tn, "Task_SuperviseOverdueComplaint",
        "demo", Map.of(ProcessVariables.SUPERVISION_ACTION, "EXTEND", ProcessVariables.SUPERVISION_NOTE, "Tunggu.")))
        .hasMessageContaining("older version of the SOP");
    casework.complete(tn, "Task_SuperviseOverdueComplaint", "demo", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "PUSH", ProcessVariables.SUPERVISION_NOTE, "Ditegur."));
    casework.advanceClockPast((java.util.Date) runtimeService.getVariable(pi.getId(), "nationalEscalationDue"));
    assertThat(casework.fireDueTimers(pi.getId())).isEqualTo(1);
    assertThat(casework.task(tn, "Task_SuperviseOverdueComplaintNationally").getDueDate()).isNotNull();

    var c = tx.execute(s -> complaints.getByTrackingNumber(tn));
    assertThat(c.getEscalationLevel()).isEqualTo(EscalationLevel.NATIONAL);
    assertThat(c.getEscalationCount()).isEqualTo(2);
  }
}
