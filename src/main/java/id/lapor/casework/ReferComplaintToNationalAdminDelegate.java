package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;
import static id.lapor.casework.CaseworkSupport.text;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Refer complaint to national admin": not within the regency's authority, nothing is dropped. */
@Component("referComplaintToNationalAdminDelegate")
class ReferComplaintToNationalAdminDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  ReferComplaintToNationalAdminDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    Instant now = support.now();
    Instant verificationDue = support.deadlines().verification(complaint, now);
    complaint.referToNationalAdmin(text(execution, ProcessVariables.REFERRAL_REASON), verificationDue,
        support.actor(), now);
    execution.setVariable(ProcessVariables.VERIFICATION_DUE, date(verificationDue));
    execution.removeVariable(ProcessVariables.REFERRAL_REASON);
  }
}
