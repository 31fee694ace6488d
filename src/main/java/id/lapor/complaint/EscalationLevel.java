package id.lapor.complaint;

/** How far up the hierarchy an overdue complaint has been escalated. */
public enum EscalationLevel {
  NONE,
  /** The regent's or mayor's office (kantor bupati / wali kota) of the regency or city. */
  REGENT,
  PROVINCE,
  NATIONAL
}
