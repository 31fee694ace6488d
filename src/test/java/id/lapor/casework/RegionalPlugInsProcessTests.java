package id.lapor.casework;

import static id.lapor.casework.ComplaintTasks.COORDINATE_FIRST_RESPONSE;
import static id.lapor.casework.ComplaintTasks.DISPOSE_COMPLAINT;
import static id.lapor.casework.ComplaintTasks.PREPARE_FOLLOW_UP;
import static id.lapor.casework.ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT;
import static id.lapor.support.ComplaintFixtures.BANGKA_SELATAN;
import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANYUWANGI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import id.lapor.complaint.Complaints;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TimelineEventType;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The regions' plug-ins on the national model: Kab. Banyuwangi's {@code FirstResponse}
 * ({@code processes/35.10/FirstResponse.bpmn}: the camat responds first within 2 hours, then the
 * OPD has 4 hours around the clock) and Kab. Bangka Selatan's {@code FollowUpReview}
 * ({@code processes/19.03/FollowUpReview.bpmn}: the head of the OPD reviews the follow-up). The
 * coverage library cannot tell a region's plug-in from the shared default of the same key, so this
 * class checks itself that its stories pass every element of each regional plug-in.
 */
@LaporTest
class RegionalPlugInsProcessTests {

  /** Sat 21 March 2026, 22:00 WIB: a holiday night, which a 24/7 SOP does not care about. */
  static final Instant SATURDAY_NIGHT = Instant.parse("2026-03-21T15:00:00Z");
  static final String CALL_FIRST_RESPONSE = "CallActivity_FirstResponse";

  /** The elements of the regional plug-ins the stories of this class passed. */
  static final Map<String, Set<String>> PASSED = new ConcurrentHashMap<>();

