package id.lapor.casework;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
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
 * owned only by a candidate group, only by a timer or only by an assignee is not.
 */
@LaporTest
class ComplaintOwnersIntegrationTests {

  @Autowired ComplaintIntake intake;
  @Autowired ComplaintOwners owners;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired Casework casework;

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
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).singleResult().getId();
  }
}
