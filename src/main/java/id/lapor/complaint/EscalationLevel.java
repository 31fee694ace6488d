package id.lapor.complaint;

/** How far up the hierarchy an overdue complaint has been escalated. */
public enum EscalationLevel {
  NONE,
  PROVINCE,
  NATIONAL
}