  @Autowired ProcessEngine engine;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired Complaints complaints;
  @Autowired TransactionTemplate tx;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    casework.setClock(SATURDAY_NIGHT);
  }

  @AfterEach
  void resetClockAndNoteWhatWasPassed() {
    casework.resetClock();
    for (String region : List.of(BANYUWANGI, BANGKA_SELATAN)) {
      for (String key : List.of(ComplaintProcess.FIRST_RESPONSE, ComplaintProcess.FOLLOW_UP_REVIEW)) {
        var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
            .tenantIdIn(region).latestVersion().singleResult();
        if (definition != null) {
          historyService.createHistoricActivityInstanceQuery().processDefinitionId(definition.getId()).finished()
              .list().forEach(a -> PASSED.computeIfAbsent(definition.getId(), d -> ConcurrentHashMap.newKeySet())
                  .add(a.getActivityId()));
        }
      }
    }
  }

  @AfterAll
  static void everyElementOfEveryRegionalPlugInWasPassed(@Autowired RepositoryService repositoryService) {
    var plugIns = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKeyIn(ComplaintProcess.FIRST_RESPONSE, ComplaintProcess.FOLLOW_UP_REVIEW)
        .tenantIdIn(BANYUWANGI, BANGKA_SELATAN).latestVersion().list();
    assertThat(plugIns).hasSize(2);
    for (var definition : plugIns) {
      Set<String> elements = repositoryService.getBpmnModelInstance(definition.getId())
          .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
      assertThat(PASSED.getOrDefault(definition.getId(), Set.of()))
          .as("elements of %s of tenant %s passed", definition.getKey(), definition.getTenantId())
          .containsAll(elements);
    }
  }

  @Test
  void startsEveryRegionsComplaintsOnTheNationalModelInItsTenantWithItsOwnPlugIns() {
    ProcessInstance banyuwangi = instance(submit("Genteng"));
    ProcessInstance bangli = instance(intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber());
    ProcessInstance bangkaSelatan = instance(intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGKA_SELATAN))
        .trackingNumber());
    for (ProcessInstance pi : List.of(banyuwangi, bangli, bangkaSelatan)) {
      var definition = repositoryService.getProcessDefinition(pi.getProcessDefinitionId());
      assertThat(definition.getTenantId()).as("the national model").isNull();
      assertThat(definition.getVersionTag()).startsWith("nasional");
    }
    assertThat(List.of(banyuwangi.getTenantId(), bangli.getTenantId(), bangkaSelatan.getTenantId()))
        .as("each lives in its region's tenant").containsExactly(BANYUWANGI, BANGLI, BANGKA_SELATAN);
    assertThat(runtimeService.getVariables(banyuwangi.getId())).containsEntry(
        ProcessVariables.FIRST_RESPONSE_TENANT, BANYUWANGI).containsEntry(ProcessVariables.FOLLOW_UP_REVIEW_TENANT, null);
    assertThat(runtimeService.getVariables(bangli.getId())).containsEntry(ProcessVariables.FIRST_RESPONSE_TENANT, null)
        .containsEntry(ProcessVariables.FOLLOW_UP_REVIEW_TENANT, null);
    assertThat(runtimeService.getVariables(bangkaSelatan.getId()))
        .containsEntry(ProcessVariables.FIRST_RESPONSE_TENANT, null)
        .containsEntry(ProcessVariables.FOLLOW_UP_REVIEW_TENANT, BANGKA_SELATAN);
  }

  @Test
  void asksTheCamatForAFirstResponseWithinTwoHoursBeforeTheOpd() {
    String tn = submit("Kecamatan Genteng");
    ProcessInstance pi = instance(tn);
    forwardToDinkes(tn);
    assertThat(pi).isWaitingAt(CALL_FIRST_RESPONSE);
    ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .singleResult();
    assertThat(called.getTenantId()).isEqualTo(BANYUWANGI);
    assertThat(repositoryService.getProcessDefinition(called.getProcessDefinitionId()).getTenantId())
        .as("Banyuwangi's own plug-in").isEqualTo(BANYUWANGI);
    assertThat(called.getBusinessKey()).as("the complaint of the plug-in's steps").isEqualTo(tn);
    assertThat(called).isWaitingAt(COORDINATE_FIRST_RESPONSE);
    assertThat(casework.task(tn, COORDINATE_FIRST_RESPONSE)).hasCandidateGroup("opd-liaisons-35.10.kec-genteng")
        .hasDueDate(Date.from(SATURDAY_NIGHT.plusSeconds(2 * 3600)));

    casework.complete(tn, COORDINATE_FIRST_RESPONSE, "camat.genteng", Map.of(
        ProcessVariables.FIRST_RESPONSE_NOTE, "Puskesmas Genteng sudah dihubungi, pasien dilayani malam ini."));
    assertThat(called).isEnded();
    assertThat(pi).isWaitingAt(DISPOSE_COMPLAINT);
    // 4 clock hours from forwarding on a holiday night
    assertThat(task(pi)).hasDueDate(Date.from(SATURDAY_NIGHT.plusSeconds(4 * 3600)));
    java.util.List<TimelineEventType> types = tx.execute(s -> complaints.getByTrackingNumber(tn).getTimeline()
        .stream().map(TimelineEntry::getType).toList());
    assertThat(types).contains(TimelineEventType.FIRST_RESPONSE_GIVEN);
  }

  @Test
  void goesOnToTheOpdWhenTheCamatDoesNotRespondInTime() {
    String tn = submit("Genteng");
    ProcessInstance pi = instance(tn);
    forwardToDinkes(tn);
    casework.advanceClockPast(casework.task(tn, COORDINATE_FIRST_RESPONSE).getDueDate());
    assertThat(casework.fireDueTimers(pi.getId())).isEqualTo(1);
    assertThat(pi).isWaitingAt(DISPOSE_COMPLAINT).hasPassed(CALL_FIRST_RESPONSE);
    assertThat(passedInPlugIns(pi, "Event_FirstResponseTimeElapsed")).isEqualTo(1);
  }

  @Test
  void escalatesToTheRegentsOfficeWithASanctionNoticeAfterFourHoursThenToTheProvince() {
    String tn = submit("Muncar");
    ProcessInstance pi = instance(tn);
    forwardToDinkes(tn);
    casework.complete(tn, DISPOSE_COMPLAINT, "penghubung.banyuwangi.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "ASSIGN", ProcessVariables.FOLLOW_UP_ASSIGNEE, "petugas.banyuwangi.dinkes"));
    java.util.Date due = task(pi).getDueDate();
    assertThat(due).as("4 clock hours").isEqualTo(java.util.Date.from(SATURDAY_NIGHT.plus(java.time.Duration.ofHours(4))));
    assertThat(task(pi).getFollowUpDate()).as("reminded at 80 %: 3 h 12 min")
        .isEqualTo(java.util.Date.from(SATURDAY_NIGHT.plus(java.time.Duration.ofMinutes(192))));
    casework.advanceClockPast(due);
    assertThat(casework.fireDueTimers(pi.getId())).as("the reminder and the first escalation").isEqualTo(2);

    assertThat(pi).isWaitingAt(PREPARE_FOLLOW_UP, SUPERVISE_OVERDUE_COMPLAINT);
    assertThat(casework.task(tn, SUPERVISE_OVERDUE_COMPLAINT))
        .hasCandidateGroup("regent-office-35.10").hasCandidateGroup("regency-admins-35.10");
    java.util.List<TimelineEntry> entries = timeline(tn);
    assertThat(entries).filteredOn(e -> e.getType() == TimelineEventType.SANCTION_NOTICE_ISSUED)
        .singleElement().extracting(TimelineEntry::getNote).isEqualTo("35.10.dinkes / petugas.banyuwangi.dinkes");
    assertThat(entries).filteredOn(e -> e.getType() == TimelineEventType.ESCALATED)
        .singleElement().satisfies(e -> {
          assertThat(e.getReasonCode()).isEqualTo("REGENT");
          assertThat(e.getInstitutionCode()).isEqualTo(BANYUWANGI);
          assertThat(e.getNote()).isEqualTo("35.10.dinkes / petugas.banyuwangi.dinkes");
        });

    // the regent's office pushes; 4 hours after the first escalation the province steps in
    casework.complete(tn, SUPERVISE_OVERDUE_COMPLAINT, "bupati.banyuwangi", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "PUSH",
        ProcessVariables.SUPERVISION_NOTE, "Kepala Dinkes dipanggil Bupati."));
    casework.advanceClockPast(java.util.Date.from(due.toInstant().plus(java.time.Duration.ofHours(4))));
    assertThat(casework.fireDueTimers(pi.getId())).isEqualTo(1);
    assertThat(casework.task(tn, SUPERVISE_OVERDUE_COMPLAINT))
        .hasCandidateGroup("province-supervisors-35").hasCandidateGroup("regency-admins-35.10");
    assertThat(timeline(tn)).filteredOn(e -> e.getType() == TimelineEventType.ESCALATED)
        .extracting(TimelineEntry::getReasonCode).containsExactly("REGENT", "PROVINCE");
    assertThat(timeline(tn)).filteredOn(e -> e.getType() == TimelineEventType.SANCTION_NOTICE_ISSUED)
        .as("one notice, at the first escalation").hasSize(1);
  }

  private java.util.List<TimelineEntry> timeline(String tn) {
    return tx.execute(s -> java.util.List.copyOf(complaints.getByTrackingNumber(tn).getTimeline()));
  }

  @Test
  void goesStraightToTheOpdWhenTheDistrictHasNoRegisteredOffice() {
    String tn = submit("Muncar");
    ProcessInstance pi = instance(tn);
    forwardToDinkes(tn);
    assertThat(pi).isWaitingAt(DISPOSE_COMPLAINT).hasPassed(CALL_FIRST_RESPONSE);
    assertThat(passedInPlugIns(pi, COORDINATE_FIRST_RESPONSE)).isZero();
  }

  @Test
  void sendsTheFollowUpAsWrittenWhenTheHeadOfTheOpdDoesNotReviewItByTheDeadline() {
    String tn = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGKA_SELATAN)).trackingNumber();
    ProcessInstance pi = instance(tn);
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangkaselatan", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "19.03.dinkes"));
    casework.complete(tn, DISPOSE_COMPLAINT, "penghubung.bangkaselatan.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "ASSIGN",
        ProcessVariables.FOLLOW_UP_ASSIGNEE, "petugas.bangkaselatan.dinkes"));
    casework.complete(tn, PREPARE_FOLLOW_UP, "petugas.bangkaselatan.dinkes", Map.of(
        ProcessVariables.FOLLOW_UP_TEXT, "Pencetakan KTP-el Anda selesai; silakan ambil di kantor Disdukcapil."));
    Date due = casework.task(tn, ComplaintTasks.REVIEW_FOLLOW_UP).getDueDate();

    casework.advanceClockPast(due);
    casework.fireDueTimers(pi.getId());
    assertThat(pi).isWaitingAt("Gateway_AwaitReply").hasPassed("Task_PostFollowUp");
    assertThat(passedInPlugIns(pi, "Event_ReviewTimeElapsed")).isEqualTo(1);
    List<TimelineEntry> entries = timeline(tn);
    assertThat(entries).filteredOn(e -> e.getType() == TimelineEventType.FOLLOW_UP_REVIEWED).singleElement()
        .satisfies(e -> {
          assertThat(e.getReasonCode()).isEqualTo("NOT_REVIEWED_IN_TIME");
          assertThat(e.getActor()).isEqualTo(TimelineEntry.SYSTEM);
        });
    assertThat(entries).filteredOn(e -> e.getType() == TimelineEventType.FOLLOW_UP_POSTED).singleElement()
        .extracting(TimelineEntry::getNote)
        .isEqualTo("Pencetakan KTP-el Anda selesai; silakan ambil di kantor Disdukcapil.");
  }

  @Test
  void theHeadOfTheOpdApprovesTheFollowUpBeforeItIsSent() {
    String tn = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGKA_SELATAN)).trackingNumber();
    ProcessInstance pi = instance(tn);
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangkaselatan", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "19.03.dinkes"));
    casework.complete(tn, DISPOSE_COMPLAINT, "penghubung.bangkaselatan.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "ASSIGN",
        ProcessVariables.FOLLOW_UP_ASSIGNEE, "petugas.bangkaselatan.dinkes"));
    casework.complete(tn, PREPARE_FOLLOW_UP, "petugas.bangkaselatan.dinkes", Map.of(
        ProcessVariables.FOLLOW_UP_TEXT, "KTP-el Anda sudah dicetak."));
    var review = casework.task(tn, ComplaintTasks.REVIEW_FOLLOW_UP);
    long[] seen = new long[2];
    casework.as("petugas.bangkaselatan.dinkes", () ->
        seen[0] = taskService.createTaskQuery().taskId(review.getId()).count());
    casework.as("kepala.bangkaselatan.dinkes", () ->
        seen[1] = taskService.createTaskQuery().taskId(review.getId()).count());
    assertThat(seen).as("the officer does not review his own follow-up; the head does").containsExactly(0, 1);

    casework.complete(tn, ComplaintTasks.REVIEW_FOLLOW_UP, "kepala.bangkaselatan.dinkes", Map.of(
        ProcessVariables.REVIEW_DECISION, "APPROVE", ProcessVariables.REVIEW_NOTE, "Baik."));
    assertThat(pi).isWaitingAt("Gateway_AwaitReply");
    assertThat(timeline(tn)).filteredOn(e -> e.getType() == TimelineEventType.FOLLOW_UP_REVIEWED).singleElement()
        .extracting(TimelineEntry::getReasonCode).isEqualTo("APPROVED");
  }

  @Test
  void keepsEachRegencysComplaintsInItsTenantAndFindsTheFormsThere() {
    String banyuwangi = submit("Genteng");
    String bangli = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    long[] seen = new long[2];
    casework.as("admin.bangli", () -> {
      seen[0] = taskService.createTaskQuery().processInstanceBusinessKey(banyuwangi).count();
      seen[1] = taskService.createTaskQuery().processInstanceBusinessKey(bangli).count();
    });
    assertThat(seen).as("admin.bangli sees Bangli's task, not Banyuwangi's").containsExactly(0, 1);
    casework.as("admin.banyuwangi", () ->
        seen[0] = taskService.createTaskQuery().processInstanceBusinessKey(banyuwangi).count());
    assertThat(seen[0]).isEqualTo(1);

    String variantTask = casework.task(banyuwangi, ComplaintTasks.VERIFY_COMPLAINT).getId();
    String sharedTask = casework.task(bangli, ComplaintTasks.VERIFY_COMPLAINT).getId();
    assertThat(http.withBasicAuth("admin.banyuwangi", "demo").getForEntity(
        "/engine-rest/task/" + variantTask + "/deployed-form", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("admin.bangli", "demo").getForEntity(
        "/engine-rest/task/" + sharedTask + "/deployed-form", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    var foreign = http.withBasicAuth("admin.bangli", "demo").getForEntity(
        "/engine-rest/task/" + variantTask + "/form-variables", String.class);
    // Camunda's tenant check refuses (as an error, not yet a 404: the access-control work maps it)
    assertThat(foreign.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(foreign.getBody()).doesNotContain("Pasien JKN", "complaintTitle");
  }

  private String submit(String district) {
    NewComplaint base = ComplaintFixtures.aPublicComplaintIn(BANYUWANGI);
    return intake.submit(new NewComplaint(base.classification(), "Pasien JKN ditolak puskesmas",
        "Pasien peserta JKN diminta membayar di puskesmas pada malam hari.", base.category(), null,
        new Location(BANYUWANGI, district, null, null), base.channel(), base.privacy(), base.complainant()))
        .trackingNumber();
  }

  private void forwardToDinkes(String tn) {
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, "admin.banyuwangi", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "35.10.dinkes"));
  }

  /** How often the plug-ins the complaint's instance called passed {@code activityId}. */
  private long passedInPlugIns(ProcessInstance pi, String activityId) {
    return historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).list().stream()
        .mapToLong(called -> historyService.createHistoricActivityInstanceQuery().processInstanceId(called.getId())
            .activityId(activityId).count()).sum();
  }

  private ProcessInstance instance(String tn) {
    // the complaint's own instance, not a plug-in it called (which has the same business key)
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tn).rootProcessInstances().singleResult();
  }
}
