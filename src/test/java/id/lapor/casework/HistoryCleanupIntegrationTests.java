package id.lapor.casework;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's history cleanup as configured (docs/operations.md, "History"): a complaint's engine
 * history goes five years after it ended, in the nightly window; the complaint's own record stays.
 */
@LaporTest
class HistoryCleanupIntegrationTests {

  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired Complaints complaints;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    casework.resetClock();
    historyService.cleanUpHistoryAsync(false); // back to tonight's window
  }

  @Test
  void theCleanupRunsEveryNightFromTenOClockServerTime() {
    assertThat(historyService.findHistoryCleanupJobs()).as("scheduled at start, one per degree of parallelism")
        .hasSize(2)
        .allSatisfy(job -> assertThat(LocalTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault()))
            .isEqualTo(LocalTime.of(22, 0)));
  }

  @Test
  void theEngineHistoryOfAComplaintEndedFiveYearsAgoGoesWhileTheComplaintsOwnRecordStays() {
    String tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "ARCHIVE", ProcessVariables.ARCHIVE_REASON, "UNINTELLIGIBLE"));
    HistoricProcessInstance ended = history(tn);
    assertThat(ended.getEndTime()).isNotNull();
    assertThat(ended.getRemovalTime().toInstant())
        .isEqualTo(ended.getEndTime().toInstant().plus(Duration.ofDays(1825)));

    casework.setClock(ended.getEndTime().toInstant().minus(Duration.ofDays(1)).plus(Duration.ofDays(1825)));
    runCleanup();
    assertThat(history(tn)).as("kept until its removal time").isNotNull();

    casework.setClock(ended.getRemovalTime().toInstant().plus(Duration.ofMinutes(1)));
    runCleanup();
    assertThat(history(tn)).as("removed after it").isNull();
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_ACTINST a where a.PROC_INST_ID_ = ?", Long.class,
        ended.getId())).isZero();
    assertThat(complaints.getByTrackingNumber(tn).getStatus()).isEqualTo(ComplaintStatus.ARCHIVED);
    Long complaintId = complaints.getByTrackingNumber(tn).getId();
    assertThat(jdbc.queryForObject("select count(*) from timeline_entry where complaint_id = ?", Long.class,
        complaintId)).as("the complaint's timeline is its own record").isGreaterThanOrEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from complaint_projection where complaint_id = ?", Long.class,
        complaintId)).isEqualTo(1);
  }

  private HistoricProcessInstance history(String trackingNumber) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .rootProcessInstances().singleResult();
  }

  /** What the job executor does in the window: the cleanup jobs, until they find nothing more to remove. */
  private void runCleanup() {
    historyService.cleanUpHistoryAsync(true);
    for (int round = 0; round < 200; round++) {
      Instant now = casework.now();
      var due = historyService.findHistoryCleanupJobs().stream()
          .filter(j -> !j.getDuedate().toInstant().isAfter(now)).map(Job::getId).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(managementService::executeJob);
    }
  }
}
