package id.lapor.casework.steps;

import static id.lapor.casework.ProcessVariables.REASSIGN_OPD_CODE;
import static id.lapor.casework.ProcessVariables.SUPERVISION_ACTION;
import static id.lapor.casework.ProcessVariables.SUPERVISION_NOTE;

import id.lapor.calendar.SopDuration;
import id.lapor.casework.steps.TaskView.Option;
import id.lapor.complaint.Complaint;
import id.lapor.deadlines.ComplaintDeadlines;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Awasi pengaduan terlambat": the supervisors of the escalation's level push the OPD, reassign the
 * complaint to another OPD of the regency, or extend its deadline once by the SOP's extension.
 */
@Component
class SuperviseOverdueComplaintStep implements TaskStep {

  private final InstitutionOptions institutions;
  private final ComplaintDeadlines deadlines;

  SuperviseOverdueComplaintStep(InstitutionOptions institutions, ComplaintDeadlines deadlines) {
    this.institutions = institutions;
    this.deadlines = deadlines;
  }

  @Override
  public String form() {
    return "SuperviseOverdueComplaint";
  }

  @Override
  public List<String> fields() {
    return List.of(SUPERVISION_ACTION, SUPERVISION_NOTE, REASSIGN_OPD_CODE);
  }

  @Override
  public void check(Decision d) {
    d.requireText(SUPERVISION_NOTE);
    SupervisionAction action = d.oneOf(SUPERVISION_ACTION, SupervisionAction.class);
    Complaint complaint = d.complaint();
    if (action == SupervisionAction.REASSIGN) {
      String opd = d.text(REASSIGN_OPD_CODE);
      if (complaint.getOpdCode().orElse("").equals(opd) || !institutions.isOpdOf(complaint, opd)) {
        d.problem(REASSIGN_OPD_CODE, "choose another OPD of " + complaint.getAddressedRegionCode());
      }
    } else if (action == SupervisionAction.EXTEND && complaint.isDeadlineExtended()) {
      d.problem(SUPERVISION_ACTION, "the deadline has already been extended once; push or reassign");
    }
  }

  @Override
  public void show(TaskView view) {
    Complaint c = view.complaint();
    List<Option> actions = new ArrayList<>();
    actions.add(new Option(view.label("supervision.PUSH"), SupervisionAction.PUSH.name()));
    actions.add(new Option(view.label("supervision.REASSIGN"), SupervisionAction.REASSIGN.name()));
    if (!c.isDeadlineExtended()) {
      String extension = deadlines.extensionLength(c).map(SopDuration::toIndonesian).orElse("-");
      actions.add(new Option(view.label("supervision.EXTEND", extension), SupervisionAction.EXTEND.name()));
    }
    view.options("supervisionActionOptions", actions);
    view.options("opdOptions", institutions.opdsOf(c, c.getOpdCode().orElse(null)));
  }
}
