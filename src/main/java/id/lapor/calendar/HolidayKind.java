package id.lapor.calendar;

/** Both kinds close government offices. */
public enum HolidayKind {
  LIBUR_NASIONAL,
  CUTI_BERSAMA
}
