package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record supervision": what the supervisor did about the overdue complaint goes on the timeline. */
@Component("recordSupervisionDelegate")
class RecordSupervisionDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  RecordSupervisionDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    support.complaint(execution).recordSupervision(text(execution, ProcessVariables.SUPERVISION_NOTE),
        support.actor(), support.now());
    execution.removeVariable(ProcessVariables.SUPERVISION_NOTE);
  }
}
