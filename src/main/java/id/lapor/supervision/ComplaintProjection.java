package id.lapor.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintEvent;
import id.lapor.complaint.ComplaintEvent.ComplaintAddressedToRegency;
import id.lapor.complaint.ComplaintEvent.ComplaintArchived;
import id.lapor.complaint.ComplaintEvent.ComplaintEscalated;
import id.lapor.complaint.ComplaintEvent.ComplaintForwarded;
import id.lapor.complaint.ComplaintEvent.ComplaintMerged;
import id.lapor.complaint.ComplaintEvent.ComplaintOpened;
import id.lapor.complaint.ComplaintEvent.ComplaintReassigned;
import id.lapor.complaint.ComplaintEvent.ComplaintReferredToNational;
import id.lapor.complaint.ComplaintEvent.ComplaintSubmitted;
import id.lapor.complaint.ComplaintEvent.ComplaintTransferred;
import id.lapor.complaint.ComplaintEvent.FollowUpPosted;
import id.lapor.complaint.ComplaintEvent.InformationRequested;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.ArchiveReason;
import id.lapor.complaint.EscalationLevel;
import id.lapor.complaint.Resolution;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TrafficLight;
import id.lapor.deadlines.WorkingHours;

/**
 * The supervision read model of one complaint: where it is, its light, the times of its milestones
 * and its counts. It mirrors the complaint's state (status, place, light, counts) and counts what the
 * events say (milestones: received, verified, forwarded, opened, answered and whether on time, the
 * highest escalation, events), in the transaction that changed the complaint
 * ({@link ProjectionKeeper}); it is recomputable from the timeline and the complaint alone
 * ({@link #rebuiltFrom}). Supervisors' figures and reports read only these rows, never the process
 * engine's history.
 *
 * <p>Long because it is a read model of 30 columns with their getters; what it does (count an event,
 * mirror the complaint, rebuild) is the first hundred lines.
 */
@Entity
@Table(name = "complaint_projection")
class ComplaintProjection {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The complaint this row reads. */
  @Column(name = "complaint_id", nullable = false, unique = true)
  private Long complaintId;

  @Column(name = "tracking_number", nullable = false, length = 20)
  private String trackingNumber;

  @Column(name = "province_code", length = 40)
  private String provinceCode;

  @Column(name = "regency_code", nullable = false, length = 40)
  private String regencyCode;

  @Column(name = "opd_code", length = 40)
  private String opdCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Classification classification;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ComplaintStatus status;

