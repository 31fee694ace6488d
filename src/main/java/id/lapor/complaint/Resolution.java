package id.lapor.complaint;

/** How a resolved complaint came to be resolved. */
public enum Resolution {
  /** The complainant accepted the follow-up. */
  ACCEPTED,
  /** The complainant did not reply in time; the follow-up stands. */
  NO_REPLY
}
