package id.lapor.institutions;

/** Level of an institution in the "berjenjang" hierarchy: national → province → regency/city → OPD. */
public enum InstitutionKind {
  NATIONAL,
  PROVINCE,
  REGENCY,
  CITY,
  OPD;

  /** Regencies (kabupaten) and cities (kota) are the level that verifies complaints. */
  public boolean isRegencyLevel() {
    return this == REGENCY || this == CITY;
  }
}
