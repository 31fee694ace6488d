package id.lapor.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The SOP durations that apply to one complaint, read from the decision table, and the zone of the
 * regency whose SOP they are. Durations are ISO-8601: {@code P5D} (calendar days, counted in the
 * regency's zone) or {@code PT4H} (clock time).
 */
public record SopParameters(String sopRow, ZoneId zone, Map<SopStep, String> durations) {

  /** When the step is due if it starts at {@code from}. */
  public Instant due(SopStep step, Instant from) {
    String iso = durations.get(step);
    if (iso == null) {
      throw new IllegalStateException("SOP row " + sopRow + " has no duration for " + step.column());
    }
    ZonedDateTime start = from.atZone(zone);
    return iso.contains("T") ? start.plus(Duration.parse(iso)).toInstant()
        : start.plus(Period.parse(iso)).toInstant();
  }
}
