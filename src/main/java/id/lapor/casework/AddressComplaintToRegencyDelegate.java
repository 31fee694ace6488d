package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;
import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.deadlines.SopStep;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Address complaint to regency": the national admin sends it to the regency that must verify it. */
@Component("addressComplaintToRegencyDelegate")
class AddressComplaintToRegencyDelegate implements JavaDelegate {

  private final CaseworkSupport support;
  private final Institutions institutions;

  AddressComplaintToRegencyDelegate(CaseworkSupport support, Institutions institutions) {
    this.support = support;
    this.institutions = institutions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    Institution regency = institutions.findRegency(text(execution, ProcessVariables.REGENCY_CODE))
        .orElseThrow(() -> new IllegalStateException("regencyCode is not a regency or city"));
    Instant now = support.now();
    Instant verificationDue = support.sop(regency.getCode(), complaint.getClassification())
        .due(SopStep.VERIFICATION, now);
    complaint.addressTo(regency.getCode(), verificationDue, support.actor(), now);
    execution.setVariable(ProcessVariables.REGION_CODE, regency.getCode());
    execution.setVariable(ProcessVariables.PROVINCE_CODE, regency.getParentCode());
    execution.setVariable(ProcessVariables.VERIFICATION_DUE, date(verificationDue));
  }
}
