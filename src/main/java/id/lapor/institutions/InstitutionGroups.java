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

  public static String regencyAdmins(String regionCode) {
    return "regency-admins-" + regionCode;
  }

  /** Staff of the regent's or mayor's office (kantor bupati / wali kota), where SOPs escalate to it. */
  public static String regentOffice(String regionCode) {
    return "regent-office-" + regionCode;
  }

  public static String provinceSupervisors(String provinceCode) {
    return "province-supervisors-" + provinceCode;
  }

  public static String opdLiaisons(String opdCode) {
    return "opd-liaisons-" + opdCode;
  }

  public static String opdOfficers(String opdCode) {
    return "opd-officers-" + opdCode;
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
      case OPD -> List.of(
          new Group(opdLiaisons(code), "Pejabat Penghubung " + name),
          new Group(opdOfficers(code), "Petugas " + name));
    };
  }

  /** A Camunda group id with its display name. */
  public record Group(String id, String name) {}
}
