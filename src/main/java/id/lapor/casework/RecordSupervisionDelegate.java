package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.deadlines.SopStep;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record supervision": carries out what the supervisor decided about the overdue complaint. A push
 * (teguran) goes on the timeline and the OPD's task stays open; a reassignment moves the complaint
 * to another OPD of the regency with a fresh follow-up period; an extension (once per complaint)
 * gives the OPD the SOP's extra time. After either of the last two the OPD stage starts again.
 */
@Component("recordSupervisionDelegate")
class RecordSupervisionDelegate implements JavaDelegate {

  /** Catches the restart of the OPD stage after a reassignment or extension. */
  static final String RESTART_BOUNDARY = "Event_OpdStageRestarted";

  private final CaseworkSupport support;

  RecordSupervisionDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    String note = text(execution, ProcessVariables.SUPERVISION_NOTE);
    String actor = support.actor();
    Instant now = support.now();
    String chosen = text(execution, ProcessVariables.SUPERVISION_ACTION);
    // model versions before the supervisor's choices only know the push
    SupervisionAction action = chosen == null ? SupervisionAction.PUSH : SupervisionAction.valueOf(chosen);
    if (action != SupervisionAction.PUSH
        && execution.getBpmnModelInstance().getModelElementById(RESTART_BOUNDARY) == null) {
      String problem = ProcessVariables.SUPERVISION_ACTION + ": this complaint runs on an older version of the "
          + "SOP, which only knows PUSH; an operator can migrate it to the current version to reassign or extend";
      throw new FormFieldValidationException(List.of(problem), problem);
    }
    switch (action) {
      case PUSH -> complaint.recordSupervision(note, actor, now);
      case REASSIGN -> {
        String opd = text(execution, ProcessVariables.REASSIGN_OPD_CODE);
        complaint.reassignTo(opd, note, support.startFollowUpClock(execution, complaint, now), actor, now);
        execution.setVariable(ProcessVariables.OPD_CODE, opd);
        execution.setVariable(ProcessVariables.OPD_STAGE, OpdStage.FORWARDED.name());
        execution.setVariable(ProcessVariables.FOLLOW_UP_ASSIGNEE, null);
      }
      case EXTEND -> {
        Instant due = support.sop(complaint).due(SopStep.EXTENSION, now);
        complaint.extendDeadline(due, note, actor, now);
        support.startFollowUpClock(execution, complaint, now, SopStep.EXTENSION);
      }
    }
    execution.removeVariable(ProcessVariables.SUPERVISION_NOTE);
    execution.removeVariable(ProcessVariables.REASSIGN_OPD_CODE);
  }

  /** What a supervisor may do about an overdue complaint. */
  enum SupervisionAction {
    /** Push the OPD (teguran): recorded, the OPD keeps working on it. */
    PUSH,
    /** Move it to another OPD of the regency. */
    REASSIGN,
    /** Give the OPD more time, once, for a reason the complainant sees. */
    EXTEND
  }
}
