package id.lapor.calendar;

import java.time.Instant;
import java.time.ZoneId;

/** Adds SOP durations to instants. */
public interface TimeReckoner {

  /** {@code from} plus {@code duration}, in working or clock time as the duration says, in {@code zone}. */
  Instant plus(Instant from, SopDuration duration, ZoneId zone);
}
