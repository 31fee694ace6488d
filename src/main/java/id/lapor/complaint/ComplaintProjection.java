package id.lapor.complaint;

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

/**
 * The supervision read model of one complaint: where it is, its light, the times of its milestones
 * and its counts, kept by folding each timeline entry as it is recorded (in the same transaction)
 * and recomputable from the timeline alone ({@link #rebuiltFrom}). Supervisors' figures and reports
 * read only these rows, never the process engine's history.
 */
@Entity
@Table(name = "complaint_projection")
public class ComplaintProjection {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

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

  protected ComplaintProjection() {}

  private ComplaintProjection(Complaint complaint) {
    trackingNumber = complaint.getTrackingNumber();
    classification = complaint.getClassification();
    category = complaint.getCategory();
    channel = complaint.getChannel();
  }

  /** The projection of {@code complaint} computed from its timeline alone, in the order it was recorded. */
  public static ComplaintProjection rebuiltFrom(Complaint complaint, WorkingHours hours) {
    ComplaintProjection p = new ComplaintProjection(complaint);
    List<TimelineEntry> entries = complaint.getTimeline().stream()
        .sorted(Comparator.comparing(TimelineEntry::getId, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
    entries.forEach(e -> p.apply(e, hours));
    return p;
  }

  /** Folds one more timeline entry into the projection. */
  void apply(TimelineEntry e, WorkingHours hours) {
    Instant at = e.getOccurredAt();
    Instant previousDue = dueAt;
    switch (e.getType()) {
      case SUBMITTED -> {
        status = ComplaintStatus.SUBMITTED;
        receivedAt = at;
        moveTo(e.getInstitutionCode());
        verificationDueAt = e.getDueAt();
      }
      case INFORMATION_REQUESTED -> {
        status = ComplaintStatus.AWAITING_INFORMATION;
        verified(at);
      }
      case SUPPLEMENTED, UNMERGED -> {
        status = ComplaintStatus.SUBMITTED;
        closedAt = null;
      }
      case REFERRED_TO_NATIONAL -> {
        status = ComplaintStatus.REFERRED_TO_NATIONAL;
        verified(at);
      }
      case ADDRESSED_TO_REGENCY -> {
        status = ComplaintStatus.SUBMITTED;
        moveTo(e.getInstitutionCode());
      }
      case TRANSFERRED -> {
        verified(at);
        transferCount++;
        moveTo(e.getInstitutionCode());
      }
      case FORWARDED, REASSIGNED -> {
        if (e.getType() == TimelineEventType.FORWARDED) {
          verified(at);
          forwardedAt = forwardedAt == null ? at : forwardedAt;
        }
        status = ComplaintStatus.FORWARDED;
        opdCode = e.getInstitutionCode();
        reachedOpdAt = at;
        light = TrafficLight.RED;
      }
      case OPENED -> {
        light = TrafficLight.YELLOW;
        openedAt = openedAt == null ? at : openedAt;
      }
      case DISPOSED -> status = ComplaintStatus.IN_PROGRESS;
      case RETURNED -> {
        status = ComplaintStatus.SUBMITTED;
        returnCount++;
        opdCode = null;
        light = null;
      }
      case ESCALATED -> {
        escalationCount++;
        EscalationLevel level = EscalationLevel.valueOf(e.getReasonCode());
        highestEscalation = level.compareTo(highestEscalation) > 0 ? level : highestEscalation;
      }
      case FOLLOW_UP_POSTED -> {
        status = ComplaintStatus.ANSWERED;
        light = TrafficLight.GREEN;
        if (answeredAt == null) {
          answeredAt = at;
          answeredOnTime = previousDue == null || !at.isAfter(previousDue);
          Duration taken = reachedOpdAt == null ? null : hours.between(reachedOpdAt, at, regencyCode);
          followUpWorkMinutes = taken == null ? null : taken.toMinutes();
        }
      }
      case FOLLOW_UP_ACCEPTED, FOLLOW_UP_DISPUTED -> rating = e.getRating() != null ? e.getRating() : rating;
      case REOPENED -> {
        // back to the officer who answered, or to the OPD's liaison when no officer was named
        status = e.getReasonCode() == null ? ComplaintStatus.IN_PROGRESS : ComplaintStatus.valueOf(e.getReasonCode());
        reopenCount++;
        light = TrafficLight.RED;
      }
      case RESOLVED -> {
        status = ComplaintStatus.RESOLVED;
        resolution = Resolution.valueOf(e.getReasonCode());
        closedAt = at;
      }
      case ARCHIVED -> {
        verified(at);
        status = ComplaintStatus.ARCHIVED;
        archiveReason = ArchiveReason.valueOf(e.getReasonCode());
        closedAt = at;
        light = null;
      }
      case MERGED -> {
        verified(at);
        status = ComplaintStatus.MERGED;
        closedAt = at;
        light = null;
      }
      case FIRST_RESPONSE_GIVEN, REMINDED, SANCTION_NOTICE_ISSUED, SUPERVISED, DEADLINE_EXTENDED, ME_TOO,
          DUPLICATE_LINKED, DUPLICATE_UNLINKED, FOLLOW_UP_REVIEWED -> {
        // no change to what supervisors count; the deadline below still follows the entry
      }
    }
    dueAt = e.getDueAt();
    institutionDueAt = status.isOpen() && status != ComplaintStatus.AWAITING_INFORMATION
        && status != ComplaintStatus.ANSWERED ? dueAt : null;
    eventCount++;
    lastEventAt = at;
  }

  /** The first verification decision (forward, ask, refer, transfer, merge, archive) counts. */
  private void verified(Instant at) {
    if (verifiedAt == null && receivedAt != null) {
      verifiedAt = at;
      verifiedOnTime = verificationDueAt == null || !at.isAfter(verificationDueAt);
    }
  }

  private void moveTo(String regency) {
    regencyCode = Objects.requireNonNull(regency);
    provinceCode = provinceOf(regency);
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
      .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.getName().equals("id"))
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
