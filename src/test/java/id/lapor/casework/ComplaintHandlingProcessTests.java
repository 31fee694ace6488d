package id.lapor.casework;

import static id.lapor.casework.ComplaintTasks.DISPOSE_COMPLAINT;
import static id.lapor.casework.ComplaintTasks.PREPARE_FOLLOW_UP;
import static id.lapor.casework.ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT;
import static id.lapor.casework.ComplaintTasks.VERIFY_COMPLAINT;
import static id.lapor.casework.ComplaintTasks.VERIFY_COMPLAINT_NATIONALLY;
import static id.lapor.support.ComplaintFixtures.BANGKA_SELATAN;
import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.BANGLI_PUPR;
import static id.lapor.support.ComplaintFixtures.BANYUWANGI;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import id.lapor.complaint.ArchiveReason;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.EscalationLevel;
import id.lapor.complaint.ReplyDecision;
import id.lapor.complaint.Resolution;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TimelineEventType;
import id.lapor.intake.ComplaintIntake;
import id.lapor.intake.ComplaintIntake.Submission;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path through {@code ComplaintHandling}, on the real engine with the real delegates and
 * database. Timers fire by moving the engine clock. The coverage report
 * ({@code target/process-test-coverage}) must show every flow node and sequence flow covered.
 */
@LaporTest
// The coverage library finds models by key alone: this context has its own database and engine
// name (other tests deploy versions of their own), and measures the national model only — the
// regions' plug-ins share their keys with the shared defaults; RegionalPlugInsProcessTests walks them.
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:lapor-coverage;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=coverage"})
@Import({ProcessEngineCoverageConfiguration.class, ComplaintHandlingProcessTests.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ComplaintHandlingProcessTests {

  @TestConfiguration
  static class Coverage {
    @Bean
    ProcessEngineCoverageProperties coverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0)
          .excludeProcessDefinitionKeys(ComplaintProcess.FIRST_RESPONSE, ComplaintProcess.FOLLOW_UP_REVIEW).build();
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired ComplaintIntake intake;
  @Autowired Complaints complaints;
  @Autowired Casework casework;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired TransactionTemplate tx;

  /** Tue 10 March 2026, 09:00 WITA: a week before Nyepi and Idul Fitri, so due dates are exact. */
  static final java.time.Instant T0 = java.time.Instant.parse("2026-03-10T01:00:00Z");

  @BeforeEach
  void initAssertionsAndClock() {
    BpmnAwareTests.init(engine);
    casework.setClock(T0);
  }

  @AfterEach
  void resetClock() {
    casework.resetClock();
  }

  @Test
  void resolvesComplaintWhenComplainantAcceptsFollowUp() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    assertThat(pi).isWaitingAt(VERIFY_COMPLAINT);
    // 3 working days: Wed 11, Thu 12, Fri 13 March, due at closing time (16:00 WITA)
    assertThat(task(pi)).hasCandidateGroup("regency-admins-51.06")
        .hasDueDate(java.util.Date.from(java.time.Instant.parse("2026-03-13T08:00:00Z")));

    casework.forward(s.trackingNumber(), BANGLI_DINKES);
    assertThat(pi).isWaitingAt(DISPOSE_COMPLAINT);
    assertThat(task(pi)).hasCandidateGroup("opd-liaisons-51.06.dinkes");
    assertThat(complaint(s).getStatus()).isEqualTo(ComplaintStatus.FORWARDED);

    casework.dispose(s.trackingNumber(), "petugas.bangli.dinkes");
    assertThat(pi).isWaitingAt(PREPARE_FOLLOW_UP);
    assertThat(task(pi)).isAssignedTo("petugas.bangli.dinkes");

    casework.postFollowUp(s.trackingNumber(), "Stok obat sudah dipenuhi dari gudang farmasi kabupaten.");
    assertThat(pi).isWaitingAt("Gateway_AwaitReply");
    assertThat(complaint(s).getStatus()).isEqualTo(ComplaintStatus.ANSWERED);

    intake.reply(s.trackingNumber(), s.followUpToken(), ReplyDecision.ACCEPT, 5, "Terima kasih");
    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintResolvedAccepted");
    Complaint c = complaint(s);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
    assertThat(c.getResolution()).contains(Resolution.ACCEPTED);
    assertThat(c.getRating()).contains(5);
    assertThat(types(c)).containsExactly(TimelineEventType.SUBMITTED, TimelineEventType.FORWARDED,
        TimelineEventType.OPENED, TimelineEventType.DISPOSED, TimelineEventType.FOLLOW_UP_POSTED,
        TimelineEventType.FOLLOW_UP_ACCEPTED, TimelineEventType.RESOLVED);
    assertThat(c.getTimeline()).extracting(TimelineEntry::getActor).containsExactly("pelapor", "admin.bangli",
        "penghubung.bangli.dinkes", "penghubung.bangli.dinkes", "petugas.bangli.dinkes", "pelapor", "sistem");
  }

  @Test
  void resumesVerificationWhenComplainantSupplementsInformation() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.complete(s.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "REQUEST_INFORMATION",
        ProcessVariables.INFORMATION_REQUEST, "Puskesmas mana yang dimaksud?"));
    assertThat(pi).isWaitingAt("Gateway_AwaitSupplement");
    assertThat(complaint(s).getStatus()).isEqualTo(ComplaintStatus.AWAITING_INFORMATION);
    assertThat(pi).variables().doesNotContainKey(ProcessVariables.INFORMATION_REQUEST);

    casework.advanceClock(Duration.ofDays(3));
    intake.supplement(s.trackingNumber(), s.followUpToken(), "Puskesmas Susut I, Desa Susut.");
    assertThat(pi).isWaitingAt(VERIFY_COMPLAINT).hasPassed("Event_SupplementReceived");
    Complaint c = complaint(s);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.SUBMITTED);
    assertThat(task(pi).getDueDate().toInstant()).isEqualTo(c.getCurrentDeadline().orElseThrow());
    assertThat(task(pi).getDueDate().toInstant()).isAfter(s.verificationDue());
    assertThat(pi).variables().doesNotContainKey(ProcessVariables.VERIFICATION_DECISION);
  }

  @Test
  void archivesComplaintWhenNoSupplementArrivesWithin30Days() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.complete(s.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "REQUEST_INFORMATION",
        ProcessVariables.INFORMATION_REQUEST, "Sebutkan lokasi."));

    casework.advanceClock(Duration.ofDays(29));
    assertThat(casework.fireDueTimers(pi.getId())).isZero();
    casework.advanceClock(Duration.ofDays(1).plusMinutes(1));
    assertThat(casework.fireDueTimers(pi.getId())).isEqualTo(1);

    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintArchivedIncomplete");
    Complaint c = complaint(s);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.ARCHIVED);
    assertThat(c.getArchiveReason()).contains(ArchiveReason.INCOMPLETE);
    assertThat(c.getTimeline()).last().extracting(TimelineEntry::getActor).isEqualTo("sistem");
  }

  @Test
  void archivesComplaintWithTheAdminsReason() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.complete(s.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "ARCHIVE",
        ProcessVariables.ARCHIVE_REASON, "UNINTELLIGIBLE",
        ProcessVariables.ARCHIVE_NOTE, "Isi laporan hanya berisi huruf acak."));
    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintArchived");
    Complaint c = complaint(s);
    assertThat(c.getArchiveReason()).contains(ArchiveReason.UNINTELLIGIBLE);
    assertThat(c.getClosedAt()).isPresent();
    assertThat(c.getTimeline()).last().extracting(TimelineEntry::getNote)
        .isEqualTo("Isi laporan hanya berisi huruf acak.");
  }

  @Test
  void refusesToArchiveWithoutReasonAndKeepsTheTaskOpen() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    assertThatThrownBy(() -> casework.complete(s.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli",
        Map.of(ProcessVariables.VERIFICATION_DECISION, "ARCHIVE")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("archiveReason");
    assertThatThrownBy(() -> casework.complete(s.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli",
        Map.of(ProcessVariables.VERIFICATION_DECISION, "ARCHIVE", ProcessVariables.ARCHIVE_REASON, "INCOMPLETE")))
        .isInstanceOf(FormFieldValidationException.class);
    assertThatThrownBy(() -> casework.complete(s.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli",
        Map.of(ProcessVariables.VERIFICATION_DECISION, "MAYBE")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("verificationDecision");
    assertThat(pi).isWaitingAt(VERIFY_COMPLAINT);
    assertThat(complaint(s).getStatus()).isEqualTo(ComplaintStatus.SUBMITTED);
  }

  @Test
  void refusesToForwardToAnOpdOfAnotherRegency() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    assertThatThrownBy(() -> casework.complete(s.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli",
        Map.of(ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "35.10.dinkes")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("opdCode");
    assertThat(pi).isWaitingAt(VERIFY_COMPLAINT);
  }

  @Test
  void returnsComplaintToTriageWhenNotOurAuthorityThenForwardsElsewhere() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.forward(s.trackingNumber(), BANGLI_DINKES);
    assertThatThrownBy(() -> casework.complete(s.trackingNumber(), DISPOSE_COMPLAINT, "penghubung.bangli.dinkes",
        Map.of(ProcessVariables.DISPOSITION_DECISION, "RETURN")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("returnReason");
    casework.complete(s.trackingNumber(), DISPOSE_COMPLAINT, "penghubung.bangli.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "RETURN",
        ProcessVariables.RETURN_REASON, "Jalan kabupaten adalah urusan Dinas PUPR."));

    assertThat(pi).isWaitingAt(VERIFY_COMPLAINT).hasPassed("EndEvent_ComplaintReturned");
    assertThat(task(pi)).hasCandidateGroup("regency-admins-51.06");
    Complaint c = complaint(s);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.SUBMITTED);
    assertThat(c.getReturnCount()).isEqualTo(1);
    assertThat(c.getOpdCode()).isEmpty();
    assertThat(pi).variables().doesNotContainKeys(ProcessVariables.VERIFICATION_DECISION,
        ProcessVariables.RETURN_REASON);

    casework.forward(s.trackingNumber(), BANGLI_PUPR);
    assertThat(pi).isWaitingAt(DISPOSE_COMPLAINT);
    assertThat(task(pi)).hasCandidateGroup("opd-liaisons-51.06.pupr");
    assertThat(complaint(s).getHandlerCode()).isEqualTo(BANGLI_PUPR);
  }

  @Test
  void refersComplaintToNationalAdminWhoForwardsItToTheRightRegency() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.complete(s.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "NOT_WITHIN_AUTHORITY",
        ProcessVariables.REFERRAL_REASON, "Lokasi kejadian di Banyuwangi."));
    assertThat(pi).isWaitingAt(VERIFY_COMPLAINT_NATIONALLY);
    assertThat(task(pi)).hasCandidateGroup("national-admins");
    assertThat(complaint(s).getStatus()).isEqualTo(ComplaintStatus.REFERRED_TO_NATIONAL);

    casework.complete(s.trackingNumber(), VERIFY_COMPLAINT_NATIONALLY, "admin.nasional", Map.of(
        ProcessVariables.NATIONAL_DECISION, "FORWARD_TO_REGENCY", ProcessVariables.REGENCY_CODE, BANYUWANGI));
    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintAddressed");
    // it continues in Banyuwangi's tenant, where its admins see it
    ProcessInstance there = instance(s);
    assertThat(there.getTenantId()).isEqualTo(BANYUWANGI);
    assertThat(there).isWaitingAt(VERIFY_COMPLAINT);
    assertThat(task(there)).hasCandidateGroup("regency-admins-35.10");
    assertThat(there).variables().containsEntry(ProcessVariables.REGION_CODE, BANYUWANGI)
        .containsEntry(ProcessVariables.PROVINCE_CODE, "35");
    Complaint c = complaint(s);
    assertThat(c.getAddressedRegionCode()).isEqualTo(BANYUWANGI);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.SUBMITTED);
  }

  @Test
  void mergesADuplicateIntoTheOpenComplaintItRepeatsWhoseFollowUpReachesBothComplainants() {
    Submission master = intake.submit(aPublicComplaintIn(BANGLI));
    Submission duplicate = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(duplicate);
    casework.complete(duplicate.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "MERGE",
        ProcessVariables.MASTER_TRACKING_NUMBER, master.trackingNumber().toLowerCase()));
    assertThat(pi).isEnded().hasPassed("Task_HandOverComplaint", "EndEvent_ComplaintHandedOver");
    Complaint merged = complaint(duplicate);
    assertThat(merged.getStatus()).isEqualTo(ComplaintStatus.MERGED);
    java.util.Optional<String> mergedInto = tx.execute(t ->
        complaints.getByTrackingNumber(duplicate.trackingNumber()).getMergedIntoTrackingNumber());
    assertThat(mergedInto).contains(master.trackingNumber());
    assertThat(complaint(master).getReportCount()).isEqualTo(2);
    assertThat(types(complaint(master))).endsWith(TimelineEventType.DUPLICATE_LINKED);
  }

  @Test
  void refusesToMergeIntoAComplaintThatIsNotOpenOrIntoItself() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    var verify = task(instance(s));
    Map<String, Object> self = Map.of(ProcessVariables.VERIFICATION_DECISION, "MERGE",
        ProcessVariables.MASTER_TRACKING_NUMBER, s.trackingNumber());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> casework.complete(s.trackingNumber(), VERIFY_COMPLAINT,
        "admin.bangli", self)).hasMessageContaining("cannot be merged into itself");
    assertThat(instance(s)).isWaitingAt(VERIFY_COMPLAINT);
    assertThat(task(instance(s)).getId()).isEqualTo(verify.getId());
  }

  @Test
  void transfersAComplaintToAnotherRegencyWhereItStartsAfreshInThatTenant() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.complete(s.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "TRANSFER", ProcessVariables.TRANSFER_TO, BANYUWANGI,
        ProcessVariables.TRANSFER_REASON, "Lokasi kejadian di Kecamatan Genteng, Banyuwangi."));
    assertThat(pi).isEnded().hasPassed("Task_HandOverComplaint", "EndEvent_ComplaintHandedOver");
    ProcessInstance there = instance(s);
    assertThat(there.getTenantId()).isEqualTo(BANYUWANGI);
    assertThat(there).isWaitingAt(VERIFY_COMPLAINT);
    assertThat(task(there)).hasCandidateGroup("regency-admins-35.10");
    Complaint c = complaint(s);
    assertThat(c.getAddressedRegionCode()).isEqualTo(BANYUWANGI);
    assertThat(c.getTransferCount()).isEqualTo(1);
    assertThat(types(c)).endsWith(TimelineEventType.TRANSFERRED);
  }

  @Test
  void archivesComplaintThatNoRegencyIsResponsibleFor() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.complete(s.trackingNumber(), VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "NOT_WITHIN_AUTHORITY",
        ProcessVariables.REFERRAL_REASON, "Bukan urusan pemerintah daerah."));
    casework.complete(s.trackingNumber(), VERIFY_COMPLAINT_NATIONALLY, "admin.nasional", Map.of(
        ProcessVariables.NATIONAL_DECISION, "ARCHIVE", ProcessVariables.ARCHIVE_REASON, "ABUSIVE"));
    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintArchived");
    assertThat(complaint(s).getArchiveReason()).contains(ArchiveReason.ABUSIVE);
  }

  @Test
  void remindsThenEscalatesOverdueComplaintToProvinceThenNationalAdminsWhileOpdTaskStaysOpen() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.forward(s.trackingNumber(), BANGLI_DINKES);
    java.util.Date followUpDue = task(pi).getDueDate();
    // 5 working days from Tue 10 March: 11, 12, 13, 16, 17 March, 16:00 WITA
    assertThat(followUpDue).isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-03-17T08:00:00Z")));
    // reminder at 80 %: 32 of 40 working hours from Tue 09:00 WITA is Mon 16 March 09:00 WITA
    java.util.Date reminder = java.util.Date.from(java.time.Instant.parse("2026-03-16T01:00:00Z"));
    assertThat(task(pi).getFollowUpDate()).isEqualTo(reminder);

    casework.advanceClock(Duration.ofDays(5));
    assertThat(casework.fireDueTimers(pi.getId())).as("not yet due").isZero();
    casework.advanceClockPast(reminder);
    assertThat(casework.fireDueTimers(pi.getId())).as("the reminder").isEqualTo(1);
    assertThat(pi).isWaitingAt(DISPOSE_COMPLAINT, "Event_FollowUpDeadlineReached").hasPassed("Task_RemindOpd");
    assertThat(task(pi).getPriority()).isEqualTo(RemindOpdDelegate.REMINDED_PRIORITY);
    assertThat(types(complaint(s))).contains(TimelineEventType.REMINDED);

    casework.advanceClockPast(followUpDue);
    assertThat(casework.fireDueTimers(pi.getId())).isEqualTo(1);
    assertThat(pi).isWaitingAt(DISPOSE_COMPLAINT, SUPERVISE_OVERDUE_COMPLAINT);
    assertThat(casework.task(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT))
        .hasCandidateGroup("province-supervisors-51").hasCandidateGroup("regency-admins-51.06");
    assertThat(casework.task(s.trackingNumber(), DISPOSE_COMPLAINT).getDueDate()).isEqualTo(followUpDue);
    assertThat(complaint(s).getEscalationLevel()).isEqualTo(EscalationLevel.PROVINCE);

    casework.complete(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT, "supervisor.bali", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "PUSH",
        ProcessVariables.SUPERVISION_NOTE, "Kepala Dinkes sudah ditegur lewat telepon."));
    assertThat(pi).hasPassed("EndEvent_OverdueComplaintSupervised")
        .isWaitingAt(DISPOSE_COMPLAINT, ComplaintTasks.NEXT_ESCALATION_DUE_EVENT);
    assertThat(complaint(s).getTimeline()).filteredOn(e -> e.getType() == TimelineEventType.SUPERVISED)
        .extracting(TimelineEntry::getReasonCode).as("labelled with the level of who acted").containsExactly("PROVINCE");

    // 5 more working days after 17 March skip Nyepi, Idul Fitri and their cuti bersama: 31 March
    java.util.Date secondDue = (java.util.Date) runtimeService.getVariable(pi.getId(),
        ProcessVariables.NEXT_ESCALATION_DUE);
    assertThat(secondDue).isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-03-31T08:00:00Z")));
    casework.advanceClockPast(secondDue);
    assertThat(casework.fireDueTimers(pi.getId())).isEqualTo(1);
    assertThat(pi).isWaitingAt(DISPOSE_COMPLAINT, SUPERVISE_OVERDUE_COMPLAINT);
    // 3 working days to supervise: Wed 1, Thu 2 and — Good Friday 3 April a holiday — Mon 6 April
    assertThat(casework.task(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT))
        .hasCandidateGroup("national-admins").hasDueDate(java.util.Date.from(
            java.time.Instant.parse("2026-04-06T08:00:00Z")));
    Complaint c = complaint(s);
    assertThat(c.getEscalationLevel()).isEqualTo(EscalationLevel.NATIONAL);
    assertThat(c.getEscalationCount()).isEqualTo(2);
    assertThat(c.getTimeline()).filteredOn(e -> e.getType() == TimelineEventType.ESCALATED)
        .extracting(TimelineEntry::getInstitutionCode).containsExactly("51", "ID");
    assertThat(c.getTimeline()).filteredOn(e -> e.getType() == TimelineEventType.ESCALATED)
        .extracting(TimelineEntry::getNote).as("who was responsible").containsOnly("51.06.dinkes");
    assertThat(types(c)).as("the national SOP has no sanction notice")
        .doesNotContain(TimelineEventType.SANCTION_NOTICE_ISSUED);

    casework.complete(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT, "admin.nasional", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "PUSH",
        ProcessVariables.SUPERVISION_NOTE, "Dinas diminta menjawab hari ini."));
    // the chain has no level above the national admins: the clock stops, the OPD's task stays
    assertThat(pi).hasPassed("EndEvent_NoFurtherEscalation", "EndEvent_OpdClockStopped")
        .isWaitingAt(DISPOSE_COMPLAINT);
    assertThat(managementServiceJobs(pi)).as("no timer left in the OPD stage").isZero();
    assertThat(complaint(s).getTimeline()).filteredOn(e -> e.getType() == TimelineEventType.SUPERVISED)
        .extracting(TimelineEntry::getReasonCode).as("each labelled with the level of who acted")
        .containsExactly("PROVINCE", "NATIONAL");
  }

  @Test
  void supervisorReassignsAnOverdueComplaintToAnotherOpdWhichStartsAFreshPeriod() {
    Submission s = overdueAtTheOfficer();
    ProcessInstance pi = instance(s);
    assertThat(pi).isWaitingAt(PREPARE_FOLLOW_UP, SUPERVISE_OVERDUE_COMPLAINT);

    assertThatThrownBy(() -> casework.complete(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT, "supervisor.bali",
        Map.of(ProcessVariables.SUPERVISION_ACTION, "REASSIGN", ProcessVariables.REASSIGN_OPD_CODE, BANGLI_DINKES,
            ProcessVariables.SUPERVISION_NOTE, "Salah OPD.")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reassignOpdCode: choose another OPD");

    casework.complete(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT, "supervisor.bali", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "REASSIGN", ProcessVariables.REASSIGN_OPD_CODE, BANGLI_PUPR,
        ProcessVariables.SUPERVISION_NOTE, "Jalan menuju puskesmas: urusan PUPR."));
    assertThat(pi).hasPassed("Event_OpdReassigned").isWaitingAt(DISPOSE_COMPLAINT, "Event_FollowUpDeadlineApproaching");
    assertThat(task(pi)).hasCandidateGroup("opd-liaisons-51.06.pupr").isNotAssigned();
    Complaint c = complaint(s);
    assertThat(c.getOpdCode()).contains(BANGLI_PUPR);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.FORWARDED);
    assertThat(c.getOfficer()).isEmpty();
    assertThat(c.trafficLight(casework.now())).contains(id.lapor.complaint.TrafficLight.RED);
    assertThat(c.getCurrentDeadline()).contains(task(pi).getDueDate().toInstant());
    assertThat(task(pi).getDueDate()).isAfter(java.util.Date.from(casework.now()));
    assertThat(c.getTimeline()).filteredOn(e -> e.getType() == TimelineEventType.REASSIGNED).singleElement()
        .satisfies(e -> {
          assertThat(e.getInstitutionCode()).isEqualTo(BANGLI_PUPR);
          assertThat(e.getActor()).isEqualTo("supervisor.bali");
        });
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).as("supervision done").isEqualTo(1);
  }

  @Test
  void supervisorExtendsTheDeadlineOnceForAReasonTheComplainantSees() {
    Submission s = overdueAtTheOfficer();
    ProcessInstance pi = instance(s);
    String officersTask = casework.task(s.trackingNumber(), PREPARE_FOLLOW_UP).getId();

    casework.complete(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "EXTEND",
        ProcessVariables.SUPERVISION_NOTE, "Menunggu kiriman obat dari provinsi."));
    // only the clock starts again; the officer's task is the same task, with the new due date
    assertThat(pi).hasPassed("EndEvent_DeadlineExtended", "Event_DeadlineExtended")
        .isWaitingAt(PREPARE_FOLLOW_UP, "Event_FollowUpDeadlineApproaching");
    assertThat(task(pi).getId()).isEqualTo(officersTask);
    assertThat(task(pi)).as("the same officer keeps it").isAssignedTo("petugas.bangli.dinkes");
    // extended on Tue 17 March 16:01 WITA by 5 working days, Nyepi week skipped: Tue 31 March 16:00 WITA
    java.util.Date extended = java.util.Date.from(java.time.Instant.parse("2026-03-31T08:00:00Z"));
    assertThat(task(pi).getDueDate()).isEqualTo(extended);
    Complaint c = complaint(s);
    assertThat(c.isDeadlineExtended()).isTrue();
    assertThat(c.getCurrentDeadline()).contains(extended.toInstant());
    assertThat(c.trafficLight(casework.now())).contains(id.lapor.complaint.TrafficLight.YELLOW);
    assertThat(c.getTimeline()).filteredOn(e -> e.getType() == TimelineEventType.DEADLINE_EXTENDED).singleElement()
        .extracting(TimelineEntry::getNote).isEqualTo("Menunggu kiriman obat dari provinsi.");
    assertThat(TimelineEventType.DEADLINE_EXTENDED.isNotePublic()).isTrue();

    // late again: the extension is spent, the province pushes, then the national admins reassign
    casework.advanceClockPast(extended);
    assertThat(casework.fireDueTimers(pi.getId())).as("the reminder and the first escalation").isEqualTo(2);
    assertThatThrownBy(() -> casework.complete(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT, "supervisor.bali",
        Map.of(ProcessVariables.SUPERVISION_ACTION, "EXTEND", ProcessVariables.SUPERVISION_NOTE, "Sekali lagi.")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("already been extended once");
    casework.complete(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT, "supervisor.bali", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "PUSH", ProcessVariables.SUPERVISION_NOTE, "Ditegur."));
    casework.advanceClockPast((java.util.Date) runtimeService.getVariable(pi.getId(),
        ProcessVariables.NEXT_ESCALATION_DUE));
    assertThat(casework.fireDueTimers(pi.getId())).isEqualTo(1);
    assertThat(casework.task(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT)).hasCandidateGroup("national-admins");
    casework.complete(s.trackingNumber(), SUPERVISE_OVERDUE_COMPLAINT, "admin.nasional", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "REASSIGN", ProcessVariables.REASSIGN_OPD_CODE, BANGLI_PUPR,
        ProcessVariables.SUPERVISION_NOTE, "Dinkes tidak sanggup; PUPR mengambil alih."));
    assertThat(pi).hasPassed("EndEvent_OpdReassigned", "Event_OpdReassigned").isWaitingAt(DISPOSE_COMPLAINT);
    assertThat(task(pi)).hasCandidateGroup("opd-liaisons-51.06.pupr");
    assertThat(complaint(s).getEscalationLevel()).as("a new OPD starts the chain afresh").isEqualTo(EscalationLevel.NONE);
  }

  @Test
  void sendsTheFollowUpOnlyOnceTheHeadOfTheOpdApprovesItWhereTheRegionPlugsInAReview() {
    // Kab. Bangka Selatan's FollowUpReview plug-in (processes/19.03/FollowUpReview.bpmn)
    Submission s = intake.submit(aPublicComplaintIn(BANGKA_SELATAN));
    String tn = s.trackingNumber();
    ProcessInstance pi = instance(s);
    casework.complete(tn, VERIFY_COMPLAINT, "admin.bangkaselatan", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "19.03.dinkes"));
    casework.complete(tn, DISPOSE_COMPLAINT, "penghubung.bangkaselatan.dinkes", Map.of(
        ProcessVariables.DISPOSITION_DECISION, "ASSIGN", ProcessVariables.FOLLOW_UP_ASSIGNEE,
        "petugas.bangkaselatan.dinkes"));
    java.util.Date followUpDue = casework.task(tn, PREPARE_FOLLOW_UP).getDueDate();
    // the regency's SOP row: 3 working days from Tue 10 March 09:00 WIB, due Fri 13 March 16:00 WIB
    assertThat(followUpDue).isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-03-13T09:00:00Z")));

    casework.complete(tn, PREPARE_FOLLOW_UP, "petugas.bangkaselatan.dinkes", Map.of(
        ProcessVariables.FOLLOW_UP_TEXT, "Obat sudah ada."));
    assertThat(pi).isWaitingAt("CallActivity_FollowUpReview");
    assertThat(casework.task(tn, ComplaintTasks.REVIEW_FOLLOW_UP))
        .hasCandidateGroup("opd-heads-19.03.dinkes").hasDueDate(followUpDue);
    assertThat(complaint(s).getStatus()).as("not sent yet").isEqualTo(ComplaintStatus.IN_PROGRESS);

    assertThatThrownBy(() -> casework.complete(tn, ComplaintTasks.REVIEW_FOLLOW_UP, "kepala.bangkaselatan.dinkes",
        Map.of(ProcessVariables.REVIEW_DECISION, "REVISE")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(ProcessVariables.REVIEW_NOTE);
    casework.complete(tn, ComplaintTasks.REVIEW_FOLLOW_UP, "kepala.bangkaselatan.dinkes", Map.of(
        ProcessVariables.REVIEW_DECISION, "REVISE",
        ProcessVariables.REVIEW_NOTE, "Sebutkan sejak kapan dan berapa stok yang tersedia."));
    assertThat(pi).isWaitingAt(PREPARE_FOLLOW_UP);
    assertThat(task(pi)).as("back to the same officer, same deadline").isAssignedTo("petugas.bangkaselatan.dinkes")
        .hasDueDate(followUpDue);

    casework.complete(tn, PREPARE_FOLLOW_UP, "petugas.bangkaselatan.dinkes", Map.of(
        ProcessVariables.FOLLOW_UP_TEXT, "Stok amlodipin 2.000 tablet tersedia lagi sejak 11 Maret."));
    casework.complete(tn, ComplaintTasks.REVIEW_FOLLOW_UP, "kepala.bangkaselatan.dinkes", Map.of(
        ProcessVariables.REVIEW_DECISION, "APPROVE"));
    assertThat(pi).isWaitingAt("Gateway_AwaitReply").hasPassed("Task_PostFollowUp");
    Complaint c = complaint(s);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.ANSWERED);
    assertThat(c.getTimeline()).filteredOn(e -> e.getType() == TimelineEventType.FOLLOW_UP_POSTED).singleElement()
        .extracting(TimelineEntry::getNote).isEqualTo("Stok amlodipin 2.000 tablet tersedia lagi sejak 11 Maret.");
    assertThat(types(c)).containsSubsequence(TimelineEventType.FOLLOW_UP_REVIEWED,
        TimelineEventType.FOLLOW_UP_REVIEWED, TimelineEventType.FOLLOW_UP_POSTED);
    assertThat(c.getTimeline()).filteredOn(e -> e.getType() == TimelineEventType.FOLLOW_UP_REVIEWED)
        .extracting(TimelineEntry::getActor).containsOnly("kepala.bangkaselatan.dinkes");
  }

  @Test
  void reopensDisputedFollowUpForTheSameOfficerAndCountsIt() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.forward(s.trackingNumber(), BANGLI_DINKES);
    casework.dispose(s.trackingNumber(), "petugas.bangli.dinkes");
    casework.postFollowUp(s.trackingNumber(), "Obat sudah tersedia.");

    intake.reply(s.trackingNumber(), s.followUpToken(), ReplyDecision.DISPUTE, 1, "Hari ini masih kosong.");
    assertThat(pi).isWaitingAt(PREPARE_FOLLOW_UP).hasPassed("Task_ReopenComplaint");
    assertThat(task(pi)).isAssignedTo("petugas.bangli.dinkes");
    Complaint reopened = complaint(s);
    assertThat(reopened.getStatus()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    assertThat(reopened.getReopenCount()).isEqualTo(1);
    assertThat(pi).variables().doesNotContainKey(ProcessVariables.FOLLOW_UP_TEXT);

    casework.postFollowUp(s.trackingNumber(), "Stok 500 tablet dikirim hari ini, silakan datang besok.");
    intake.reply(s.trackingNumber(), s.followUpToken(), ReplyDecision.ACCEPT, 4, null);
    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintResolvedAccepted");
    assertThat(types(complaint(s))).containsSubsequence(TimelineEventType.FOLLOW_UP_POSTED,
        TimelineEventType.FOLLOW_UP_DISPUTED, TimelineEventType.REOPENED, TimelineEventType.FOLLOW_UP_POSTED,
        TimelineEventType.FOLLOW_UP_ACCEPTED, TimelineEventType.RESOLVED);
  }

  @Test
  void resolvesComplaintAutomaticallyWhenComplainantDoesNotReply() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.forward(s.trackingNumber(), BANGLI_DINKES);
    casework.dispose(s.trackingNumber(), null);
    assertThat(task(pi)).isNotAssigned().hasCandidateGroup("opd-officers-51.06.dinkes");
    casework.postFollowUp(s.trackingNumber(), "Sudah ditangani.");
    // 10 working days from Tue 10 March, Nyepi week skipped: 11–13, 16, 17, 25–27, 30, 31 March
    assertThat(complaint(s).getCurrentDeadline()).contains(java.time.Instant.parse("2026-03-31T08:00:00Z"));

    casework.advanceClock(Duration.ofDays(14));
    assertThat(casework.fireDueTimers(pi.getId())).as("14 calendar days are not 10 working days here").isZero();
    casework.advanceClock(Duration.ofDays(7));
    assertThat(casework.fireDueTimers(pi.getId())).as("31 March 09:00, due at 16:00").isZero();
    casework.advanceClock(Duration.ofHours(7).plusMinutes(1));
    assertThat(casework.fireDueTimers(pi.getId())).isEqualTo(1);
    assertThat(pi).isEnded().hasPassed("EndEvent_ComplaintResolvedNoReply");
    Complaint c = complaint(s);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
    assertThat(c.getResolution()).contains(Resolution.NO_REPLY);
  }

  @Test
  void keepsPersonalDataAndComplaintTextOutOfProcessVariables() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    ProcessInstance pi = instance(s);
    casework.forward(s.trackingNumber(), BANGLI_DINKES);
    Map<String, Object> variables = runtimeService.getVariables(pi.getId());
    assertThat(variables.values()).map(String::valueOf)
        .noneMatch(v -> v.contains("Komang") || v.contains("example.org") || v.contains("Obat hipertensi"));
    assertThat(variables).containsKeys(ProcessVariables.TRACKING_NUMBER, ProcessVariables.OPD_CODE,
        ProcessVariables.FOLLOW_UP_DUE).doesNotContainKey("complaintId");
  }

  /** A Bangli complaint disposed to the officer, past its follow-up deadline: under supervision. */
  private Submission overdueAtTheOfficer() {
    Submission s = intake.submit(aPublicComplaintIn(BANGLI));
    casework.forward(s.trackingNumber(), BANGLI_DINKES);
    casework.dispose(s.trackingNumber(), "petugas.bangli.dinkes");
    casework.advanceClockPast(casework.task(s.trackingNumber(), PREPARE_FOLLOW_UP).getDueDate());
    casework.fireDueTimers(instance(s).getId());
    return s;
  }

  private long managementServiceJobs(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count();
  }

  private ProcessInstance instance(Submission s) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(s.trackingNumber()).rootProcessInstances().singleResult();
  }

  private Complaint complaint(Submission s) {
    return tx.execute(status -> {
      Complaint c = complaints.getByTrackingNumber(s.trackingNumber());
      c.getTimeline().size();
      return c;
    });
  }

  private static java.util.List<TimelineEventType> types(Complaint c) {
    return c.getTimeline().stream().map(TimelineEntry::getType).toList();
  }
}
