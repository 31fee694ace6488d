package id.lapor.deadlines;

import java.time.Duration;
import java.time.Instant;

/**
 * Working time between two instants in the offices of a regency or city (its time zone, working
 * days, office hours): how long an OPD took to follow up, counted the way its deadline is.
 */
@FunctionalInterface
public interface WorkingHours {

  /** Where no calendar is at hand: the time taken stays unknown (empty in the figures). */
  WorkingHours UNKNOWN = (from, to, region) -> null;

  /** The working time, or {@code null} when it cannot be told. */
  Duration between(Instant from, Instant to, String regionCode);
}
