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
import org.camunda.bpm.engine.RuntimeService;
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
  private final RuntimeService runtimeService;

  Casework(TaskService taskService, IdentityService identityService, ManagementService managementService,
      FormService formService, RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
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

  /**
   * Executes every timer of the process instance, and of the plug-in instances it called, that is
   * due at the current engine time, earliest first, and those they start that are due too (as the job
   * executor would); returns how many fired (a timer whose scope an earlier one ended does not fire).
   */
  public int fireDueTimers(String processInstanceId) {
    int fired = 0;
    // a timer that fires may start the next one already due (the clock's reminder, then its deadline)
    for (int round = 0; round < 20; round++) {
      List<Job> due = new java.util.ArrayList<>();
      for (String id : withCalledInstances(processInstanceId)) {
        due.addAll(managementService.createJobQuery().processInstanceId(id).timers()
            .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list());
      }
      if (due.isEmpty()) {
        return fired;
      }
      due.sort(java.util.Comparator.comparing(Job::getDuedate));
      for (Job job : due) {
        if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
          managementService.executeJob(job.getId());
          fired++;
        }
      }
    }
    throw new AssertionError("timers keep firing: a timer loop in " + processInstanceId);
  }

  private List<String> withCalledInstances(String processInstanceId) {
    List<String> ids = new java.util.ArrayList<>(List.of(processInstanceId));
    for (int i = 0; i < ids.size(); i++) {
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
          .forEach(called -> ids.add(called.getId()));
    }
    return ids;
  }
}
