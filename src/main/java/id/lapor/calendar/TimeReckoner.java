package id.lapor.calendar;

import java.time.Instant;
import java.time.ZoneId;

/** Adds SOP durations to instants. */
public interface TimeReckoner {

  /** {@code from} plus {@code duration}, in working or clock time as the duration says, in {@code zone}. */
  Instant plus(Instant from, SopDuration duration, ZoneId zone);

  /**
   * {@code from} plus {@code percent} % of {@code duration}, counted the way the duration is: a
   * working day is {@link WorkingTime#HOURS_PER_DAY} working hours, so 80 % of 5 working days is 32
   * working hours. Used for reminders before a deadline.
   */
  Instant plusShare(Instant from, SopDuration duration, int percent, ZoneId zone);
}
