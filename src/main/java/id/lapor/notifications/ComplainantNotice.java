package id.lapor.notifications;

import id.lapor.complaint.Channel;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TimelineEventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A message owed to the complainant about one timeline event, by one medium: the transactional
 * outbox. It is written with the change that causes it (same transaction) and delivered later, so
 * a mail server or gateway outage delays notices but loses none. It holds no recipient: the
 * delivery reads the contact from the encrypted complainant row.
 */
@Entity
@Table(name = "complainant_notice")
public class ComplainantNotice {

  private static final int ERROR_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "complaint_id")
  private Complaint complaint;

  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "timeline_entry_id")
  private TimelineEntry entry;

  @Enumerated(EnumType.STRING)
  @Column(name = "event_type", nullable = false, length = 40)
  private TimelineEventType eventType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private NoticeMedium medium;

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

  protected ComplainantNotice() {}

  private ComplainantNotice(Complaint complaint, TimelineEntry entry, NoticeMedium medium) {
    this.complaint = complaint;
    this.entry = entry;
    this.eventType = entry.getType();
    this.medium = medium;
    this.state = NoticeState.PENDING;
    this.createdAt = entry.getOccurredAt();
    this.nextAttemptAt = entry.getOccurredAt();
  }

  /**
   * The notices a timeline entry owes the complainant of {@code complaint} (the entry's own
   * complaint, or a duplicate merged into it): an email if they gave an address, an SMS or
   * WhatsApp message (by the channel they came through) if they gave a phone number; none for a
   * complainant without contact data.
   */
  static List<ComplainantNotice> owedFor(Complaint complaint, TimelineEntry entry) {
    List<ComplainantNotice> notices = new ArrayList<>(2);
    if (!entry.getType().notifiesComplainant()) {
      return notices;
    }
    complaint.getComplainant().ifPresent(who -> {
      if (who.getEmail() != null) {
        notices.add(new ComplainantNotice(complaint, entry, NoticeMedium.EMAIL));
      }
      if (who.getPhone() != null) {
        notices.add(new ComplainantNotice(complaint, entry,
            complaint.getChannel() == Channel.WHATSAPP ? NoticeMedium.WHATSAPP : NoticeMedium.SMS));
      }
    });
    return notices;
  }

  /** Delivered. */
  public void sent(Instant now) {
    state = NoticeState.SENT;
    attempts++;
    sentAt = now;
    claimedUntil = null;
    lastError = null;
  }

  /**
   * The attempt failed: try again after {@code backoff}, or give up ({@link NoticeState#FAILED})
   * after {@code maxAttempts}.
   */
  public void failed(String error, Instant now, Duration backoff, int maxAttempts) {
    attempts++;
    lastError = truncate(error);
    claimedUntil = null;
    if (attempts >= maxAttempts) {
      state = NoticeState.FAILED;
    } else {
      nextAttemptAt = now.plus(backoff);
    }
  }

  /** The SMTP server or gateway refused this message for good (a bad address, a rejected text). */
  public void refused(String error) {
    attempts++;
    lastError = truncate(error);
    claimedUntil = null;
    state = NoticeState.FAILED;
  }

  /** Cannot be delivered as the system is configured (no mail server or gateway). */
  public void skipped(String why) {
    state = NoticeState.SKIPPED;
    lastError = truncate(why);
    claimedUntil = null;
  }

  /** An operator sends a failed or skipped notice again, from the first attempt. */
  public void retry(Instant now) {
    if (state == NoticeState.SENT) {
      throw new IllegalStateException("notice " + id + " was already sent");
    }
    state = NoticeState.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    claimedUntil = null;
  }

  private static String truncate(String text) {
    String t = text == null ? "unknown error" : text;
    return t.length() <= ERROR_MAX ? t : t.substring(0, ERROR_MAX - 1) + "…";
  }

  public Long getId() {
    return id;
  }

  public Complaint getComplaint() {
    return complaint;
  }

  public TimelineEntry getEntry() {
    return entry;
  }

  public TimelineEventType getEventType() {
    return eventType;
  }

  public NoticeMedium getMedium() {
    return medium;
  }

  public NoticeState getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
