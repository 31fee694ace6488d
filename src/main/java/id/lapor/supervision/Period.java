package id.lapor.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Days {@code from} to {@code to} (both included) in the zone of the institution watched: the
 * complaints received in them are the period's cohort.
 */
record Period(LocalDate from, LocalDate to, ZoneId zone) {

  static final int MAX_DAYS = 11 * 366;

  Period {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the period ends before it starts: " + from + " to " + to);
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new IllegalArgumentException("a period spans at most 11 years");
    }
  }

  static Period month(int year, int month, ZoneId zone) {
    LocalDate first = LocalDate.of(year, month, 1);
    return new Period(first, first.plusMonths(1).minusDays(1), zone);
  }

  static Period year(int year, ZoneId zone) {
    return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), zone);
  }

  Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
