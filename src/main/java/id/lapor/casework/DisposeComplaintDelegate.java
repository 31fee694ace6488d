package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Assign complaint to officer": the liaison officer's disposition inside the OPD. */
@Component("disposeComplaintDelegate")
class DisposeComplaintDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  DisposeComplaintDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String officer = text(execution, ProcessVariables.FOLLOW_UP_ASSIGNEE);
    if (officer != null && officer.isBlank()) {
      officer = null;
    }
    // "Prepare follow-up" goes to this officer, or to all of the OPD's officers when none is named.
    execution.setVariable(ProcessVariables.FOLLOW_UP_ASSIGNEE, officer);
    support.complaint(execution).dispose(officer, support.actor(), support.now());
  }
}
