package id.lapor.complaint;

/**
 * What happened to a complaint. {@code notePublic} says whether the entry's note may be shown to
 * the public (for complaints whose content is public); internal notes such as the reason an OPD
 * returned a complaint are for staff only. {@code notifiesComplainant} says whether the complainant
 * is told (receipt, request for information, forwarding, escalation, follow-up, closure).
 */
public enum TimelineEventType {
  SUBMITTED(false, true),
  INFORMATION_REQUESTED(true, true),
  SUPPLEMENTED(true, false),
  REFERRED_TO_NATIONAL(false, false),
  ADDRESSED_TO_REGENCY(false, true),
  FORWARDED(false, true),
  FIRST_RESPONSE_GIVEN(false, false),
  OPENED(false, false),
  DISPOSED(false, false),
  RETURNED(false, false),
  REMINDED(false, false),
  ESCALATED(false, true),
  SANCTION_NOTICE_ISSUED(false, false),
  SUPERVISED(false, false),
  REASSIGNED(false, true),
  DEADLINE_EXTENDED(true, true),
  /** The head of the OPD approved the draft follow-up or sent it back (reason code APPROVED / REVISE); staff only. */
  FOLLOW_UP_REVIEWED(false, false),
  FOLLOW_UP_POSTED(true, true),
  FOLLOW_UP_ACCEPTED(true, false),
  FOLLOW_UP_DISPUTED(true, false),
  REOPENED(false, false),
  RESOLVED(false, true),
  ARCHIVED(false, true),
  /** Closed as a duplicate of the complaint named in the note. */
  MERGED(true, true),
  /** On the master: a duplicate (named in the note) was merged into it. */
  DUPLICATE_LINKED(true, false),
  /** A merge undone: the complaint is verified on its own again. */
  UNMERGED(false, true),
  /** On the master: a merged duplicate (named in the note) was taken out again. */
  DUPLICATE_UNLINKED(true, false),
  /** Moved to another regency, city or national body (institution), for the reason in the note. */
  TRANSFERRED(true, true),
  /** Someone said "this is my problem too" on the public page. */
  ME_TOO(false, false),
  /** A deadline computed while its year's holidays were not loaded was computed again when they were (staff only). */
  DEADLINE_RECALCULATED(false, false);

  private final boolean notePublic;
  private final boolean notifiesComplainant;

  TimelineEventType(boolean notePublic, boolean notifiesComplainant) {
    this.notePublic = notePublic;
    this.notifiesComplainant = notifiesComplainant;
  }

  public boolean notifiesComplainant() {
    return notifiesComplainant;
  }

  public boolean isNotePublic() {
    return notePublic;
  }
}
