package id.lapor.institutions;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Works out a staff member's {@link StaffScope} from their Camunda groups. */
@Service
public class StaffScopes {

  private final Institutions institutions;

  StaffScopes(Institutions institutions) {
    this.institutions = institutions;
  }

  /** The scope of a logged-in staff member (whose authorities are their Camunda groups). */
  public StaffScope of(Authentication caller) {
    if (caller == null || !caller.isAuthenticated()) {
      return StaffScope.NOTHING;
    }
    return of(caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
  }

  @Transactional(readOnly = true)
  public StaffScope of(Collection<String> groupIds) {
    if (groupIds.contains(InstitutionGroups.CAMUNDA_ADMIN) || groupIds.contains(InstitutionGroups.NATIONAL_ADMINS)) {
      return new StaffScope(true, Set.of(), Set.of(), Set.of(), Set.of());
    }
    Set<String> provinces = new HashSet<>();
    Set<String> regencies = new HashSet<>();
    Set<String> opds = new HashSet<>();
    Set<String> contact = new HashSet<>();
    for (String group : groupIds) {
      if (group.startsWith(InstitutionGroups.PROVINCE_SUPERVISORS)) {
        String province = group.substring(InstitutionGroups.PROVINCE_SUPERVISORS.length());
        provinces.add(province);
        institutions.regenciesOf(province).forEach(r -> regencies.add(r.getCode()));
      } else if (group.startsWith(InstitutionGroups.REGENCY_ADMINS)) {
        String regency = group.substring(InstitutionGroups.REGENCY_ADMINS.length());
        regencies.add(regency);
        contact.add(regency);
      } else if (group.startsWith(InstitutionGroups.REGENT_OFFICE)) {
        regencies.add(group.substring(InstitutionGroups.REGENT_OFFICE.length()));
      } else if (InstitutionGroups.opdOf(group).isPresent()) {
        opds.add(InstitutionGroups.opdOf(group).get());
      }
    }
    return new StaffScope(false, provinces, regencies, opds, contact);
  }
}
