package id.lapor.casework.steps;

import id.lapor.casework.steps.TaskView.Option;
import id.lapor.complaint.Complaint;
import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The institutions a decision may name, as option lists and as checks. */
@Component
class InstitutionOptions {

  private final Institutions institutions;

  InstitutionOptions(Institutions institutions) {
    this.institutions = institutions;
  }

  /** The OPDs of the complaint's regency, without {@code except} (may be null). */
  List<Option> opdsOf(Complaint c, String except) {
    return institutions.opdsOf(c.getAddressedRegionCode()).stream()
        .filter(i -> !i.getCode().equals(except))
        .map(i -> new Option(i.getName(), i.getCode())).toList();
  }

  /** Regencies, cities and national bodies (national bodies first), without {@code except} (may be null). */
  List<Option> verifyingInstitutionsBut(String except) {
    return institutions.findByKindInOrderByCode(List.of(InstitutionKind.AGENCY, InstitutionKind.REGENCY,
            InstitutionKind.CITY)).stream()
        .filter(i -> !i.getCode().equals(except))
        .sorted(Comparator.comparing((Institution i) -> i.getKind() != InstitutionKind.AGENCY)
            .thenComparing(Institution::getCode))
        .map(i -> new Option(i.getName() + " (" + i.getCode() + ")", i.getCode())).toList();
  }

  /** Whether {@code code} is an OPD of the complaint's regency. */
  boolean isOpdOf(Complaint c, String code) {
    return code != null && institutions.findById(code)
        .filter(i -> i.getKind() == InstitutionKind.OPD && c.getAddressedRegionCode().equals(i.getParentCode()))
        .isPresent();
  }

  /** Whether {@code code} is a registered regency, city or national body. */
  boolean verifies(String code) {
    return code != null && institutions.findById(code).filter(i -> i.getKind().verifiesComplaints()).isPresent();
  }

  boolean exists(String code) {
    return institutions.findById(code).isPresent();
  }

  String nameOf(String code) {
    return institutions.findById(code).map(Institution::getName).orElse(code);
  }
}
