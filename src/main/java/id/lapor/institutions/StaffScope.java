package id.lapor.institutions;

import java.util.Optional;
import java.util.Set;

/**
 * What a staff member may see in the application's own endpoints, derived from their groups: the
 * same boundaries the engine's authorizations and tenants draw in Tasklist and Cockpit.
 *
 * @param everything national admins and operators
 * @param provinces provinces a supervisor watches
 * @param regencies regencies and cities whose complaints the caller may read (their own as
 *     regency admin or regent's office; their province's as supervisor)
 * @param opds OPDs whose current complaints the caller may read (liaison officers, officers)
 * @param contactRegencies regencies whose complainants the caller may contact (regency admins)
 */
public record StaffScope(boolean everything, Set<String> provinces, Set<String> regencies, Set<String> opds,
    Set<String> contactRegencies) {

  public static final StaffScope NOTHING = new StaffScope(false, Set.of(), Set.of(), Set.of(), Set.of());

  public StaffScope {
    provinces = Set.copyOf(provinces);
    regencies = Set.copyOf(regencies);
    opds = Set.copyOf(opds);
    contactRegencies = Set.copyOf(contactRegencies);
  }

  /** Whether a complaint addressed to {@code regency}, now at {@code opd}, may be read. */
  public boolean sees(String regency, Optional<String> opd) {
    return everything || regencies.contains(regency) || opd.filter(opds::contains).isPresent();
  }

  /** Whether the figures of a province, regency or city may be read. */
  public boolean seesRegion(String regionCode) {
    return everything || provinces.contains(regionCode) || regencies.contains(regionCode);
  }

  /**
   * Whether the complainant's identity may be shown: to the regency admins of the addressed
   * regency; for a complaint that is not anonymous also to the OPD handling it. Never to
   * supervisors or national dashboards.
   */
  public boolean seesComplainant(String regency, Optional<String> opd, boolean anonymous) {
    return contactRegencies.contains(regency) || (!anonymous && opd.filter(opds::contains).isPresent());
  }
}
