package id.lapor.casework.steps;

/** What a head of the OPD decides about a draft follow-up (plug-in FollowUpReview). */
public enum ReviewDecision {
  /** Send it to the complainant. */
  APPROVE,
  /** Back to the officer, with a note. */
  REVISE
}
