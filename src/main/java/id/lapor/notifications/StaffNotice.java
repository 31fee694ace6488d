package id.lapor.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

  @Embedded
  private Delivery delivery;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected StaffNotice() {}

  StaffNotice(String recipient, Kind kind, String subject, String body, Instant now) {
    this.recipient = recipient;
    this.kind = kind;
    this.subject = subject.length() <= 200 ? subject : subject.substring(0, 199) + "…";
    this.body = body.length() <= BODY_MAX ? body : body.substring(0, BODY_MAX - 1) + "…";
    this.delivery = Delivery.due(now);
    this.createdAt = now;
  }

  /** Records an attempt's outcome (see {@link Delivery#record}); answers how it went. */
  String record(DeliveryException.Kind kind, String error, Instant now, Duration backoff, int maxAttempts) {
    return delivery.record(kind, error, now, backoff, maxAttempts);
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
    return delivery.state();
  }

  int getAttempts() {
    return delivery.attempts();
  }

  String getLastError() {
    return delivery.lastError();
  }
}
