package id.lapor.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a message of the outbox stands on its way out — pending, sent, failed or skipped, with its
 * attempts, the next one and the lease a worker holds — the same for complainants' notices and staff
 * emails ({@link NoticeDeliveryWorker} delivers both).
 */
@Embeddable
class Delivery {

  static final int ERROR_MAX = 500;

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

  @Column(name = "sent_at")
  private Instant sentAt;

  protected Delivery() {}

  /** Due at {@code from}. */
  static Delivery due(Instant from) {
    Delivery d = new Delivery();
    d.state = NoticeState.PENDING;
    d.nextAttemptAt = from;
    return d;
  }

  /**
   * Records an attempt's outcome ({@code kind} null: delivered) and answers how it went for the
   * metrics: {@code sent}, {@code skipped} (no mail server or gateway configured, or no address),
   * {@code failed} (refused for good, or out of attempts) or {@code retry} after {@code backoff}.
   */
  String record(DeliveryException.Kind kind, String error, Instant now, Duration backoff, int maxAttempts) {
    claimedUntil = null;
    if (kind == null) {
      state = NoticeState.SENT;
      attempts++;
      sentAt = now;
      lastError = null;
      return "sent";
    }
    lastError = truncate(error);
    if (kind == DeliveryException.Kind.NOT_CONFIGURED) {
      state = NoticeState.SKIPPED;
      return "skipped";
    }
    attempts++;
    if (kind == DeliveryException.Kind.PERMANENT || attempts >= maxAttempts) {
      state = NoticeState.FAILED;
      return "failed";
    }
    nextAttemptAt = now.plus(backoff);
    return "retry";
  }

  /** An operator sends a failed or skipped message again, from the first attempt. */
  void retry(Instant now) {
    state = NoticeState.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    claimedUntil = null;
  }

  private static String truncate(String text) {
    String t = text == null ? "unknown error" : text;
    return t.length() <= ERROR_MAX ? t : t.substring(0, ERROR_MAX - 1) + "…";
  }

  NoticeState state() {
    return state;
  }

  int attempts() {
    return attempts;
  }

  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  String lastError() {
    return lastError;
  }

  Instant sentAt() {
    return sentAt;
  }
}
