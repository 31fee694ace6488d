package id.lapor.casework;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "No wrong door" checked over all open complaints at once: a complaint whose process instance is
 * suspended, and one that waits at a task nobody can take with no timer running, are reported; one
 * owned only by a candidate group, only by a timer or only by an assignee is not. So are a complaint
 * whose status says something else than where its process waits, a closed complaint whose process
 * goes on, and a process of no complaint.
 */
@LaporTest
class ComplaintOwnersIntegrationTests {

  @Autowired ComplaintIntake intake;
  @Autowired ComplaintOwners owners;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired Casework casework;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void reportsTheOpenComplaintsNobodyOwnsAndOnlyThem() {
    List<String> before = violating();
    String groupOnly = submitted();
    deleteTimers(groupOnly);
    // waiting for the complainant's supplement: no task, only the supplement period's timer
    String timerOnly = submitted();
    casework.complete(timerOnly, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "REQUEST_INFORMATION",
        ProcessVariables.INFORMATION_REQUEST, "Puskesmas mana?"));
    assertThat(taskService.createTaskQuery().processInstanceId(instanceOf(timerOnly)).count()).isZero();
    String assigneeOnly = submitted();
    deleteTimers(assigneeOnly);
    deleteCandidateGroups(assigneeOnly);
    taskService.setAssignee(task(assigneeOnly).getId(), "admin.bangli");
    String suspended = submitted();
    runtimeService.suspendProcessInstanceById(instanceOf(suspended));
    String orphaned = submitted();
    deleteTimers(orphaned);
    List<String> orphanedGroups = deleteCandidateGroups(orphaned);
    try {
      ComplaintOwners.Report report = owners.check();
      assertThat(report.openComplaints()).isGreaterThanOrEqualTo(5);
      assertThat(violating()).containsAll(before).contains(suspended, orphaned)
          .doesNotContain(groupOnly, timerOnly, assigneeOnly).hasSize(before.size() + 2);
      assertThat(report.violations()).filteredOn(v -> v.trackingNumber().equals(suspended)).singleElement()
          .satisfies(v -> assertThat(v.problem()).startsWith("0 active process instances"));
      assertThat(report.violations()).filteredOn(v -> v.trackingNumber().equals(orphaned)).singleElement()
          .satisfies(v -> assertThat(v.problem()).contains("waits at", ComplaintTasks.VERIFY_COMPLAINT, "no timer"));
    } finally {
      runtimeService.activateProcessInstanceById(instanceOf(suspended));
      orphanedGroups.forEach(g -> taskService.addCandidateGroup(task(orphaned).getId(), g));
    }
    assertThat(violating()).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void reportsComplaintsWhoseStatusDisagreesWithTheirProcessAndInstancesOfNoOpenComplaint() {
    List<String> before = violating();
    // the damage a re-pointed task once did: answered while its own process still waits for the follow-up
    String answeredButWaiting = submitted();
    casework.forward(answeredButWaiting, ComplaintFixtures.BANGLI_DINKES);
    casework.dispose(answeredButWaiting, "petugas.bangli.dinkes");
    String closedButRunning = submitted();
    String noComplaint = "LPR-2026-NOSUCH";
    runtimeService.createProcessInstanceByKey(ComplaintProcess.PROCESS_KEY).processDefinitionWithoutTenantId()
        .businessKey(noComplaint).setVariables(Map.of(ProcessVariables.REGION_CODE, BANGLI,
            ProcessVariables.VERIFIER_GROUPS, "regency-admins-51.06",
            ProcessVariables.VERIFICATION_DUE, new java.util.Date())).execute();
    jdbc.update("update complaint set status = 'ANSWERED' where tracking_number = ?", answeredButWaiting);
    jdbc.update("update complaint set status = 'ARCHIVED' where tracking_number = ?", closedButRunning);
    try {
      ComplaintOwners.Report report = owners.check();
      assertThat(violating()).containsAll(before).contains(answeredButWaiting, closedButRunning, noComplaint)
          .hasSize(before.size() + 3);
      assertThat(problemOf(report, answeredButWaiting)).contains("ANSWERED", "the complainant's reply",
          ComplaintTasks.PREPARE_FOLLOW_UP);
      assertThat(problemOf(report, closedButRunning)).contains("closed", "still active");
      assertThat(problemOf(report, noComplaint)).contains("handles no complaint");
    } finally {
      jdbc.update("update complaint set status = 'IN_PROGRESS' where tracking_number = ?", answeredButWaiting);
      jdbc.update("update complaint set status = 'SUBMITTED' where tracking_number = ?", closedButRunning);
      runtimeService.deleteProcessInstance(instanceOf(noComplaint), "test");
    }
    assertThat(violating()).containsExactlyInAnyOrderElementsOf(before);
  }

  private static String problemOf(ComplaintOwners.Report report, String trackingNumber) {
    return report.violations().stream().filter(v -> v.trackingNumber().equals(trackingNumber))
        .map(ComplaintOwners.Violation::problem).findFirst().orElseThrow();
  }

  private String submitted() {
    return intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
  }

  private void deleteTimers(String trackingNumber) {
    managementService.createJobQuery().processInstanceId(instanceOf(trackingNumber)).timers().list()
        .forEach(j -> managementService.deleteJob(j.getId()));
  }

  /** Removes the task's candidate groups; returns them. */
  private List<String> deleteCandidateGroups(String trackingNumber) {
    String taskId = task(trackingNumber).getId();
    List<String> groups = taskService.getIdentityLinksForTask(taskId).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList();
    groups.forEach(g -> taskService.deleteCandidateGroup(taskId, g));
    return groups;
  }

  private org.camunda.bpm.engine.task.Task task(String trackingNumber) {
    return taskService.createTaskQuery().processInstanceId(instanceOf(trackingNumber)).singleResult();
  }

  private List<String> violating() {
    return owners.check().violations().stream().map(ComplaintOwners.Violation::trackingNumber).toList();
  }

  private String instanceOf(String trackingNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).rootProcessInstances().singleResult().getId();
  }
}
