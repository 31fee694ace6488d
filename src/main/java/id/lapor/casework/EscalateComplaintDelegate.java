package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;
import static id.lapor.casework.CaseworkSupport.text;

import id.lapor.complaint.EscalationLevel;
import id.lapor.deadlines.SopStep;
import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionGroups;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Escalate overdue complaint": the first (at the follow-up deadline) or second escalation, as the
 * input parameter {@code escalationStage} says, goes to the target the SOP named when the follow-up
 * clock started (regent's office, province or national admins). Records the escalation with the
 * OPD and officer responsible, a sanction notice at the first escalation where the SOP asks for
 * one, and sets who supervises and by when.
 */
@Component("escalateComplaintDelegate")
class EscalateComplaintDelegate implements JavaDelegate {

  /** Input of the escalation tasks in model versions before the SOP's escalation chain. */
  static final String LEGACY_LEVEL_INPUT = "escalationLevel";

  private final CaseworkSupport support;

  EscalateComplaintDelegate(CaseworkSupport support) {
    this.support = support;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    var sop = support.sop(complaint);
    String stage = text(execution, ProcessVariables.ESCALATION_STAGE);
    String legacyLevel = text(execution, LEGACY_LEVEL_INPUT);
    boolean first = stage != null ? !"2".equals(stage) : !EscalationLevel.NATIONAL.name().equals(legacyLevel);
    String planned = text(execution, first ? ProcessVariables.FIRST_ESCALATION_TO : ProcessVariables.SECOND_ESCALATION_TO);
    // complaints started on a model version before the escalation chain carry the level as input
    var level = planned != null ? EscalationLevel.valueOf(planned)
        : legacyLevel != null ? EscalationLevel.valueOf(legacyLevel) : sop.escalation(first ? 1 : 2);
    // who supervises follows from the complaint itself, never from a variable
    String regency = complaint.getAddressedRegionCode();
    String province = support.provinceOf(regency);
    Instant now = support.now();
    complaint.escalate(level, target(level, regency, province), now);
    if (first && sop.sanctionNotice()) {
      complaint.recordSanctionNotice(now);
    }
    execution.setVariable(first ? ProcessVariables.FIRST_SUPERVISORS : ProcessVariables.SECOND_SUPERVISORS,
        String.join(",", supervisors(level, regency, province)));
    execution.setVariable(first ? ProcessVariables.FIRST_SUPERVISION_DUE : ProcessVariables.SECOND_SUPERVISION_DUE,
        date(sop.due(SopStep.SUPERVISION, now)));
    if (stage == null) {
      execution.setVariable(first ? "provinceSupervisionDue" : "nationalSupervisionDue",
          date(sop.due(SopStep.SUPERVISION, now)));
    }
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
