package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;
import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.deadlines.SopStep;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Forward complaint to OPD": records the disposition and starts the OPD's follow-up clock. */
@Component("forwardComplaintToOpdDelegate")
class ForwardComplaintToOpdDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  ForwardComplaintToOpdDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    var sop = support.sop(complaint);
    Instant now = support.now();
    Instant followUpDue = sop.due(SopStep.FOLLOW_UP, now);
    complaint.forwardTo(text(execution, ProcessVariables.OPD_CODE), followUpDue, support.actor(), now);
    execution.setVariable(ProcessVariables.FOLLOW_UP_DUE, date(followUpDue));
    execution.setVariable(ProcessVariables.NATIONAL_ESCALATION_DUE,
        date(sop.due(SopStep.NATIONAL_ESCALATION, followUpDue)));
    execution.setVariable(ProcessVariables.OPD_STAGE, OpdStage.FORWARDED.name());
  }
}
