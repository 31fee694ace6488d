package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;

import id.lapor.deadlines.SopStep;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Reopen complaint": a disputed follow-up goes back to the OPD with a fresh deadline. */
@Component("reopenComplaintDelegate")
class ReopenComplaintDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  ReopenComplaintDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    var sop = support.sop(complaint);
    Instant now = support.now();
    Instant followUpDue = sop.due(SopStep.FOLLOW_UP, now);
    complaint.reopen(followUpDue, now);
    execution.setVariable(ProcessVariables.FOLLOW_UP_DUE, date(followUpDue));
    execution.setVariable(ProcessVariables.NATIONAL_ESCALATION_DUE,
        date(sop.due(SopStep.NATIONAL_ESCALATION, followUpDue)));
    execution.setVariable(ProcessVariables.OPD_STAGE, OpdStage.REOPENED.name());
  }
}
