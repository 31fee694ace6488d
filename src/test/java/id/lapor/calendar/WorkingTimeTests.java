package id.lapor.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The working-day calendar on the real 2026 holidays shipped with the application. */
class WorkingTimeTests {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static final WorkingTime CALENDAR_2026 = new WorkingTime(holidays2026());

  static Set<LocalDate> holidays2026() {
    try {
      var parsed = HolidayCsv.parse(Files.readString(Path.of("src/main/resources/calendar/holidays-id-2026.csv")));
      assertThat(parsed.problems()).isEmpty();
      assertThat(parsed.holidays()).hasSize(25);
      return parsed.holidays().stream().map(Holiday::getDate).collect(Collectors.toSet());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Instant at(String local, ZoneId zone) {
    return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  @Test
  void skipsNyepiAndIdulFitriCutiBersamaInBangli() {
    // disposed in Kab. Bangli (WITA) on Tue 17 Mar 2026 10:00, 5 working days
    Instant due = CALENDAR_2026.plus(at("2026-03-17T10:00", WITA), SopDuration.parse("5 working days"), WITA);
    assertThat(ZonedDateTime.ofInstant(due, WITA)).isEqualTo(ZonedDateTime.of(2026, 3, 31, 16, 0, 0, 0, WITA));
  }

  @Test
  void countsPlainClockHoursForTwentyFourSevenSops() {
    // Banyuwangi: 4 clock hours from Sat 21 Mar 2026 22:00 WIB (a holiday) is Sun 22 Mar 02:00 WIB
    Instant due = CALENDAR_2026.plus(at("2026-03-21T22:00", WIB), SopDuration.parse("4 hours"), WIB);
    assertThat(ZonedDateTime.ofInstant(due, WIB)).isEqualTo(ZonedDateTime.of(2026, 3, 22, 2, 0, 0, 0, WIB));
  }

  @Test
  void countsWorkingHoursOnlyInsideOfficeHoursOfWorkingDays() {
    // Fri 13 Mar 14:00 + 4 working hours: 2 h on Friday, then Monday 16 Mar 08:00 + 2 h
    Instant due = CALENDAR_2026.plus(at("2026-03-13T14:00", WITA), SopDuration.parse("4 working hours"), WITA);
    assertThat(ZonedDateTime.ofInstant(due, WITA).toLocalDateTime()).hasToString("2026-03-16T10:00");
    // Tue 17 Mar 15:00 + 2 working hours: 1 h on Tuesday, the rest on Wed 25 Mar
    Instant later = CALENDAR_2026.plus(at("2026-03-17T15:00", WITA), SopDuration.parse("2 jam kerja"), WITA);
    assertThat(ZonedDateTime.ofInstant(later, WITA).toLocalDateTime()).hasToString("2026-03-25T09:00");
    // submitted at night: counting starts at opening time
    Instant night = CALENDAR_2026.plus(at("2026-03-16T21:30", WITA), SopDuration.parse("1 working hour"), WITA);
    assertThat(ZonedDateTime.ofInstant(night, WITA).toLocalDateTime()).hasToString("2026-03-17T09:00");
  }

  @Test
  void measuresWorkingTimeBetweenInstantsAsTheInverseOfAddingIt() {
    // Tue 17 Mar 10:00 WITA to Tue 31 Mar 16:00: the rest of Tuesday (6 h) + 5 working days (40 h)
    assertThat(CALENDAR_2026.between(at("2026-03-17T10:00", WITA), at("2026-03-31T16:00", WITA), WITA))
        .isEqualTo(java.time.Duration.ofHours(46));
    // Friday evening to Monday 09:30: only Monday's first 90 minutes count
    assertThat(CALENDAR_2026.between(at("2026-05-08T19:00", WIB), at("2026-05-11T09:30", WIB), WIB))
        .isEqualTo(java.time.Duration.ofMinutes(90));
    assertThat(CALENDAR_2026.between(at("2026-05-11T09:30", WIB), at("2026-05-08T19:00", WIB), WIB)).isZero();
    var random = new java.util.Random(8);
    for (int i = 0; i < 200; i++) {
      Instant from = at("2026-01-05T08:00", WIB).plus(java.time.Duration.ofMinutes(random.nextInt(300 * 24 * 60)));
      if (!CALENDAR_2026.isWorkingDay(from.atZone(WIB).toLocalDate())
          || from.atZone(WIB).toLocalTime().isBefore(WorkingTime.OPENS)
          || !from.atZone(WIB).toLocalTime().isBefore(WorkingTime.CLOSES)) {
        continue;
      }
      var d = java.time.Duration.ofMinutes(1 + random.nextInt(20 * 8 * 60));
      assertThat(CALENDAR_2026.between(from, CALENDAR_2026.plusWorkingHours(from, d, WIB), WIB)).isEqualTo(d);
    }
  }

  @Test
  void countsCalendarDaysKeepingTheTimeOfDay() {
    Instant due = CALENDAR_2026.plus(at("2026-03-17T10:00", WITA), SopDuration.parse("30 days"), WITA);
    assertThat(ZonedDateTime.ofInstant(due, WITA).toLocalDateTime()).hasToString("2026-04-16T10:00");
  }

  @Test
  void knowsWeekendsAndBothKindsOfHolidays() {
    assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 3, 17))).isTrue();
    assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 3, 18))).as("cuti bersama Nyepi").isFalse();
    assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 3, 19))).as("Nyepi").isFalse();
    assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 3, 28))).as("Saturday").isFalse();
    assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 12, 24))).as("cuti bersama Natal").isFalse();
  }

  @Test
  void readsTheDurationsDesignersWrite() {
    assertThat(SopDuration.parse("5 working days")).isEqualTo(new SopDuration(5, false, true));
    assertThat(SopDuration.parse(" 4 Working Hours ")).isEqualTo(new SopDuration(4, true, true));
    assertThat(SopDuration.parse("5 hari kerja")).isEqualTo(new SopDuration(5, false, true));
    assertThat(SopDuration.parse("30 hari")).isEqualTo(new SopDuration(30, false, false));
    assertThat(SopDuration.parse("1 day")).isEqualTo(new SopDuration(1, false, false));
    assertThat(SopDuration.parse("PT4H")).isEqualTo(new SopDuration(4, true, false));
    assertThat(SopDuration.parse("P10D")).isEqualTo(new SopDuration(10, false, false));
    assertThatThrownBy(() -> SopDuration.parse("two weeks")).hasMessageContaining("5 working days");
    assertThatThrownBy(() -> SopDuration.parse("0 days")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> SopDuration.parse("P1M")).isInstanceOf(IllegalArgumentException.class);
  }
}
