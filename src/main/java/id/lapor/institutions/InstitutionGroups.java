package id.lapor.institutions;

import java.util.List;

/**
 * Naming of the Camunda groups that carry the roles of an institution. BPMN candidate-group
 * expressions use the same names ({@code regency-admins-${regionCode}}), so they are the contract
 * between the registry, the processes and the identity store.
 */
public record InstitutionGroups(Institution institution) {

  public static final String NATIONAL_ADMINS = "national-admins";
  public static final String CAMUNDA_ADMIN = "camunda-admin";
  public static final String PROCESS_DESIGNERS = "process-designers";

  static final String REGENCY_ADMINS = "regency-admins-";
  static final String REGENT_OFFICE = "regent-office-";
  static final String PROVINCE_SUPERVISORS = "province-supervisors-";
  static final String OPD_LIAISONS = "opd-liaisons-";
  static final String OPD_OFFICERS = "opd-officers-";
  static final String OPD_HEADS = "opd-heads-";

  /** The admins who verify complaints addressed to a regency, city or national body. */
  public static String regencyAdmins(String regionCode) {
    return REGENCY_ADMINS + regionCode;
  }

  /** Staff of the regent's or mayor's office (kantor bupati / wali kota), where SOPs escalate to it. */
  public static String regentOffice(String regionCode) {
    return REGENT_OFFICE + regionCode;
  }

  public static String provinceSupervisors(String provinceCode) {
    return PROVINCE_SUPERVISORS + provinceCode;
  }

  public static String opdLiaisons(String opdCode) {
    return OPD_LIAISONS + opdCode;
  }

  public static String opdOfficers(String opdCode) {
    return OPD_OFFICERS + opdCode;
  }

  /** The head of an OPD (kepala dinas), where the SOP has the head review follow-ups before they go out. */
  public static String opdHeads(String opdCode) {
    return OPD_HEADS + opdCode;
  }

  /** Whether a group is a province's supervisors (their work is watching, in Cockpit's "Pengaduan" page). */
  public static boolean isProvinceSupervisors(String groupId) {
    return groupId.startsWith(PROVINCE_SUPERVISORS);
  }

  /** The OPD a group of an OPD (liaison officers, officers, head) belongs to, if it is one. */
  public static java.util.Optional<String> opdOf(String groupId) {
    for (String prefix : List.of(OPD_LIAISONS, OPD_OFFICERS, OPD_HEADS)) {
      if (groupId.startsWith(prefix)) {
        return java.util.Optional.of(groupId.substring(prefix.length()));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The group whose accounts connect the institution to SP4N-LAPOR (its "admin account"): the
   * admins of a regency, city or national body, a province's supervisors, an OPD's liaison officers.
   */
  public String adminGroup() {
    return all().get(0).id();
  }

  /** The groups this institution owns, with a display name for Camunda Admin. */
  public List<Group> all() {
    String code = institution.getCode();
    String name = institution.getName();
    return switch (institution.getKind()) {
      case NATIONAL -> List.of(new Group(NATIONAL_ADMINS, "Admin Nasional"));
      case PROVINCE -> List.of(new Group(provinceSupervisors(code), "Supervisor " + name));
      case REGENCY, CITY -> List.of(new Group(regencyAdmins(code), "Admin " + name),
          new Group(regentOffice(code), (institution.getKind() == InstitutionKind.CITY
              ? "Kantor Wali Kota " : "Kantor Bupati ") + name));
      // the admins of a national body verify what is addressed to it, like a regency's admins
      case AGENCY -> List.of(new Group(regencyAdmins(code), "Admin " + name));
      case OPD -> List.of(
          new Group(opdLiaisons(code), "Pejabat Penghubung " + name),
          new Group(opdOfficers(code), "Petugas " + name),
          new Group(opdHeads(code), "Kepala " + name));
    };
  }

  /** A Camunda group id with its display name. */
  public record Group(String id, String name) {}
}
