package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;
import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.complaint.EscalationLevel;
import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionGroups;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Eskalasikan pengaduan terlambat": the overdue complaint goes to the next level of the escalation
 * chain the SOP named when the follow-up clock started — the first target (province nationally, the
 * regent's office in Banyuwangi) unless it is there already, then the second. Records the escalation
 * with the OPD and officer responsible (and a sanction notice at the first, where the SOP asks for
 * one), sets who supervises and by when, and whether a further level remains.
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
    // the complaint knows whether this clock has escalated it already (extension, reassignment and
    // reopening start the chain afresh)
    boolean first = complaint.getEscalationLevel() == EscalationLevel.NONE;
    String planned = text(execution, first ? ProcessVariables.FIRST_ESCALATION_TO : ProcessVariables.SECOND_ESCALATION_TO);
    EscalationLevel level = planned != null ? EscalationLevel.valueOf(planned)
        : support.deadlines().escalationTarget(complaint, first ? 1 : 2);
    // who supervises follows from the complaint itself, never from a variable
    String regency = complaint.getAddressedRegionCode();
    String province = support.provinceOf(regency);
    Instant now = support.now();
    complaint.escalate(level, target(level, regency, province), now);
    if (first && support.deadlines().sanctionNotice(complaint)) {
      complaint.recordSanctionNotice(now);
    }
    execution.setVariable(ProcessVariables.SUPERVISORS, String.join(",", supervisors(level, regency, province)));
    execution.setVariable(ProcessVariables.SUPERVISION_DUE, date(support.deadlines().supervision(complaint, now)));
    execution.setVariable(ProcessVariables.FURTHER_ESCALATION, first);
  }

  /** The institution an escalation goes to. */
  static String target(EscalationLevel level, String regency, String province) {
    return switch (level) {
      case REGENT -> regency;
      case PROVINCE -> province;
      case NATIONAL -> Institution.NATIONAL_CODE;
      case NONE -> throw new IllegalArgumentException("no escalation target for NONE");
    };
  }

  /**
   * The candidate groups of the supervision task: the target's people and, below the national
   * level, the regency admins, who answer for their OPDs.
   */
  static List<String> supervisors(EscalationLevel level, String regency, String province) {
    return switch (level) {
      case REGENT -> List.of(InstitutionGroups.regentOffice(regency), InstitutionGroups.regencyAdmins(regency));
      case PROVINCE -> List.of(InstitutionGroups.provinceSupervisors(province), InstitutionGroups.regencyAdmins(regency));
      case NATIONAL -> List.of(InstitutionGroups.NATIONAL_ADMINS);
      case NONE -> throw new IllegalArgumentException("no supervisors for NONE");
    };
  }
}
