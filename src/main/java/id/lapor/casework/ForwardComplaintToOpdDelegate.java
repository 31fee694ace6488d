package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.text;

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
    Instant now = support.now();
    Instant followUpDue = support.startFollowUpClock(execution, complaint, now);
    complaint.forwardTo(text(execution, ProcessVariables.OPD_CODE), followUpDue, support.actor(), now);
    // the OPD's liaison names the officer; none is known yet (not even after a return)
    execution.setVariable(ProcessVariables.FOLLOW_UP_ASSIGNEE, null);
  }
}
