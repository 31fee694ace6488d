package id.lapor.notifications;

import id.lapor.complaint.Complaint;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A message with private links that a citizen asked for: the receipt of one complaint, or links to
 * all complaints of their email address or phone number ("laporan saya"). It holds neither a token nor
 * an address: the worker issues the links ({@link Complaint#reissueToken}) and reads the recipient
 * from the encrypted complainant row only when it sends.
 */
@Entity
@Table(name = "link_notice")
class LinkNotice {

  enum Kind {
    /** the receipt of one complaint, with its private link */
    RECEIPT,
    /** private links to every complaint of one contact */
    MY_REPORTS
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private NoticeMedium medium;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "complaint_id")
  private Complaint complaint;

  /** For MY_REPORTS: the key of the contact ({@link id.lapor.complaint.ContactKeys}). */
  @Column(name = "contact_key", length = 64)
  private String contactKey;

  @Column(nullable = false, length = 5)
  private String language;

  @Embedded
  private Delivery delivery;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected LinkNotice() {}

  private LinkNotice(Kind kind, NoticeMedium medium, Complaint complaint, String contactKey, String language,
      Instant now) {
    this.kind = kind;
    this.medium = medium;
    this.complaint = complaint;
    this.contactKey = contactKey;
    this.language = language;
    this.delivery = Delivery.due(now);
    this.createdAt = now;
  }

  static LinkNotice receipt(Complaint complaint, NoticeMedium medium, String language, Instant now) {
    return new LinkNotice(Kind.RECEIPT, medium, complaint, null, language, now);
  }

  static LinkNotice myReports(String contactKey, NoticeMedium medium, String language, Instant now) {
    return new LinkNotice(Kind.MY_REPORTS, medium, null, contactKey, language, now);
  }

  String record(DeliveryException.Kind failure, String error, Instant now, java.time.Duration backoff, int maxAttempts) {
    return delivery.record(failure, error, now, backoff, maxAttempts);
  }

  Long getId() {
    return id;
  }

  Kind getKind() {
    return kind;
  }

  NoticeMedium getMedium() {
    return medium;
  }

  Optional<Complaint> getComplaint() {
    return Optional.ofNullable(complaint);
  }

  String getContactKey() {
    return contactKey;
  }

  String getLanguage() {
    return language;
  }

  int getAttempts() {
    return delivery.attempts();
  }

  NoticeState getState() {
    return delivery.state();
  }
}
