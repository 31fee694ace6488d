package id.lapor.notifications;

import id.lapor.complaint.Channel;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TimelineEventType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

  @Embedded
  private Delivery delivery;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ComplainantNotice() {}

  private ComplainantNotice(Complaint complaint, TimelineEntry entry, NoticeMedium medium) {
    this.complaint = complaint;
    this.entry = entry;
    this.eventType = entry.getType();
    this.medium = medium;
    this.delivery = Delivery.due(entry.getOccurredAt());
    this.createdAt = entry.getOccurredAt();
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

  /** Records an attempt's outcome (see {@link Delivery#record}); answers how it went. */
  String record(DeliveryException.Kind kind, String error, Instant now, Duration backoff, int maxAttempts) {
    return delivery.record(kind, error, now, backoff, maxAttempts);
  }

  /** An operator sends a failed or skipped notice again, from the first attempt. */
  public void retry(Instant now) {
    if (delivery.state() == NoticeState.SENT) {
      throw new IllegalStateException("notice " + id + " was already sent");
    }
    delivery.retry(now);
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
    return delivery.state();
  }

  public int getAttempts() {
    return delivery.attempts();
  }

  public Instant getNextAttemptAt() {
    return delivery.nextAttemptAt();
  }

  public String getLastError() {
    return delivery.lastError();
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return delivery.sentAt();
  }
}
