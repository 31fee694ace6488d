package id.lapor.deadlines;

import id.lapor.calendar.SopDuration;
import id.lapor.calendar.TimeReckoner;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * The SOP that applies to one complaint, read from the decision table: the duration of each step
 * ({@code 5 working days}, {@code 4 hours} …), whether lateness brings a sanction notice, and the
 * zone of the regency whose SOP it is.
 */
public record SopParameters(String sopRow, ZoneId zone, Map<SopStep, SopDuration> durations, boolean sanctionNotice,
    TimeReckoner reckoner) {

  /** When the step is due if it starts at {@code from}. */
  public Instant due(SopStep step, Instant from) {
    SopDuration duration = durations.get(step);
    if (duration == null) {
      throw new IllegalStateException("SOP row " + sopRow + " has no duration for " + step.column());
    }
    return reckoner.plus(from, duration, zone);
  }
}
