package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;
import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.complaint.EscalationLevel;
import id.lapor.deadlines.SopStep;
import id.lapor.institutions.Institution;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Escalate complaint to province" / "… to national admin": records the escalation (level from the
 * input parameter {@code escalationLevel}) with the OPD and officer responsible, a sanction notice
 * at the first escalation where the SOP asks for one, and the due date of the supervisor task.
 */
@Component("escalateComplaintDelegate")
class EscalateComplaintDelegate implements JavaDelegate {

  private final CaseworkSupport support;

  EscalateComplaintDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    var level = EscalationLevel.valueOf(text(execution, ProcessVariables.ESCALATION_LEVEL));
    String target = level == EscalationLevel.PROVINCE
        ? text(execution, ProcessVariables.PROVINCE_CODE) : Institution.NATIONAL_CODE;
    Instant now = support.now();
    var sop = support.sop(complaint);
    complaint.escalate(level, target, now);
    if (level == EscalationLevel.PROVINCE && sop.sanctionNotice()) {
      complaint.recordSanctionNotice(now);
    }
    execution.setVariable(level == EscalationLevel.PROVINCE
            ? ProcessVariables.PROVINCE_SUPERVISION_DUE : ProcessVariables.NATIONAL_SUPERVISION_DUE,
        date(sop.due(SopStep.SUPERVISION, now)));
  }
}
