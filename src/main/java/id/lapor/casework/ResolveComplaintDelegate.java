package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.complaint.Resolution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close complaint as resolved": how (accepted / no reply) comes from the input parameter. */
@Component("resolveComplaintDelegate")
class ResolveComplaintDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  ResolveComplaintDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    support.complaint(execution).resolve(Resolution.valueOf(text(execution, ProcessVariables.RESOLUTION)),
        support.now());
  }
}
