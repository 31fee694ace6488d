package id.lapor.casework;

import static id.lapor.casework.CaseworkSupport.date;

import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Find district office": the kecamatan of the complaint's district, registered as an OPD of the
 * regency with the code {@code <regency>.kec-<district>} ({@code 35.10.kec-genteng}), and the due
 * time of its first response. Sets {@code districtOfficeCode} to {@code null} when the district has
 * no registered office, so the complaint goes straight on to the OPD.
 */
@Component("findDistrictOfficeDelegate")
class FindDistrictOfficeDelegate implements JavaDelegate {

  private final CaseworkSupport support;
  private final Institutions institutions;

  FindDistrictOfficeDelegate(CaseworkSupport support, Institutions institutions) {
    this.support = support;
    this.institutions = institutions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = support.complaint(execution);
    String district = complaint.getLocation().district();
    String office = district == null ? null : institutions.findById(
            complaint.getAddressedRegionCode() + ".kec-" + slug(district))
        .filter(i -> i.getKind() == InstitutionKind.OPD).map(Institution::getCode).orElse(null);
    execution.setVariable(ProcessVariables.DISTRICT_OFFICE_CODE, office);
    if (office != null) {
      Instant now = support.now();
      execution.setVariable(ProcessVariables.DISTRICT_RESPONSE_DUE,
          date(support.deadlines().districtResponse(complaint, now)));
    }
  }

  static String slug(String district) {
    String ascii = Normalizer.normalize(district, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return ascii.toLowerCase(Locale.ROOT).replaceFirst("^kec(amatan|\\.)?\\s+", "").strip()
        .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
