package id.lapor.casework;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Remind OPD": the SOP's share of the follow-up time has passed. The reminder goes on the timeline
 * (naming the OPD and officer responsible) and the OPD's open task moves to the top of Tasklist
 * (priority {@value #REMINDED_PRIORITY}, Camunda's default being 50).
 */
@Component("remindOpdDelegate")
class RemindOpdDelegate implements JavaDelegate {

  static final int REMINDED_PRIORITY = 80;

  private final CaseworkSupport support;
  private final TaskService taskService;

  RemindOpdDelegate(CaseworkSupport support, TaskService taskService) {
    this.support = support;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    support.complaint(execution).remind(support.now());
    taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn(ComplaintTasks.DISPOSE_COMPLAINT, ComplaintTasks.PREPARE_FOLLOW_UP)
        .list()
        .forEach(task -> taskService.setPriority(task.getId(), REMINDED_PRIORITY));
  }
}
