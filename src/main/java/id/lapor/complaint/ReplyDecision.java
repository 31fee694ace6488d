package id.lapor.complaint;

/** The complainant's answer to a follow-up. */
public enum ReplyDecision {
  ACCEPT,
  DISPUTE
}
