package id.lapor.models;

import static id.lapor.casework.ComplaintTasks.COORDINATE_FIRST_RESPONSE;
import static id.lapor.casework.ComplaintTasks.DISPOSE_COMPLAINT;
import static id.lapor.casework.ComplaintTasks.PREPARE_FOLLOW_UP;
import static id.lapor.casework.ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT;
import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.BANYUWANGI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.lapor.casework.ComplaintHandlingUpgrade;
import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.EscalationLevel;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.ReplyDecision;
import id.lapor.intake.ComplaintIntake;
import id.lapor.intake.ComplaintIntake.Submission;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints under way on the complaint process's earlier versions — the previous national model,
 * the first release's model, Banyuwangi's own copy — move to the national model with their steps,
 * tasks and deadlines, and go on to the end there. The old versions are deployed here as an
 * installation that ran them has them; what the old delegates wrote into the instances (their
 * stage and escalation variables), the tests write as they did.
 */
@LaporTest
class ComplaintHandlingUpgradeIntegrationTests {

  /** Tue 10 March 2026, 09:00 WITA. */
  static final Instant T0 = Instant.parse("2026-03-10T01:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired ComplaintHandlingUpgrade upgrade;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired ComplaintIntake intake;
  @Autowired Complaints complaints;
  @Autowired Casework casework;
  @Autowired TransactionTemplate tx;

  final List<Deployment> deployed = new ArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    casework.setClock(T0);
  }

