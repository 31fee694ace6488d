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
  OVERDUE
}
