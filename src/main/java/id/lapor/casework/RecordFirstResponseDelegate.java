package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record first response": what the district office did goes on the timeline for the OPD to read. */
@Component("recordFirstResponseDelegate")
class RecordFirstResponseDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  RecordFirstResponseDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    support.complaint(execution).recordFirstResponse(text(execution, ProcessVariables.DISTRICT_OFFICE_CODE),
        text(execution, ProcessVariables.FIRST_RESPONSE_NOTE), support.actor(), support.now());
    execution.removeVariable(ProcessVariables.FIRST_RESPONSE_NOTE);
  }
}