  @AfterEach
  void removeTheOldVersions() {
    casework.resetClock();
    deployed.forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  @Test
  void movesComplaintsOfThePreviousNationalModelWithTheirTasksTimersAndClock() throws Exception {
    ProcessDefinition old = deploy("national-1", null);
    Submission atDisposition = submitOnOldModel(BANGLI);
    casework.forward(atDisposition.trackingNumber(), BANGLI_DINKES);
    Submission supervised = submitOnOldModel(BANGLI);
    casework.forward(supervised.trackingNumber(), BANGLI_DINKES);
    casework.dispose(supervised.trackingNumber(), "petugas.bangli.dinkes");
    Submission answered = submitOnOldModel(BANGLI);
    casework.forward(answered.trackingNumber(), BANGLI_DINKES);
    casework.dispose(answered.trackingNumber(), "petugas.bangli.dinkes");
    // the old "Post follow-up" marked the stage, which the old model's gateway after it reads
    runtimeService.setVariable(instance(answered.trackingNumber()).getId(), "opdStage", "FOLLOWED_UP");
    casework.postFollowUp(answered.trackingNumber(), "Obat sudah tersedia.");
    // the second complaint is overdue: the old model's first escalation is under way
    casework.advanceClockPast(casework.task(supervised.trackingNumber(), PREPARE_FOLLOW_UP).getDueDate());
    ProcessInstance supervisedPi = instance(supervised.trackingNumber());
    for (String job : List.of("StartEvent_FollowUpDeadlineApproaching", "StartEvent_FollowUpDeadlineReached")) {
      managementService.executeJob(managementService.createJobQuery().processInstanceId(supervisedPi.getId())
          .activityId(job).singleResult().getId());
    }
    assertThat(supervisedPi).isWaitingAt(PREPARE_FOLLOW_UP, SUPERVISE_OVERDUE_COMPLAINT);

    ProcessInstance disposalPi = instance(atDisposition.trackingNumber());
    ProcessInstance answeredPi = instance(answered.trackingNumber());
    String disposeTask = casework.task(atDisposition.trackingNumber(), DISPOSE_COMPLAINT).getId();
    String superviseTask = casework.task(supervised.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT).getId();
    Date reminderDue = job(disposalPi, "StartEvent_FollowUpDeadlineApproaching").getDuedate();
    Date secondEscalationDue = job(supervisedPi, "StartEvent_SecondEscalationDeadlineReached").getDuedate();
    Date replyDue = job(answeredPi, "Event_ReplyPeriodElapsed").getDuedate();

    ProcessDefinition national = deployShipped();
    var moved = upgrade.upgrade().stream().filter(m -> m.fromVersion() == old.getVersion() && m.fromTenantId() == null)
        .toList();
    assertThat(moved).singleElement().satisfies(m -> {
      assertThat(m.instances()).isEqualTo(3);
      assertThat(m.waiting()).isZero();
      assertThat(m.failed()).isZero();
      assertThat(m.toVersion()).isEqualTo(national.getVersion());
    });

    for (ProcessInstance pi : List.of(disposalPi, supervisedPi, answeredPi)) {
      assertThat(instance(pi.getBusinessKey()).getProcessDefinitionId()).isEqualTo(national.getId());
      assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("opdStage", "secondEscalationDue",
          "firstSupervisors", "firstSupervisionDue").containsKeys(ProcessVariables.FIRST_RESPONSE_TENANT,
          ProcessVariables.FOLLOW_UP_REVIEW_TENANT);
      assertThat(managementService.createJobQuery().processInstanceId(pi.getId())
          .activityId("StartEvent_FollowUpDeadlineApproaching").count()).as("no timer of the old model").isZero();
    }
    // waiting for the disposition: the same task, and the clock waits for the reminder at its old time
    assertThat(disposalPi).isWaitingAt(DISPOSE_COMPLAINT, "Event_FollowUpDeadlineApproaching");
    assertThat(casework.task(atDisposition.trackingNumber(), DISPOSE_COMPLAINT).getId()).isEqualTo(disposeTask);
    assertThat(job(disposalPi, "Event_FollowUpDeadlineApproaching").getDuedate()).isEqualTo(reminderDue);
    // under supervision: the same supervision task, and the clock waits for the next escalation
    assertThat(supervisedPi).isWaitingAt(PREPARE_FOLLOW_UP, SUPERVISE_OVERDUE_COMPLAINT,
        ComplaintTasks.NEXT_ESCALATION_DUE_EVENT);
    assertThat(casework.task(supervised.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT).getId()).isEqualTo(superviseTask);
    assertThat(job(supervisedPi, ComplaintTasks.NEXT_ESCALATION_DUE_EVENT).getDuedate()).isEqualTo(secondEscalationDue);
    // waiting for the complainant: the reply period runs on unchanged
    assertThat(answeredPi).isWaitingAt("Gateway_AwaitReply");
    assertThat(job(answeredPi, "Event_ReplyPeriodElapsed").getDuedate()).isEqualTo(replyDue);

    // and each goes on to its end on the national model
    casework.dispose(atDisposition.trackingNumber(), "petugas.bangli.dinkes");
    casework.postFollowUp(atDisposition.trackingNumber(), "Sudah ditangani.");
    intake.reply(atDisposition.trackingNumber(), atDisposition.followUpToken(), ReplyDecision.ACCEPT, 5, null);
    assertThat(disposalPi).isEnded();

    casework.complete(supervised.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT, "supervisor.bali", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "PUSH", ProcessVariables.SUPERVISION_NOTE, "Ditegur."));
    casework.advanceClockPast(secondEscalationDue);
    assertThat(casework.fireDueTimers(supervisedPi.getId())).isEqualTo(1);
    assertThat(casework.task(supervised.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT))
        .hasCandidateGroup("national-admins");
    EscalationLevel level = tx.execute(t -> complaints.getByTrackingNumber(supervised.trackingNumber())
        .getEscalationLevel());
    assertThat(level).isEqualTo(EscalationLevel.NATIONAL);
    casework.postFollowUp(supervised.trackingNumber(), "Akhirnya ditangani.");
    assertThat(supervisedPi).isWaitingAt("Gateway_AwaitReply");

    casework.advanceClockPast(replyDue);
    casework.fireDueTimers(answeredPi.getId());
    assertThat(answeredPi).isEnded().hasPassed("EndEvent_ComplaintResolvedNoReply");
  }

