package id.lapor.complaint;

/**
 * What happened to a complaint. {@code notePublic} says whether the entry's note may be shown to
 * the public (for complaints whose content is public); internal notes such as the reason an OPD
 * returned a complaint are for staff only.
 */
public enum TimelineEventType {
  SUBMITTED(false),
  INFORMATION_REQUESTED(true),
  SUPPLEMENTED(true),
  REFERRED_TO_NATIONAL(false),
  ADDRESSED_TO_REGENCY(false),
  FORWARDED(false),
  FIRST_RESPONSE_GIVEN(false),
  OPENED(false),
  DISPOSED(false),
  RETURNED(false),
  REMINDED(false),
  ESCALATED(false),
  SANCTION_NOTICE_ISSUED(false),
  SUPERVISED(false),
  REASSIGNED(false),
  DEADLINE_EXTENDED(true),
  FOLLOW_UP_POSTED(true),
  FOLLOW_UP_ACCEPTED(true),
  FOLLOW_UP_DISPUTED(true),
  REOPENED(false),
  RESOLVED(false),
  ARCHIVED(false);

  private final boolean notePublic;

  TimelineEventType(boolean notePublic) {
    this.notePublic = notePublic;
  }

  public boolean isNotePublic() {
    return notePublic;
  }
}
