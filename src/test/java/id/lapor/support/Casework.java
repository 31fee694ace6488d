package id.lapor.support;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Acts on complaints' tasks as the demo users would in Tasklist, and moves the engine clock. */
@Component
public class Casework {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final ManagementService managementService;
  private final FormService formService;

  Casework(TaskService taskService, IdentityService identityService, ManagementService managementService,
      FormService formService) {
    this.formService = formService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.managementService = managementService;
  }

  public Task task(String trackingNumber, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task %s of %s", taskKey, trackingNumber).isNotNull();
    return task;
  }

  /**
   * Claims (if needed) and completes the complaint's open task as {@code user}, by submitting its form
   * as Tasklist does (so only the form's fields are accepted).
   */
  public void complete(String trackingNumber, String taskKey, String user, Map<String, Object> variables) {
    Task task = task(trackingNumber, taskKey);
    as(user, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      formService.submitTaskForm(task.getId(), variables);
    });
  }

  public void as(String user, Runnable action) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
        .stream().map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
    identityService.setAuthentication(user, groups, tenants);
    try {
      action.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  public void forward(String trackingNumber, String opd) {
    complete(trackingNumber, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, opd));
  }

  /** Assigns to {@code officer}, or to all of the OPD's officers when it is {@code null}. */
  public void dispose(String trackingNumber, String officer) {
    Map<String, Object> decision = new HashMap<>();
    decision.put(ProcessVariables.DISPOSITION_DECISION, "ASSIGN");
    decision.put(ProcessVariables.FOLLOW_UP_ASSIGNEE, officer);
    complete(trackingNumber, ComplaintTasks.DISPOSE_COMPLAINT, "penghubung.bangli.dinkes", decision);
  }

  public void postFollowUp(String trackingNumber, String text) {
    complete(trackingNumber, ComplaintTasks.PREPARE_FOLLOW_UP, "petugas.bangli.dinkes",
        Map.of(ProcessVariables.FOLLOW_UP_TEXT, text));
  }

  /** Moves the engine clock forward; {@link #resetClock()} after each test. */
  public void advanceClock(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  /** Sets the engine clock; {@link #resetClock()} after each test. */
  public void setClock(java.time.Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Moves the engine clock to one minute after {@code due}. */
  public void advanceClockPast(Date due) {
    ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
  }

  /** The candidate groups of a task. */
  public List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(l -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).toList();
  }

  /** Whether the Camunda group exists. */
  public boolean groupExists(String groupId) {
    return identityService.createGroupQuery().groupId(groupId).count() > 0;
  }

  /** The engine's current time. */
  public java.time.Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public void resetClock() {
    ClockUtil.reset();
  }

  /** Executes every timer of the process instance that is due at the current engine time. */
  public int fireDueTimers(String processInstanceId) {
    List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
        .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list();
    due.forEach(job -> managementService.executeJob(job.getId()));
    return due.size();
  }
}