  @Test
  void movesComplaintsOfTheFirstReleaseWhoseEscalationsWereSubProcessesOfTheirOwn() throws Exception {
    ProcessDefinition old = deploy("session1", null);
    Submission s = submitOnOldModel(BANGLI);
    String tn = s.trackingNumber();
    casework.forward(tn, BANGLI_DINKES);
    ProcessInstance pi = instance(tn);
    runtimeService.setVariable(pi.getId(), "provinceSupervisionDue", Date.from(T0.plusSeconds(20 * 86400)));
    casework.advanceClockPast(casework.task(tn, DISPOSE_COMPLAINT).getDueDate());
    managementService.executeJob(job(pi, "StartEvent_FollowUpDeadlineReached").getId());
    assertThat(pi).isWaitingAt(DISPOSE_COMPLAINT, SUPERVISE_OVERDUE_COMPLAINT);
    Date nationalDue = job(pi, "StartEvent_NationalEscalationDeadlineReached").getDuedate();

    ProcessDefinition national = deployShipped();
    assertThat(runUpgrade()).filteredOn(m -> m.fromVersion() == old.getVersion() && m.fromTenantId() == null)
        .singleElement().satisfies(m -> assertThat(m.instances()).isEqualTo(1));
    assertThat(instance(tn).getProcessDefinitionId()).isEqualTo(national.getId());
    assertThat(pi).isWaitingAt(DISPOSE_COMPLAINT, SUPERVISE_OVERDUE_COMPLAINT, ComplaintTasks.NEXT_ESCALATION_DUE_EVENT);
    assertThat(job(pi, ComplaintTasks.NEXT_ESCALATION_DUE_EVENT).getDuedate()).isEqualTo(nationalDue);
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("nationalEscalationDue",
        "provinceSupervisionDue");

    casework.complete(tn, SUPERVISE_OVERDUE_COMPLAINT, "supervisor.bali", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "EXTEND", ProcessVariables.SUPERVISION_NOTE, "Tunggu obat."));
    assertThat(pi).as("the first release could not extend; the national model can")
        .hasPassed("Event_DeadlineExtended").isWaitingAt(DISPOSE_COMPLAINT, "Event_FollowUpDeadlineApproaching");
    Boolean extended = tx.execute(t -> complaints.getByTrackingNumber(tn).isDeadlineExtended());
    assertThat(extended).isTrue();
  }

  @Test
  void movesBanyuwangisComplaintsToTheNationalModelWithItsFirstResponsePlugInOnceTheyLeaveTheCamatsStep()
      throws Exception {
    ProcessDefinition old = deploy("35.10-1", BANYUWANGI);
    String atCamat = submitOnRegencyCopy(old, "Genteng");
    forwardInBanyuwangi(atCamat);
    String atOpd = submitOnRegencyCopy(old, "Muncar");
    forwardInBanyuwangi(atOpd);
    assertThat(instance(atCamat)).isWaitingAt(COORDINATE_FIRST_RESPONSE);
    assertThat(instance(atOpd)).isWaitingAt(DISPOSE_COMPLAINT);

    ProcessDefinition national = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("ComplaintHandling").withoutTenantId().latestVersion().singleResult();
    assertThat(runUpgrade()).filteredOn(m -> BANYUWANGI.equals(m.fromTenantId())).singleElement()
        .satisfies(m -> {
          assertThat(m.instances()).as("moved").isEqualTo(1);
          assertThat(m.waiting()).as("the camat's step is the plug-in's now").isEqualTo(1);
        });
    ProcessInstance moved = instance(atOpd);
    assertThat(moved.getProcessDefinitionId()).isEqualTo(national.getId());
    assertThat(moved.getTenantId()).as("still Banyuwangi's complaint").isEqualTo(BANYUWANGI);
    assertThat(runtimeService.getVariable(moved.getId(), ProcessVariables.FIRST_RESPONSE_TENANT)).isEqualTo(BANYUWANGI);
    assertThat(instance(atCamat).getProcessDefinitionId()).isEqualTo(old.getId());

    // the camat answers on the old copy; the next run moves the complaint
    casework.complete(atCamat, COORDINATE_FIRST_RESPONSE, "camat.genteng", Map.of(
        ProcessVariables.FIRST_RESPONSE_NOTE, "Puskesmas sudah dihubungi."));
    assertThat(runUpgrade()).filteredOn(m -> BANYUWANGI.equals(m.fromTenantId())).singleElement()
        .satisfies(m -> assertThat(m.instances()).isEqualTo(1));
    assertThat(instance(atCamat).getProcessDefinitionId()).isEqualTo(national.getId());
    assertThat(instance(atCamat)).isWaitingAt(DISPOSE_COMPLAINT, "Event_FollowUpDeadlineApproaching");
    assertThat(runUpgrade()).as("nothing left on the copy").noneMatch(m -> BANYUWANGI.equals(m.fromTenantId()));

    casework.complete(atCamat, DISPOSE_COMPLAINT, "penghubung.banyuwangi.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "ASSIGN", ProcessVariables.FOLLOW_UP_ASSIGNEE,
        "petugas.banyuwangi.dinkes"));
    casework.complete(atCamat, PREPARE_FOLLOW_UP, "petugas.banyuwangi.dinkes", Map.of(
        ProcessVariables.FOLLOW_UP_TEXT, "Biaya laboratorium dikembalikan."));
    ComplaintStatus status = tx.execute(t -> complaints.getByTrackingNumber(atCamat).getStatus());
    assertThat(status).isEqualTo(ComplaintStatus.ANSWERED);
  }

  /** A complaint started on the latest shared version (the old one just deployed), as the old delegates left it. */
  private Submission submitOnOldModel(String region) {
    Submission s = intake.submit(ComplaintFixtures.aPublicComplaintIn(region));
    writeWhatTheOldDelegatesWrote(instance(s.trackingNumber()).getId());
    return s;
  }

  /** A Banyuwangi complaint on the regency's own copy of the first release, as it was started then. */
  private String submitOnRegencyCopy(ProcessDefinition copy, String district) {
    NewComplaint base = ComplaintFixtures.aPublicComplaintIn(BANYUWANGI);
    String tn = intake.submit(new NewComplaint(base.classification(), "Pasien JKN ditolak puskesmas",
        "Pasien peserta JKN diminta membayar di puskesmas.", base.category(), null,
        new Location(BANYUWANGI, district, null, null), base.channel(), base.privacy(), base.complainant()))
        .trackingNumber();
    ProcessInstance shared = instance(tn);
    Map<String, Object> variables = runtimeService.getVariables(shared.getId());
    runtimeService.deleteProcessInstance(shared.getId(), "test: this complaint ran on the regency's copy", true, true);
    String id = runtimeService.createProcessInstanceById(copy.getId()).businessKey(tn).setVariables(variables)
        .execute().getId();
    writeWhatTheOldDelegatesWrote(id);
    return tn;
  }

  private void forwardInBanyuwangi(String tn) {
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, "admin.banyuwangi", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "35.10.dinkes"));
  }

  /** The stage and escalation variables the old versions' delegates kept, which their models read. */
  private void writeWhatTheOldDelegatesWrote(String processInstanceId) {
    runtimeService.setVariables(processInstanceId, Map.of(
        "opdStage", "FORWARDED",
        "secondEscalationDue", Date.from(T0.plusSeconds(21 * 86400)),
        "nationalEscalationDue", Date.from(T0.plusSeconds(21 * 86400)),
        "firstSupervisors", "province-supervisors-51,regency-admins-51.06",
        "firstSupervisionDue", Date.from(T0.plusSeconds(14 * 86400)),
        "secondSupervisors", "national-admins",
        "secondSupervisionDue", Date.from(T0.plusSeconds(28 * 86400))));
  }

  private ProcessDefinition deploy(String legacy, String tenant) throws Exception {
    try (InputStream bpmn = getClass().getResourceAsStream("/legacy/ComplaintHandling-" + legacy + ".bpmn")) {
      // as the start-up deployer of that release did (a regency copy is refused from outside today)
      Deployment d = TrustedDeployments.run(() -> repositoryService.createDeployment().name("legacy-" + legacy)
          .tenantId(tenant).addInputStream("processes/ComplaintHandling.bpmn", bpmn).deploy());
      deployed.add(d);
      return repositoryService.createProcessDefinitionQuery().deploymentId(d.getId()).singleResult();
    }
  }

  /** Today's national model as the newest version again (after an old one was deployed over it). */
  private ProcessDefinition deployShipped() throws Exception {
    Deployment d = repositoryService.createDeployment().name("upgrade-test-national")
        .addString("processes/ComplaintHandling.bpmn", Files.readString(Path.of("processes/ComplaintHandling.bpmn")))
        .deploy();
    return repositoryService.createProcessDefinitionQuery().deploymentId(d.getId()).singleResult();
  }

  private List<ProcessMigrations.Migrated> runUpgrade() {
    return upgrade.upgrade();
  }

  private Job job(ProcessInstance pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as("timer %s of %s", activityId, pi.getBusinessKey()).isNotNull();
    return job;
  }

  private ProcessInstance instance(String tn) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tn).rootProcessInstances()
        .singleResult();
  }
}
