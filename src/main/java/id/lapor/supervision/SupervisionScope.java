package id.lapor.supervision;

import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import id.lapor.institutions.StaffScope;
import id.lapor.institutions.StaffScopes;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import id.lapor.web.NotInScopeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which levels a staff member supervises: the nation for national admins and operators, their
 * province (and everything below) for province supervisors, their regency or city (and its OPDs)
 * for its admins and the regent's office, their OPD for its staff. Nobody sees a level above or
 * beside their own; a level outside one's scope answers 404, as if it did not exist.
 */
@Component
class SupervisionScope {

  private final Institutions institutions;
  private final StaffScopes scopes;

  SupervisionScope(Institutions institutions, StaffScopes scopes) {
    this.institutions = institutions;
    this.scopes = scopes;
  }

  /** The unit {@code code} names, if {@code caller} may watch it. */
  @Transactional(readOnly = true)
  Unit resolve(Authentication caller, String field, String code) {
    if (code == null || code.isBlank()) {
      throw new InvalidRequestException(List.of(new FieldProblem(field, "is required")));
    }
    Institution institution = institutions.findById(code).orElseThrow(() -> new InvalidRequestException(
        List.of(new FieldProblem(field, "is not a registered institution: " + code))));
    if (!sees(scopes.of(caller), institution)) {
      throw new NotInScopeException("Institution " + code);
    }
    return Unit.of(institution);
  }

  /** The highest units the caller watches (where the dashboard opens). */
  @Transactional(readOnly = true)
  List<Unit> topUnits(Authentication caller) {
    StaffScope scope = scopes.of(caller);
    if (scope.everything()) {
      return institutions.findById(Institution.NATIONAL_CODE).map(Unit::of).stream().toList();
    }
    List<Unit> top = new ArrayList<>();
    scope.provinces().forEach(p -> institutions.findById(p).map(Unit::of).ifPresent(top::add));
    scope.regencies().stream()
        .map(institutions::findById).flatMap(java.util.Optional::stream)
        .filter(r -> r.getParentCode() == null || !scope.provinces().contains(r.getParentCode()))
        .map(Unit::of).forEach(top::add);
    scope.opds().stream()
        .map(institutions::findById).flatMap(java.util.Optional::stream)
        .filter(o -> !scope.regencies().contains(o.getParentCode()))
        .map(Unit::of).forEach(top::add);
    top.sort(Comparator.comparing(Unit::code));
    return top;
  }

  static boolean sees(StaffScope scope, Institution institution) {
    if (scope.everything()) {
      return true;
    }
    String code = institution.getCode();
    return switch (institution.getKind()) {
      case NATIONAL -> false;
      case PROVINCE -> scope.provinces().contains(code);
      case REGENCY, CITY, AGENCY -> scope.regencies().contains(code);
      case OPD -> scope.opds().contains(code) || scope.regencies().contains(institution.getParentCode());
    };
  }
}
