package id.lapor.institutions;

/**
 * Level of an institution in the "berjenjang" hierarchy: national → province → regency/city → OPD,
 * plus national bodies outside regional government (PLN, BPJS Kesehatan, ministries) that receive
 * complaints transferred to them.
 */
public enum InstitutionKind {
  NATIONAL,
  PROVINCE,
  REGENCY,
  CITY,
  OPD,
  /** A national body outside regional government (BUMN, ministry, agency), under the national level. */
  AGENCY;

  /** Regencies (kabupaten) and cities (kota) are the level that verifies complaints. */
  public boolean isRegencyLevel() {
    return this == REGENCY || this == CITY;
  }

  /** Institutions whose admins verify the complaints addressed to them: regencies, cities, national bodies. */
  public boolean verifiesComplaints() {
    return isRegencyLevel() || this == AGENCY;
  }
}
