package id.lapor.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working-time arithmetic over a fixed set of closed days. Offices work Monday to Friday,
 * {@link #OPENS} to {@link #CLOSES}, in the zone of the region concerned.
 *
 * <p>Convention for working days: a period of <i>n</i> working days that starts at any time on a
 * given day ends at closing time of the <i>n</i>-th working day after that day. A complaint
 * forwarded on Tuesday 17 March 2026 at 10:00 WITA with five working days is due Tuesday 31 March
 * 2026 16:00 WITA (18–24 March are Nyepi, Idul Fitri, their cuti bersama and a weekend).
 */
public final class WorkingTime implements TimeReckoner {

  public static final LocalTime OPENS = LocalTime.of(8, 0);
  public static final LocalTime CLOSES = LocalTime.of(16, 0);
  public static final int HOURS_PER_DAY = 8;

  private final Set<LocalDate> closedDays;

  public WorkingTime(Set<LocalDate> closedDays) {
    this.closedDays = Set.copyOf(closedDays);
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !closedDays.contains(date);
  }

  /** Closing time of the {@code days}-th working day after the day of {@code from}. */
  public Instant plusWorkingDays(Instant from, int days, ZoneId zone) {
    if (days < 1) {
      throw new IllegalArgumentException("a period of working days needs at least one day: " + days);
    }
    LocalDate date = from.atZone(zone).toLocalDate();
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date.atTime(CLOSES).atZone(zone).toInstant();
  }

  /** {@code from} plus {@code duration} of working time (time outside office hours does not count). */
  public Instant plusWorkingHours(Instant from, Duration duration, ZoneId zone) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a period of working hours must be positive: " + duration);
    }
    ZonedDateTime t = from.atZone(zone);
    Duration remaining = duration;
    while (true) {
      LocalDate day = t.toLocalDate();
      if (!isWorkingDay(day) || !t.toLocalTime().isBefore(CLOSES)) {
        t = nextWorkingDay(day).atTime(OPENS).atZone(zone);
        continue;
      }
      if (t.toLocalTime().isBefore(OPENS)) {
        t = day.atTime(OPENS).atZone(zone);
      }
      Duration available = Duration.between(t.toLocalTime(), CLOSES);
      if (remaining.compareTo(available) <= 0) {
        return t.plus(remaining).toInstant();
      }
      remaining = remaining.minus(available);
      t = nextWorkingDay(day).atTime(OPENS).atZone(zone);
    }
  }

  @Override
  public Instant plus(Instant from, SopDuration duration, ZoneId zone) {
    if (!duration.working()) {
      // calendar days keep the time of day in the region's zone; hours are plain elapsed time
      return duration.hours() ? from.plus(duration.clockDuration())
          : from.atZone(zone).plusDays(duration.amount()).toInstant();
    }
    return duration.hours() ? plusWorkingHours(from, Duration.ofHours(duration.amount()), zone)
        : plusWorkingDays(from, duration.amount(), zone);
  }

  @Override
  public Instant plusShare(Instant from, SopDuration duration, int percent, ZoneId zone) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("a share of a duration is 1 to 100 %: " + percent);
    }
    if (percent == 100) {
      return plus(from, duration, zone);
    }
    long minutes = (duration.working() && !duration.hours()
        ? Duration.ofHours((long) duration.amount() * HOURS_PER_DAY) : duration.clockDuration()).toMinutes();
    Duration share = Duration.ofMinutes(Math.max(1, minutes * percent / 100));
    if (duration.working()) {
      return plusWorkingHours(from, share, zone);
    }
    return duration.hours() ? from.plus(share) : from.atZone(zone).plus(share).toInstant();
  }

  /**
   * The working time between two instants: the parts of office hours on working days that lie
   * between them, in {@code zone}; zero when {@code to} is not after {@code from}. The inverse of
   * {@link #plusWorkingHours}: {@code between(t, plusWorkingHours(t, d)) == d} for a {@code t} in
   * office hours.
   */
  public Duration between(Instant from, Instant to, ZoneId zone) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    ZonedDateTime start = from.atZone(zone);
    ZonedDateTime end = to.atZone(zone);
    Duration total = Duration.ZERO;
    for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      ZonedDateTime opens = day.atTime(OPENS).atZone(zone);
      ZonedDateTime closes = day.atTime(CLOSES).atZone(zone);
      ZonedDateTime a = start.isAfter(opens) ? start : opens;
      ZonedDateTime b = end.isBefore(closes) ? end : closes;
      if (b.isAfter(a)) {
        total = total.plus(Duration.between(a, b));
      }
    }
    return total;
  }

  private LocalDate nextWorkingDay(LocalDate after) {
    LocalDate date = after.plusDays(1);
    while (!isWorkingDay(date)) {
      date = date.plusDays(1);
    }
    return date;
  }
}
