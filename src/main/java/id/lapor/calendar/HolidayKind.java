package id.lapor.calendar;

/** Both kinds close government offices. */
enum HolidayKind {
  LIBUR_NASIONAL,
  CUTI_BERSAMA
}
