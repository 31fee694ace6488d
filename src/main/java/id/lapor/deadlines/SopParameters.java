package id.lapor.deadlines;

import id.lapor.calendar.SopDuration;
import id.lapor.calendar.TimeReckoner;
import id.lapor.complaint.EscalationLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SOP that applies to one complaint, read from the decision table: the duration of each step
 * ({@code 5 working days}, {@code 4 hours} …), whether lateness brings a sanction notice, who an
 * overdue complaint is escalated to (first at the follow-up deadline, then after
 * {@link SopStep#SECOND_ESCALATION}), when the OPD is reminded, and the zone of the regency whose
 * SOP it is.
 *
 * @param escalations the targets of the first and the second escalation
 * @param reminderPercent the share of a period after which the one responsible is reminded
 * @param maxTransfers transfers to other institutions before only the national admin may decide
 */
record SopParameters(String sopRow, ZoneId zone, Map<SopStep, SopDuration> durations, boolean sanctionNotice,
    List<EscalationLevel> escalations, int reminderPercent, TimeReckoner reckoner, int maxTransfers) {

  /** The SOP's default number of transfers. */
  public static final int DEFAULT_MAX_TRANSFERS = 2;

  public SopParameters(String sopRow, ZoneId zone, Map<SopStep, SopDuration> durations, boolean sanctionNotice,
      List<EscalationLevel> escalations, int reminderPercent, TimeReckoner reckoner) {
    this(sopRow, zone, durations, sanctionNotice, escalations, reminderPercent, reckoner, DEFAULT_MAX_TRANSFERS);
  }

  public SopParameters {
    durations = Map.copyOf(durations);
    escalations = List.copyOf(escalations);
    if (escalations.size() != 2 || escalations.contains(EscalationLevel.NONE)) {
      throw new IllegalArgumentException("SOP row " + sopRow + ": two escalation targets needed, got " + escalations);
    }
  }

  /** When the step is due if it starts at {@code from}. */
  public Instant due(SopStep step, Instant from) {
    SopDuration duration = durations.get(step);
    if (duration == null) {
      throw new IllegalStateException("SOP row " + sopRow + " has no duration for " + step.column());
    }
    return reckoner.plus(from, duration, zone);
  }

  /** The SOP's duration of {@code step}, if the row has one. */
  public Optional<SopDuration> duration(SopStep step) {
    return Optional.ofNullable(durations.get(step));
  }

  /** Who the {@code n}-th escalation (1 or 2) goes to. */
  public EscalationLevel escalation(int n) {
    return escalations.get(n - 1);
  }

  /** When the one responsible is reminded of {@code step} that started at {@code from}. */
  public Instant reminder(SopStep step, Instant from) {
    SopDuration duration = durations.get(step);
    if (duration == null) {
      throw new IllegalStateException("SOP row " + sopRow + " has no duration for " + step.column());
    }
    return reckoner.plusShare(from, duration, reminderPercent, zone);
  }
}
