package id.lapor.complaint;

/**
 * The OPD's light on a complaint (Kab. Bangli's red / yellow / green, seed 000). A complaint that has
 * not reached an OPD has no light.
 */
public enum TrafficLight {
  /** Reached the OPD, nobody there has opened it yet. */
  RED,
  /** Opened by an OPD user (task claimed, or its form viewed), no follow-up yet, deadline not passed. */
  YELLOW,
  /** Follow-up sent. Whether it came in time is {@code answeredLate}. */
  GREEN,
  /** The deadline passed without a follow-up (distinct from red: late, opened or not). */
  OVERDUE;

  /**
   * The light at {@code now} of a complaint in {@code status}, opened at the OPD at {@code openedAt} and
   * answered at {@code answeredAt} (either may be null), due at {@code deadline}; empty while it is not an
   * OPD's. {@link Complaint#trafficLight} and the public lists share this rule.
   */
  public static java.util.Optional<TrafficLight> of(ComplaintStatus status, java.time.Instant openedAt,
      java.time.Instant answeredAt, java.time.Instant deadline, java.time.Instant now) {
    if (answeredAt != null && (status == ComplaintStatus.ANSWERED || status == ComplaintStatus.RESOLVED)) {
      return java.util.Optional.of(GREEN);
    }
    if (status != ComplaintStatus.FORWARDED && status != ComplaintStatus.IN_PROGRESS) {
      return java.util.Optional.empty();
    }
    if (deadline != null && now.isAfter(deadline)) {
      return java.util.Optional.of(OVERDUE);
    }
    return java.util.Optional.of(openedAt == null ? RED : YELLOW);
  }
}
