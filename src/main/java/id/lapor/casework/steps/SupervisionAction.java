package id.lapor.casework.steps;

/** What a supervisor may do about an overdue complaint. */
public enum SupervisionAction {
  /** Push the OPD (teguran): recorded, the OPD keeps working on it. */
  PUSH,
  /** Move it to another OPD of the regency. */
  REASSIGN,
  /** Give the OPD more time, once, for a reason the complainant sees. */
  EXTEND
}
