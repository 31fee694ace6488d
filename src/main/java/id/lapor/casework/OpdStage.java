package id.lapor.casework;

/** Values of {@link ProcessVariables#OPD_STAGE}: how the complaint entered or left the OPD. */
enum OpdStage {
  FORWARDED,
  DISPOSED,
  REOPENED,
  RETURNED,
  FOLLOWED_UP
}
