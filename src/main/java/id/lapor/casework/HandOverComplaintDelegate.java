package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.complaint.Complaint;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Merge or transfer complaint". MERGE closes the complaint into the open one it duplicates. TRANSFER
 * moves it to another regency, city or national body and starts its handling there afresh — a new
 * instance in that institution's tenant (its own SOP variant if it has one) — while this instance
 * ends: the sender keeps its history, the receiver gets a fresh Verify complaint.
 */
@Component("handOverComplaintDelegate")
class HandOverComplaintDelegate implements JavaDelegate {

  private final CaseworkSupport support;
  private final ComplaintProcess process;

  HandOverComplaintDelegate(CaseworkSupport support, ComplaintProcess process) {
    this.support = support;
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Complaint complaint = support.complaint(execution);
    Instant now = support.now();
    String decision = text(execution, ProcessVariables.VERIFICATION_DECISION);
    if ("MERGE".equals(decision)) {
      Complaint master = support.findComplaint(text(execution, ProcessVariables.MASTER_TRACKING_NUMBER).strip()
          .toUpperCase()).orElseThrow(() -> new IllegalStateException("master complaint vanished"));
      complaint.mergeInto(master, support.actor(), now);
    } else {
      String target = text(execution, ProcessVariables.TRANSFER_TO);
      Instant verificationDue = support.deadlines().verification(target, complaint.getClassification(), now);
      complaint.transferTo(target, text(execution, ProcessVariables.TRANSFER_REASON), verificationDue, support.actor(),
          now);
      process.start(complaint, verificationDue);
    }
  }
}
