package id.lapor.notifications;

/** Where a notice to the complainant stands in the outbox. */
enum NoticeState {
  /** Waiting for its (next) delivery attempt. */
  PENDING,
  /** Handed to the SMTP server or the gateway. */
  SENT,
  /** Every attempt failed; an operator may retry it. */
  FAILED,
  /** Not deliverable by configuration (no SMTP server or gateway configured); an operator may retry it. */
  SKIPPED
}
