package id.lapor.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event in a complaint's life: the audit trail for staff and, filtered, the citizen's status
 * page. Entries are only ever appended.
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

  /** Actor name recorded for the complainant's own actions. */
  public static final String COMPLAINANT = "pelapor";
  /** Actor name recorded for what the system does by itself (timers). */
  public static final String SYSTEM = "sistem";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "complaint_id")
  private Complaint complaint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private TimelineEventType type;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 100)
  private String actor;

  @Column(name = "institution_code", length = 40)
  private String institutionCode;

  @Column(name = "reason_code", length = 40)
  private String reasonCode;

  @Column(length = 4000)
  private String note;

  private Integer rating;

  /** The deadline in force once this happened (none while closed). */
  @Column(name = "due_at")
  private Instant dueAt;

  protected TimelineEntry() {}

  TimelineEntry(Complaint complaint, TimelineEventType type, Instant occurredAt, String actor,
      String institutionCode, String reasonCode, String note, Integer rating, Instant dueAt) {
    this.complaint = complaint;
    this.type = type;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.institutionCode = institutionCode;
    this.reasonCode = reasonCode;
    this.note = note;
    this.rating = rating;
    this.dueAt = dueAt;
  }

  public Long getId() {
    return id;
  }

  /** The complaint this entry belongs to. */
  public Complaint getComplaint() {
    return complaint;
  }

  public TimelineEventType getType() {
    return type;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  /** The staff user name, {@link #COMPLAINANT} or {@link #SYSTEM}. Never shown publicly. */
  public String getActor() {
    return actor;
  }

  /** The institution the event concerns (the OPD forwarded to, the escalation target …). */
  public String getInstitutionCode() {
    return institutionCode;
  }

  /** A stable code qualifying the event: archive reason, escalation level, reply decision … */
  public String getReasonCode() {
    return reasonCode;
  }

  public String getNote() {
    return note;
  }

  public Integer getRating() {
    return rating;
  }

  /** The deadline in force once this happened: the next step's due time, or none when closed. */
  public Instant getDueAt() {
    return dueAt;
  }
}
