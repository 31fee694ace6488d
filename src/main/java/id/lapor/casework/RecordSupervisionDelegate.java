package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;
import static id.lapor.casework.CaseworkSupport.text;

import java.time.Instant;
import id.lapor.casework.steps.SupervisionAction;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * "Catat supervisi": carries out what the supervisor decided about the overdue complaint. A push
 * (teguran) goes on the timeline and the OPD keeps working. A reassignment moves the complaint to
 * another OPD of the regency with a fresh follow-up period (the model then starts the OPD stage
 * again). An extension (once per complaint) gives the OPD the SOP's extra time: the OPD's open task
 * gets the new due date, and the model restarts only the clock that watches it.
 */
@Component("recordSupervisionDelegate")
class RecordSupervisionDelegate implements JavaDelegate {

  private final CaseworkSupport support;
  private final TaskService taskService;

  RecordSupervisionDelegate(CaseworkSupport support, TaskService taskService) {
    this.support = support;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    String note = text(execution, ProcessVariables.SUPERVISION_NOTE);
    String actor = support.actor();
    Instant now = support.now();
    switch (SupervisionAction.valueOf(text(execution, ProcessVariables.SUPERVISION_ACTION))) {
      case PUSH -> complaint.recordSupervision(note, actor, support.actorLevel(complaint), now);
      case REASSIGN -> {
        String opd = text(execution, ProcessVariables.REASSIGN_OPD_CODE);
        complaint.reassignTo(opd, note, support.startFollowUpClock(execution, complaint, now), actor, now);
        execution.setVariable(ProcessVariables.OPD_CODE, opd);
        execution.setVariable(ProcessVariables.FOLLOW_UP_ASSIGNEE, null);
      }
      case EXTEND -> {
        Instant due = support.startExtendedClock(execution, complaint, now);
        complaint.extendDeadline(due, note, actor, now);
        moveOpdTasksTo(execution.getProcessInstanceId(), due);
      }
    }
    execution.removeVariable(ProcessVariables.SUPERVISION_NOTE);
    execution.removeVariable(ProcessVariables.REASSIGN_OPD_CODE);
  }

  /** The OPD's open tasks show the extended deadline (done as the system: the supervisor may not edit tasks). */
  private void moveOpdTasksTo(String processInstanceId, Instant due) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      taskService.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKeyIn(ComplaintTasks.DISPOSE_COMPLAINT, ComplaintTasks.PREPARE_FOLLOW_UP).list()
          .forEach(task -> {
            task.setDueDate(date(due));
            taskService.saveTask(task);
          });
      return null;
    });
  }
}
