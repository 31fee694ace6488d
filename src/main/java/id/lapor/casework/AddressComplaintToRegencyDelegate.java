package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Address complaint to regency": the national admin sends it to the regency that must verify it,
 * where it continues in a new instance in the regency's tenant.
 */
@Component("addressComplaintToRegencyDelegate")
class AddressComplaintToRegencyDelegate implements JavaDelegate {

  private final CaseworkSupport support;
  private final Institutions institutions;
  private final ComplaintProcess process;

  AddressComplaintToRegencyDelegate(CaseworkSupport support, Institutions institutions, ComplaintProcess process) {
    this.support = support;
    this.institutions = institutions;
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    Institution regency = institutions.findById(text(execution, ProcessVariables.REGENCY_CODE))
        .filter(i -> i.getKind().verifiesComplaints())
        .orElseThrow(() -> new IllegalStateException("regencyCode is not a regency, city or national body"));
    Instant now = support.now();
    Instant verificationDue = support.deadlines().verification(regency.getCode(),
        complaint.getClassification(), now);
    complaint.addressTo(regency.getCode(), verificationDue, support.actor(), now);
    // the regency's admins see and verify it in their own tenant; this instance ends
    process.start(complaint, verificationDue);
  }
}
