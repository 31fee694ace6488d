package id.lapor.complaint;

/** Why a complaint was archived without a follow-up. */
public enum ArchiveReason {
  /** An aspiration that needs no answer. */
  ASPIRATION_NEEDS_NO_ANSWER,
  /** The report cannot be understood. */
  UNINTELLIGIBLE,
  /** Abusive, insulting or SARA content. */
  ABUSIVE,
  /** The complainant did not supply the information asked for in time. */
  INCOMPLETE
}
