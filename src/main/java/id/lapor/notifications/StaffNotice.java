package id.lapor.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * An email owed to a member of staff (by user id: the address is read from their account when it
 * is sent), in the same outbox and with the same retries as the complainants' notices.
 */
@Entity
@Table(name = "staff_notice")
class StaffNotice {

  private static final int ERROR_MAX = 500;
  static final int BODY_MAX = 8000;

  /** Why staff are told. */
  enum Kind {
    /** the tasks that arrived for the recipient's groups since the last digest */
    TASKS,
    /** the OPD's follow-up deadline comes near */
    REMINDER,
    /** an overdue complaint was escalated to the recipient's institution */
    ESCALATION
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(nullable = false, length = 100)
  private String recipient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(nullable = false, length = BODY_MAX)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private NoticeState state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "last_error", length = ERROR_MAX)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected StaffNotice() {}

  StaffNotice(String recipient, Kind kind, String subject, String body, Instant now) {
    this.recipient = recipient;
    this.kind = kind;
    this.subject = subject.length() <= 200 ? subject : subject.substring(0, 199) + "…";
    this.body = body.length() <= BODY_MAX ? body : body.substring(0, BODY_MAX - 1) + "…";
    this.state = NoticeState.PENDING;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  void sent(Instant now) {
    state = NoticeState.SENT;
    attempts++;
    sentAt = now;
    claimedUntil = null;
    lastError = null;
  }

  void failed(String error, Instant now, Duration backoff, int maxAttempts) {
    attempts++;
    lastError = truncate(error);
    claimedUntil = null;
    if (attempts >= maxAttempts) {
      state = NoticeState.FAILED;
    } else {
      nextAttemptAt = now.plus(backoff);
    }
  }

  void refused(String error) {
    attempts++;
    lastError = truncate(error);
    claimedUntil = null;
    state = NoticeState.FAILED;
  }

  void skipped(String why) {
    state = NoticeState.SKIPPED;
    lastError = truncate(why);
    claimedUntil = null;
  }

  private static String truncate(String text) {
    String t = text == null ? "unknown error" : text;
    return t.length() <= ERROR_MAX ? t : t.substring(0, ERROR_MAX - 1) + "…";
  }

  Long getId() {
    return id;
  }

  String getRecipient() {
    return recipient;
  }

  Kind getKind() {
    return kind;
  }

  String getSubject() {
    return subject;
  }

  String getBody() {
    return body;
  }

  NoticeState getState() {
    return state;
  }

  int getAttempts() {
    return attempts;
  }

  String getLastError() {
    return lastError;
  }
}