  /** Red, yellow or green; overdue is not stored (it depends on the time of reading). */
  @Enumerated(EnumType.STRING)
  @Column(length = 10)
  private TrafficLight light;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "verification_due_at")
  private Instant verificationDueAt;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "verified_on_time")
  private Boolean verifiedOnTime;

  @Column(name = "forwarded_at")
  private Instant forwardedAt;

  @Column(name = "reached_opd_at")
  private Instant reachedOpdAt;

  @Column(name = "opened_at")
  private Instant openedAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "answered_on_time")
  private Boolean answeredOnTime;

  @Column(name = "follow_up_work_minutes")
  private Long followUpWorkMinutes;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "institution_due_at")
  private Instant institutionDueAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Resolution resolution;

  @Enumerated(EnumType.STRING)
  @Column(name = "archive_reason", length = 40)
  private ArchiveReason archiveReason;

  @Column(name = "escalation_count", nullable = false)
  private int escalationCount;

  @Enumerated(EnumType.STRING)
  @Column(name = "highest_escalation", nullable = false, length = 20)
  private EscalationLevel highestEscalation = EscalationLevel.NONE;

  @Column(name = "return_count", nullable = false)
  private int returnCount;

  @Column(name = "transfer_count", nullable = false)
  private int transferCount;

  @Column(name = "reopen_count", nullable = false)
  private int reopenCount;

  private Integer rating;

  @Column(name = "event_count", nullable = false)
  private int eventCount;

  @Column(name = "last_event_at", nullable = false)
  private Instant lastEventAt;

  /**
   * While replaying a timeline: the regency the complaint was addressed to at the event counted (for
   * working hours; live, the complaint's own is that regency).
   */
  private transient String regencyAt;

  protected ComplaintProjection() {}

  private ComplaintProjection(Complaint complaint) {
    complaintId = complaint.getId();
  }

  /** A row for a complaint that has none yet (its first event is then folded into it). */
  static ComplaintProjection newFor(Complaint complaint) {
    return new ComplaintProjection(complaint);
  }

  /** The projection of {@code complaint} computed from its timeline and its state alone. */
  public static ComplaintProjection rebuiltFrom(Complaint complaint, WorkingHours hours) {
    return rebuiltUpTo(complaint, null, hours);
  }

  /**
   * The projection of {@code complaint} from its timeline up to and including {@code last} (all of it
   * when null), in the order it was recorded, and its state.
   */
  static ComplaintProjection rebuiltUpTo(Complaint complaint, TimelineEntry last, WorkingHours hours) {
    ComplaintProjection p = new ComplaintProjection(complaint);
    List<TimelineEntry> entries = complaint.getTimeline().stream()
        .sorted(Comparator.comparing(TimelineEntry::getId, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
    for (TimelineEntry entry : entries) {
      p.count(ComplaintEvent.of(entry), hours);
      if (entry == last) {
        break;
      }
    }
    p.mirror(complaint);
    return p;
  }

  /** One more event of the complaint: counted, and the complaint's state mirrored. */
  void apply(ComplaintEvent event, WorkingHours hours) {
    count(event, hours);
    mirror(event.complaint());
  }

  /** What the event says about the complaint's milestones. */
  private void count(ComplaintEvent event, WorkingHours hours) {
    Instant at = event.at();
    Instant previousDue = dueAt;
    if (event instanceof ComplaintSubmitted e) {
      receivedAt = at;
      regencyAt = e.regencyCode();
      verificationDueAt = e.occurrence().entry().getDueAt();
    } else if (event instanceof id.lapor.complaint.ComplaintEvent.DeadlineRecalculated && verifiedAt == null
        && receivedAt != null) {
      // the verification deadline computed again when its year's holidays were loaded
      verificationDueAt = event.occurrence().entry().getDueAt();
    } else if (event instanceof ComplaintAddressedToRegency e) {
      regencyAt = e.regencyCode();
    } else if (event instanceof ComplaintTransferred e) {
      verified(at);
      regencyAt = e.toCode();
    } else if (event instanceof InformationRequested || event instanceof ComplaintReferredToNational
        || event instanceof ComplaintArchived || event instanceof ComplaintMerged) {
      verified(at);
    } else if (event instanceof ComplaintForwarded) {
      verified(at);
      forwardedAt = forwardedAt == null ? at : forwardedAt;
      reachedOpdAt = at;
    } else if (event instanceof ComplaintReassigned) {
      reachedOpdAt = at;
    } else if (event instanceof ComplaintOpened) {
      openedAt = openedAt == null ? at : openedAt;
    } else if (event instanceof ComplaintEscalated e) {
      highestEscalation = e.level().compareTo(highestEscalation) > 0 ? e.level() : highestEscalation;
    } else if (event instanceof FollowUpPosted && answeredAt == null) {
      answeredAt = at;
      answeredOnTime = previousDue == null || !at.isAfter(previousDue);
      String regency = regencyAt != null ? regencyAt : event.complaint().getAddressedRegionCode();
      Duration taken = reachedOpdAt == null ? null : hours.between(reachedOpdAt, at, regency);
      followUpWorkMinutes = taken == null ? null : taken.toMinutes();
    }
    dueAt = event.occurrence().entry().getDueAt();
    eventCount++;
    lastEventAt = at;
  }

  /** The complaint's state as supervisors count it. */
  private void mirror(Complaint c) {
    trackingNumber = c.getTrackingNumber();
    classification = c.getClassification();
    category = c.getCategory();
    channel = c.getChannel();
    status = c.getStatus();
    regencyCode = c.getAddressedRegionCode();
    provinceCode = provinceOf(regencyCode);
    opdCode = c.getOpdCode().orElse(null);
    light = c.light().orElse(null);
    closedAt = c.getClosedAt().orElse(null);
    resolution = c.getResolution().orElse(null);
    archiveReason = c.getArchiveReason().orElse(null);
    escalationCount = c.getEscalationCount();
    returnCount = c.getReturnCount();
    transferCount = c.getTransferCount();
    reopenCount = c.getReopenCount();
    rating = c.getRating().orElse(null);
    institutionDueAt = status.isOpen() && status != ComplaintStatus.AWAITING_INFORMATION
        && status != ComplaintStatus.ANSWERED ? dueAt : null;
  }

  /** The first verification decision (forward, ask, refer, transfer, merge, archive) counts. */
  private void verified(Instant at) {
    if (verifiedAt == null && receivedAt != null) {
      verifiedAt = at;
      verifiedOnTime = verificationDueAt == null || !at.isAfter(verificationDueAt);
    }
  }

  /**
   * The province of a regency or city from its Kemendagri code ({@code 51.06} → {@code 51}); none
   * for national bodies ({@code ID.pln}) and the national level.
   */
  static String provinceOf(String regionCode) {
    int dot = regionCode.indexOf('.');
    String head = dot < 0 ? regionCode : regionCode.substring(0, dot);
    return head.chars().allMatch(Character::isDigit) && !head.isEmpty() ? head : null;
  }

  /**
   * Every field a supervisor reads (all but the row's id), found once by reflection so that a field
   * added to the read model is compared and rebuilt without anyone remembering to list it.
   */
  private static final List<Field> FIELDS = Arrays.stream(ComplaintProjection.class.getDeclaredFields())
      .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())
          && !f.getName().equals("id"))
      .peek(f -> f.setAccessible(true))
      .toList();

  /**
   * The names of the fields that differ from {@code other}'s (instants to the millisecond), for a
   * rebuild's report.
   */
  public List<String> differences(ComplaintProjection other) {
    List<String> differing = new ArrayList<>();
    for (Field f : FIELDS) {
      Object mine = read(f, this);
      Object theirs = read(f, other);
      boolean equal = mine instanceof Instant a && theirs instanceof Instant b
          ? a.toEpochMilli() == b.toEpochMilli() : Objects.equals(mine, theirs);
      if (!equal) {
        differing.add(f.getName());
      }
    }
    return differing;
  }

  /** Overwrites every field with {@code other}'s (a rebuild keeps the row, its id). */
  void copyFrom(ComplaintProjection other) {
    for (Field f : FIELDS) {
      try {
        f.set(this, read(f, other));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static Object read(Field f, ComplaintProjection projection) {
    try {
      return f.get(projection);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  public Long getComplaintId() {
    return complaintId;
  }

  public String getTrackingNumber() {
    return trackingNumber;
  }

  public String getProvinceCode() {
    return provinceCode;
  }

  public String getRegencyCode() {
    return regencyCode;
  }

  public String getOpdCode() {
    return opdCode;
  }

  public Classification getClassification() {
    return classification;
  }

  public Category getCategory() {
    return category;
  }

  public Channel getChannel() {
    return channel;
  }

  public ComplaintStatus getStatus() {
    return status;
  }

  public TrafficLight getLight() {
    return light;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getVerificationDueAt() {
    return verificationDueAt;
  }

  public Instant getVerifiedAt() {
    return verifiedAt;
  }

  public Boolean getVerifiedOnTime() {
    return verifiedOnTime;
  }

  public Instant getForwardedAt() {
    return forwardedAt;
  }

  public Instant getReachedOpdAt() {
    return reachedOpdAt;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Boolean getAnsweredOnTime() {
    return answeredOnTime;
  }

  public Long getFollowUpWorkMinutes() {
    return followUpWorkMinutes;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getInstitutionDueAt() {
    return institutionDueAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Resolution getResolution() {
    return resolution;
  }

  public ArchiveReason getArchiveReason() {
    return archiveReason;
  }

  public int getEscalationCount() {
    return escalationCount;
  }

  public EscalationLevel getHighestEscalation() {
    return highestEscalation;
  }

  public int getReturnCount() {
    return returnCount;
  }

  public int getTransferCount() {
    return transferCount;
  }

  public int getReopenCount() {
    return reopenCount;
  }

  public Integer getRating() {
    return rating;
  }

  public int getEventCount() {
    return eventCount;
  }

  public Instant getLastEventAt() {
    return lastEventAt;
  }
}
