package id.lapor.casework.steps;

import static id.lapor.casework.ProcessVariables.DISPOSITION_DECISION;
import static id.lapor.casework.ProcessVariables.FOLLOW_UP_ASSIGNEE;
import static id.lapor.casework.ProcessVariables.RETURN_REASON;
import static id.lapor.casework.ProcessVariables.RETURN_SUGGESTION;

import id.lapor.casework.steps.TaskView.Option;
import id.lapor.complaint.Complaint;
import id.lapor.institutions.InstitutionGroups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * "Disposisi ke petugas": the OPD's liaison assigns the complaint to one of its officers (or to all
 * of them), or returns it to the regency admin as not the OPD's authority, naming where it belongs
 * if it knows.
 */
@Component
class DisposeComplaintStep implements TaskStep {

  enum DispositionDecision { ASSIGN, RETURN }

  private final InstitutionOptions institutions;
  private final IdentityService identityService;

  DisposeComplaintStep(InstitutionOptions institutions, IdentityService identityService) {
    this.institutions = institutions;
    this.identityService = identityService;
  }

  @Override
  public String form() {
    return "DisposeComplaint";
  }

  @Override
  public List<String> fields() {
    return List.of(DISPOSITION_DECISION, FOLLOW_UP_ASSIGNEE, RETURN_REASON, RETURN_SUGGESTION);
  }

  @Override
  public void check(Decision d) {
    DispositionDecision decision = d.oneOf(DISPOSITION_DECISION, DispositionDecision.class);
    if (decision == DispositionDecision.ASSIGN) {
      String officer = d.filled(FOLLOW_UP_ASSIGNEE);
      String group = InstitutionGroups.opdOfficers(d.complaint().getOpdCode().orElse(""));
      if (officer != null && identityService.createUserQuery().userId(officer).memberOfGroup(group).count() == 0) {
        d.problem(FOLLOW_UP_ASSIGNEE, officer + " is not an officer of this OPD");
      }
    } else if (decision == DispositionDecision.RETURN) {
      d.requireText(RETURN_REASON);
      String suggestion = d.filled(RETURN_SUGGESTION);
      if (suggestion != null && !institutions.exists(suggestion)) {
        d.problem(RETURN_SUGGESTION, "not a registered institution (" + suggestion + ")");
      }
    }
  }

  /** Where the OPD thinks it belongs (another OPD of the regency, or another institution), and its officers. */
  @Override
  public void show(TaskView view) {
    Complaint c = view.complaint();
    List<Option> returnOptions = new ArrayList<>(institutions.opdsOf(c, c.getOpdCode().orElse(null)));
    returnOptions.addAll(institutions.verifyingInstitutionsBut(c.getAddressedRegionCode()));
    view.options("returnOptions", returnOptions);
    view.options("officerOptions", identityService.createUserQuery()
        .memberOfGroup(InstitutionGroups.opdOfficers(c.getOpdCode().orElse("")))
        .orderByUserLastName().asc().list().stream()
        .map(u -> new Option(u.getFirstName() + " " + u.getLastName() + " (" + u.getId() + ")", u.getId()))
        .toList());
  }
}
