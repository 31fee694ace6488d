package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.complaint.ArchiveReason;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Archive complaint" and "Archive incomplete complaint": closes the complaint with the reason from
 * the admin's form, or the one the BPMN gives as input parameter {@code archiveReason}.
 */
@Component("archiveComplaintDelegate")
class ArchiveComplaintDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  ArchiveComplaintDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    var reason = ArchiveReason.valueOf(text(execution, ProcessVariables.ARCHIVE_REASON));
    complaint.archive(reason, text(execution, ProcessVariables.ARCHIVE_NOTE), support.actor(), support.now());
    execution.removeVariable(ProcessVariables.ARCHIVE_NOTE);
  }
}
