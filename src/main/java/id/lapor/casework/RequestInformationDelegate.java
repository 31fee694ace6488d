package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;
import static id.lapor.casework.CaseworkSupport.text;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Request more information" (tunda): asks the complainant and starts the supplement period. */
@Component("requestInformationDelegate")
class RequestInformationDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  RequestInformationDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    Instant now = support.now();
    Instant supplementDue = support.deadlines().supplement(complaint, now);
    complaint.requestInformation(text(execution, ProcessVariables.INFORMATION_REQUEST), supplementDue,
        support.actor(), now);
    execution.setVariable(ProcessVariables.SUPPLEMENT_DUE, date(supplementDue));
    execution.removeVariable(ProcessVariables.INFORMATION_REQUEST);
  }
}
