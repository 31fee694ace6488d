package id.lapor.casework;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Reopen complaint": a disputed follow-up goes back to the OPD with a fresh deadline, where its liaison
 * officer disposes it again (to the same officer or another).
 */
@Component("reopenComplaintDelegate")
class ReopenComplaintDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  ReopenComplaintDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    Instant now = support.now();
    complaint.reopen(support.startFollowUpClock(execution, complaint, now), now);
  }
}
