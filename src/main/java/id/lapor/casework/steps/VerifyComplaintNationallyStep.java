package id.lapor.casework.steps;

import static id.lapor.casework.ProcessVariables.ARCHIVE_NOTE;
import static id.lapor.casework.ProcessVariables.ARCHIVE_REASON;
import static id.lapor.casework.ProcessVariables.NATIONAL_DECISION;
import static id.lapor.casework.ProcessVariables.REGENCY_CODE;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Verifikasi pengaduan tingkat nasional": the national admin sends a complaint no regency took to
 * the regency, city or national body with authority, or archives it with a reason.
 */
@Component
class VerifyComplaintNationallyStep implements TaskStep {

  enum NationalDecision { FORWARD_TO_REGENCY, ARCHIVE }

  private final InstitutionOptions institutions;

  VerifyComplaintNationallyStep(InstitutionOptions institutions) {
    this.institutions = institutions;
  }

  @Override
  public String form() {
    return "VerifyComplaintNationally";
  }

  @Override
  public List<String> fields() {
    return List.of(NATIONAL_DECISION, REGENCY_CODE, ARCHIVE_REASON, ARCHIVE_NOTE);
  }

  @Override
  public void check(Decision d) {
    NationalDecision decision = d.oneOf(NATIONAL_DECISION, NationalDecision.class);
    if (decision == NationalDecision.FORWARD_TO_REGENCY && !institutions.verifies(d.text(REGENCY_CODE))) {
      d.problem(REGENCY_CODE, "choose a registered regency, city or national body");
    } else if (decision == NationalDecision.ARCHIVE) {
      ArchiveReasons.check(d);
    }
  }

  @Override
  public void show(TaskView view) {
    view.options("regencyOptions", institutions.verifyingInstitutionsBut(null));
  }
}
