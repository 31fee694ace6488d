package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;
import static id.lapor.casework.CaseworkSupport.text;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Return complaint to regency admin": not this OPD's authority; the admin verifies again. */
@Component("returnComplaintToRegencyDelegate")
class ReturnComplaintToRegencyDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  ReturnComplaintToRegencyDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    Instant now = support.now();
    Instant verificationDue = support.deadlines().verification(complaint, now);
    String suggestion = text(execution, ProcessVariables.RETURN_SUGGESTION);
    complaint.returnToRegency(text(execution, ProcessVariables.RETURN_REASON), verificationDue,
        support.actor(), now, suggestion == null || suggestion.isBlank() ? null : suggestion);
    execution.setVariable(ProcessVariables.VERIFICATION_DUE, date(verificationDue));
    execution.removeVariable(ProcessVariables.RETURN_REASON);
    execution.removeVariable(ProcessVariables.RETURN_SUGGESTION);
  }
}
