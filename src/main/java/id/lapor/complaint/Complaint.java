package id.lapor.complaint;

import static id.lapor.complaint.ComplaintStatus.ANSWERED;
import static id.lapor.complaint.ComplaintStatus.ARCHIVED;
import static id.lapor.complaint.ComplaintStatus.AWAITING_INFORMATION;
import static id.lapor.complaint.ComplaintStatus.FORWARDED;
import static id.lapor.complaint.ComplaintStatus.IN_PROGRESS;
import static id.lapor.complaint.ComplaintStatus.REFERRED_TO_NATIONAL;
import static id.lapor.complaint.ComplaintStatus.RESOLVED;
import static id.lapor.complaint.ComplaintStatus.SUBMITTED;

import id.lapor.complaint.ComplaintEvent.ComplaintAddressedToRegency;
import id.lapor.complaint.ComplaintEvent.ComplaintArchived;
import id.lapor.complaint.ComplaintEvent.ComplaintDisposed;
import id.lapor.complaint.ComplaintEvent.ComplaintEscalated;
import id.lapor.complaint.ComplaintEvent.ComplaintForwarded;
import id.lapor.complaint.ComplaintEvent.ComplaintMerged;
import id.lapor.complaint.ComplaintEvent.ComplaintOpened;
import id.lapor.complaint.ComplaintEvent.ComplaintReassigned;
import id.lapor.complaint.ComplaintEvent.ComplaintReferredToNational;
import id.lapor.complaint.ComplaintEvent.ComplaintReopened;
import id.lapor.complaint.ComplaintEvent.ComplaintResolved;
import id.lapor.complaint.ComplaintEvent.ComplaintReturned;
import id.lapor.complaint.ComplaintEvent.ComplaintSubmitted;
import id.lapor.complaint.ComplaintEvent.ComplaintSupervised;
import id.lapor.complaint.ComplaintEvent.ComplaintSupplemented;
import id.lapor.complaint.ComplaintEvent.ComplaintTransferred;
import id.lapor.complaint.ComplaintEvent.ComplaintUnmerged;
import id.lapor.complaint.ComplaintEvent.DeadlineExtended;
import id.lapor.complaint.ComplaintEvent.DuplicateLinked;
import id.lapor.complaint.ComplaintEvent.DuplicateUnlinked;
import id.lapor.complaint.ComplaintEvent.FirstResponseGiven;
import id.lapor.complaint.ComplaintEvent.FollowUpAccepted;
import id.lapor.complaint.ComplaintEvent.FollowUpDisputed;
import id.lapor.complaint.ComplaintEvent.FollowUpPosted;
import id.lapor.complaint.ComplaintEvent.FollowUpReviewed;
import id.lapor.complaint.ComplaintEvent.InformationRequested;
import id.lapor.complaint.ComplaintEvent.MeTooCounted;
import id.lapor.complaint.ComplaintEvent.Occurrence;
import id.lapor.complaint.ComplaintEvent.OpdReminded;
import id.lapor.complaint.ComplaintEvent.SanctionNoticeIssued;
import id.lapor.institutions.Institution;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A complaint (pengaduan), from submission to an honest end. Every state change is a method that
 * checks the current status, moves the complaint on, appends what happened to its timeline and
 * announces it ({@link ComplaintEvent}: supervision and notifications listen in the same transaction).
 * Times are passed in by the caller so that the process engine's clock governs them.
 *
 * <p>Long on purpose: it is the aggregate, and each of its transitions (guard, state change, the event
 * it announces) lives here so that nothing else can change a complaint; about half of it is columns
 * and getters.
 */
@Entity
@Table(name = "complaint")
public class Complaint {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(name = "tracking_number", nullable = false, unique = true, length = 20)
  private String trackingNumber;

  @Column(name = "follow_up_token_hash", nullable = false, length = 64)
  private String followUpTokenHash;

  @Column(name = "reissued_token_hash", length = 64)
  private String reissuedTokenHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Classification classification;

  @Column(nullable = false, length = 150)
  private String title;

  @Column(nullable = false, length = 4000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Category category;

  @Column(name = "incident_date")
  private LocalDate incidentDate;

  @Embedded
  private Location location;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Privacy privacy;

  @OneToOne(cascade = CascadeType.ALL, fetch = FetchType.LAZY, orphanRemoval = true)
  @JoinColumn(name = "complainant_id")
  private Complainant complainant;

  @Column(nullable = false, length = 5)
  private String language;

  @Column(name = "target_institution_code", length = 40)
  private String targetInstitutionCode;

  /** The complaint this one was merged into, while it is merged. */
  @jakarta.persistence.ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "merged_into_id")
  private Complaint mergedInto;

  /** The duplicates merged into this one (their complainants hear of its follow-up and closure). */
  @OneToMany(mappedBy = "mergedInto", fetch = FetchType.LAZY)
  private List<Complaint> mergedDuplicates = new ArrayList<>();

  @Column(name = "transfer_count", nullable = false)
  private int transferCount;

  @Column(name = "report_count", nullable = false)
  private int reportCount = 1;

  @Column(name = "addressed_region_code", nullable = false, length = 40)
  private String addressedRegionCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ComplaintStatus status;

  @Column(name = "handler_code", nullable = false, length = 40)
  private String handlerCode;

  @Column(name = "opd_code", length = 40)
  private String opdCode;

  @Column(name = "officer", length = 100)
  private String officer;

  @Column(name = "current_deadline")
  private Instant currentDeadline;

  @Enumerated(EnumType.STRING)
  @Column(name = "escalation_level", nullable = false, length = 20)
  private EscalationLevel escalationLevel = EscalationLevel.NONE;

  @Column(name = "escalation_count", nullable = false)
  private int escalationCount;

  @Column(name = "return_count", nullable = false)
  private int returnCount;

  @Column(name = "reopen_count", nullable = false)
  private int reopenCount;

  @Column(name = "deadline_extended", nullable = false)
  private boolean deadlineExtended;

  @Column(name = "opened_at")
  private Instant openedAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "answered_late")
  private Boolean answeredLate;

  @Enumerated(EnumType.STRING)
  @Column(name = "archive_reason", length = 40)
  private ArchiveReason archiveReason;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Resolution resolution;

  private Integer rating;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("occurredAt ASC, id ASC")
  private List<TimelineEntry> timeline = new ArrayList<>();

  /** What happened since the events were last taken (published at the next flush). */
  @Transient
  private final List<ComplaintEvent> pendingEvents = new ArrayList<>();

  protected Complaint() {}

  /**
   * A complaint as it is received, waiting for the addressed regency's admins to verify it.
   *
   * @param verificationDue when verification is due
   */
  public static Complaint submit(NewComplaint report, String trackingNumber, FollowUpToken token,
      Instant now, Instant verificationDue) {
    Complaint c = new Complaint();
    c.trackingNumber = Objects.requireNonNull(trackingNumber);
    c.followUpTokenHash = token.hash();
    c.classification = Objects.requireNonNull(report.classification());
    c.title = Objects.requireNonNull(report.title());
    c.description = Objects.requireNonNull(report.description());
    c.category = Objects.requireNonNull(report.category());
    c.incidentDate = report.incidentDate();
    c.location = Objects.requireNonNull(report.location());
    c.channel = Objects.requireNonNull(report.channel());
    c.privacy = Objects.requireNonNull(report.privacy());
    c.complainant = report.complainant();
    c.language = report.language();
    c.targetInstitutionCode = report.targetInstitutionCode();
    c.addressedRegionCode = report.location().regionCode();
    c.handlerCode = c.addressedRegionCode;
    c.status = SUBMITTED;
    c.submittedAt = now;
    c.currentDeadline = verificationDue;
    c.announce(new ComplaintSubmitted(c.happened(now, TimelineEntry.COMPLAINANT), c.addressedRegionCode,
        report.channel()));
    return c;
  }

  /**
   * Gabungkan: this complaint reports the same problem as {@code master}, which is open; it closes
   * as merged and its complainant follows the master's follow-up and closure.
   */
  public void mergeInto(Complaint master, String actor, Instant now) {
    require(EnumSet.of(SUBMITTED), "merged");
    Objects.requireNonNull(master);
    if (master.getTrackingNumber().equals(trackingNumber)) {
      throw new IllegalArgumentException("a complaint cannot be merged into itself");
    }
    // through methods, never fields: master may be a lazy proxy
    master.linkDuplicate(this, actor, now);
    status = ComplaintStatus.MERGED;
    mergedInto = master;
    close(now);
    announce(new ComplaintMerged(happened(now, actor), handlerCode, master.getTrackingNumber()));
  }

  /** Undoes a merge while the master is open: the complaint is verified on its own again. */
  public void unmerge(Instant verificationDue, String actor, Instant now) {
    require(EnumSet.of(ComplaintStatus.MERGED), "taken out of a merge");
    Complaint master = mergedInto;
    master.unlinkDuplicate(this, actor, now);
    mergedInto = null;
    status = SUBMITTED;
    closedAt = null;
    currentDeadline = verificationDue;
    announce(new ComplaintUnmerged(happened(now, actor), handlerCode, master.getTrackingNumber()));
  }

  /** On the master: a duplicate joins it; its complainants count and will be told of the follow-up. */
  void linkDuplicate(Complaint duplicate, String actor, Instant now) {
    requireOpenFor("given a duplicate");
    if (mergedInto != null) {
      throw new IllegalArgumentException(trackingNumber + " is itself merged into another complaint");
    }
    mergedDuplicates.add(duplicate);
    reportCount += duplicate.getReportCount();
    announce(new DuplicateLinked(happened(now, actor), handlerCode, duplicate.getTrackingNumber()));
  }

  /** On the master: a merged duplicate leaves it again. */
  void unlinkDuplicate(Complaint duplicate, String actor, Instant now) {
    requireOpenFor("lose a duplicate");
    mergedDuplicates.remove(duplicate);
    reportCount = Math.max(1, reportCount - duplicate.getReportCount());
    announce(new DuplicateUnlinked(happened(now, actor), handlerCode, duplicate.getTrackingNumber()));
  }

  /**
   * Dialihkan: the complaint belongs to another regency, city or national body, which verifies it
   * afresh; it keeps its number, timeline and files.
   */
  public void transferTo(String institutionCode, String reason, Instant verificationDue, String actor, Instant now) {
    require(EnumSet.of(SUBMITTED), "transferred");
    Objects.requireNonNull(institutionCode);
    if (institutionCode.equals(addressedRegionCode)) {
      throw new IllegalArgumentException(trackingNumber + " is already with " + institutionCode);
    }
    String why = required(reason);
    addressedRegionCode = institutionCode;
    handlerCode = institutionCode;
    transferCount++;
    currentDeadline = verificationDue;
    announce(new ComplaintTransferred(happened(now, actor), institutionCode, why));
  }

  /** "Saya juga mengalami": one more person reports the same (public, open complaints only). */
  public void meToo(Instant now) {
    requireOpenFor("supported");
    if (privacy != Privacy.PUBLIC) {
      throw new IllegalComplaintTransitionException(trackingNumber, status, "supported (not public)");
    }
    reportCount++;
    announce(new MeTooCounted(happened(now, TimelineEntry.COMPLAINANT), handlerCode));
  }

  /** Refuses {@code action} (files, "me too", a duplicate) once the complaint is closed. */
  public void requireOpenFor(String action) {
    if (!status.isOpen()) {
      throw new IllegalComplaintTransitionException(trackingNumber, status, action);
    }
  }

  /** Tunda: the admin asks the complainant to complete the report. */
  public void requestInformation(String question, Instant supplementDue, String actor, Instant now) {
    require(EnumSet.of(SUBMITTED), "asked for information");
    String text = required(question);
    status = AWAITING_INFORMATION;
    currentDeadline = supplementDue;
    announce(new InformationRequested(happened(now, actor), handlerCode, text));
  }

  /** The complainant supplies what was asked; verification starts again. */
  public void supplement(String text, Instant verificationDue, Instant now) {
    require(EnumSet.of(AWAITING_INFORMATION), "supplemented");
    String supplied = required(text);
    status = SUBMITTED;
    currentDeadline = verificationDue;
    announce(new ComplaintSupplemented(happened(now, TimelineEntry.COMPLAINANT), handlerCode, supplied));
  }

  /** Arsipkan: closes the complaint without a follow-up, for a stated reason. */
  public void archive(ArchiveReason reason, String note, String actor, Instant now) {
    require(EnumSet.of(SUBMITTED, AWAITING_INFORMATION, REFERRED_TO_NATIONAL), "archived");
    Objects.requireNonNull(reason, "an archived complaint needs a reason");
    status = ARCHIVED;
    archiveReason = reason;
    close(now);
    announce(new ComplaintArchived(happened(now, actor), handlerCode, reason, blankToNull(note)));
  }

  /** Bukan wewenang: the regency says the complaint is not within its authority. */
  public void referToNationalAdmin(String reason, Instant verificationDue, String actor, Instant now) {
    require(EnumSet.of(SUBMITTED), "referred to the national admin");
    String why = required(reason);
    String from = handlerCode;
    status = REFERRED_TO_NATIONAL;
    handlerCode = Institution.NATIONAL_CODE;
    currentDeadline = verificationDue;
    announce(new ComplaintReferredToNational(happened(now, actor), from, why));
  }

  /** The national admin addresses the complaint to the regency/city that must verify it. */
  public void addressTo(String regencyCode, Instant verificationDue, String actor, Instant now) {
    require(EnumSet.of(REFERRED_TO_NATIONAL), "addressed to a regency");
    Objects.requireNonNull(regencyCode);
    status = SUBMITTED;
    addressedRegionCode = regencyCode;
    handlerCode = regencyCode;
    currentDeadline = verificationDue;
    announce(new ComplaintAddressedToRegency(happened(now, actor), regencyCode));
  }

  /** Verified and forwarded (disposisi) to an OPD, which must follow up by the deadline. */
  public void forwardTo(String opd, Instant followUpDue, String actor, Instant now) {
    require(EnumSet.of(SUBMITTED), "forwarded");
    handTo(opd, followUpDue);
    announce(new ComplaintForwarded(happened(now, actor), opd));
  }

  /** The complaint waits at {@code opd}, unopened, until {@code followUpDue}. */
  private void handTo(String opd, Instant followUpDue) {
    Objects.requireNonNull(opd);
    status = FORWARDED;
    opdCode = opd;
    handlerCode = opd;
    officer = null;
    currentDeadline = followUpDue;
    escalationLevel = EscalationLevel.NONE;
    resetLight();
  }

  /**
   * A district office (kecamatan) coordinated the first response before the OPD follows up, as
   * Banyuwangi's SOP asks of its camat. Staff-only note; the OPD keeps its own deadline.
   */
  public void recordFirstResponse(String districtOffice, String note, String actor, Instant now) {
    require(EnumSet.of(FORWARDED), "given a first response");
    String what = required(note);
    announce(new FirstResponseGiven(happened(now, actor), Objects.requireNonNull(districtOffice), what));
  }

  /** The OPD's liaison officer assigns the complaint inside the OPD. */
  public void dispose(String assignedOfficer, String actor, Instant now) {
    require(EnumSet.of(FORWARDED), "disposed");
    markOpened(actor, now);
    status = IN_PROGRESS;
    officer = blankToNull(assignedOfficer);
    announce(new ComplaintDisposed(happened(now, actor), opdCode, officer));
  }

  /**
   * Bukan wewenang: the OPD gives the complaint back to the regency's admins, optionally suggesting
   * the institution that has authority (kept as the entry's reason code).
   */
  public void returnToRegency(String reason, Instant verificationDue, String actor, Instant now, String suggestion) {
    require(EnumSet.of(FORWARDED), "returned");
    String why = required(reason);
    String from = opdCode;
    status = SUBMITTED;
    returnCount++;
    resetLight();
    opdCode = null;
    officer = null;
    handlerCode = addressedRegionCode;
    escalationLevel = EscalationLevel.NONE;
    currentDeadline = verificationDue;
    announce(new ComplaintReturned(happened(now, actor), from, suggestion, why));
  }

  /** The follow-up deadline passed: the complaint is escalated one level up. */
  public void escalate(EscalationLevel level, String targetCode, Instant now) {
    require(EnumSet.of(FORWARDED, IN_PROGRESS), "escalated");
    if (level == EscalationLevel.NONE) {
      throw new IllegalArgumentException("escalation needs a level");
    }
    escalationLevel = level;
    escalationCount++;
    announce(new ComplaintEscalated(happened(now, TimelineEntry.SYSTEM), targetCode, level, responsible()));
  }

  /**
   * The SOP sanctions lateness (Banyuwangi): a notice naming the OPD and officer responsible is
   * recorded for the regency's leadership. Staff only.
   */
  public void recordSanctionNotice(Instant now) {
    require(EnumSet.of(FORWARDED, IN_PROGRESS), "sanctioned");
    announce(new SanctionNoticeIssued(happened(now, TimelineEntry.SYSTEM), opdCode, responsible()));
  }

  /**
   * Part of the OPD's follow-up time has passed without a follow-up (the SOP says how much): the
   * OPD is reminded. Staff only; nothing else changes.
   */
  public void remind(Instant now) {
    require(EnumSet.of(FORWARDED, IN_PROGRESS), "reminded");
    announce(new OpdReminded(happened(now, TimelineEntry.SYSTEM), opdCode, responsible()));
  }

  /**
   * A supervisor moves an overdue complaint to another OPD of the same regency, which gets a fresh
   * follow-up period and starts red. The reason is for staff.
   */
  public void reassignTo(String opd, String reason, Instant followUpDue, String actor, Instant now) {
    require(EnumSet.of(FORWARDED, IN_PROGRESS), "reassigned");
    String why = required(reason);
    if (opd.equals(opdCode)) {
      throw new IllegalArgumentException("the complaint is already at " + opd);
    }
    handTo(opd, followUpDue);
    announce(new ComplaintReassigned(happened(now, actor), opd, why));
  }

  /**
   * A supervisor extends the OPD's follow-up deadline, once in the life of a complaint, for a
   * reason the complainant sees.
   *
   * @throws IllegalComplaintTransitionException when the deadline was extended before
   */
  public void extendDeadline(Instant newDeadline, String reason, String actor, Instant now) {
    require(EnumSet.of(FORWARDED, IN_PROGRESS), "given more time");
    String why = required(reason);
    if (deadlineExtended) {
      throw new IllegalComplaintTransitionException(trackingNumber, status, "given more time twice");
    }
    if (!newDeadline.isAfter(now)) {
      throw new IllegalArgumentException("an extended deadline lies in the future: " + newDeadline);
    }
    deadlineExtended = true;
    currentDeadline = newDeadline;
    escalationLevel = EscalationLevel.NONE;
    announce(new DeadlineExtended(happened(now, actor), opdCode, why));
  }

  /** Whether a supervisor has used the one extension of the follow-up deadline. */
  public boolean isDeadlineExtended() {
    return deadlineExtended;
  }

  /** Who must act at the OPD: the OPD and, once disposed, the officer. */
  private String responsible() {
    return officer == null ? opdCode : opdCode + " / " + officer;
  }

  /**
   * A supervisor records what was done about an overdue complaint, labelled with the level at which
   * they supervise ({@code level}: a province supervisor acting after the national escalation still acts
   * at the province's level).
   */
  public void recordSupervision(String note, String actor, EscalationLevel level, Instant now) {
    require(EnumSet.of(FORWARDED, IN_PROGRESS), "supervised");
    String what = required(note);
    announce(new ComplaintSupervised(happened(now, actor), handlerCode, Objects.requireNonNull(level), what));
  }

  /**
   * Tindak lanjut: the OPD answers the complainant, who then has until {@code replyDue}.
   */
  public void postFollowUp(String text, Instant replyDue, String actor, Instant now) {
    require(EnumSet.of(IN_PROGRESS), "answered");
    String followUp = required(text);
    answeredLate = currentDeadline != null && now.isAfter(currentDeadline);
    answeredAt = now;
    status = ANSWERED;
    currentDeadline = replyDue;
    announce(new FollowUpPosted(happened(now, actor), opdCode, followUp));
  }

  /**
   * The head of the OPD reviewed the officer's draft follow-up (where the SOP asks for it): approved,
   * or sent back with a note. Staff only.
   */
  public void recordFollowUpReview(ReviewOutcome outcome, String note, String actor, Instant now) {
    require(EnumSet.of(IN_PROGRESS), "reviewed");
    announce(new FollowUpReviewed(happened(now, actor), opdCode, outcome, blankToNull(note)));
  }

  /** What came of a review of the follow-up before it was sent (a region's FollowUpReview plug-in). */
  public enum ReviewOutcome {
    /** Approved: the follow-up is sent. */
    APPROVED,
    /** Returned to the officer with a note. */
    REVISE,
    /** Not reviewed by the follow-up deadline: sent as written, so the complainant is not kept waiting. */
    NOT_REVIEWED_IN_TIME
  }

  /** The complainant's reply to the follow-up: accepted, or disputed with the reason. */
  public void recordReply(ReplyDecision decision, Integer replyRating, String comment, Instant now) {
    require(EnumSet.of(ANSWERED), "replied to");
    if (decision == ReplyDecision.DISPUTE) {
      required(comment);
    }
    if (replyRating != null) {
      rating = replyRating;
    }
    Occurrence o = happened(now, TimelineEntry.COMPLAINANT);
    announce(decision == ReplyDecision.ACCEPT ? new FollowUpAccepted(o, opdCode, replyRating, blankToNull(comment))
        : new FollowUpDisputed(o, opdCode, replyRating, blankToNull(comment)));
  }

  /**
   * A disputed follow-up goes back to the OPD with a fresh deadline: to the officer the liaison named
   * (in progress), or, when the liaison gave it to all the OPD's officers, to the liaison to dispose
   * again (forwarded). The timeline entry names the status it returned to.
   */
  public void reopen(Instant followUpDue, Instant now) {
    require(EnumSet.of(ANSWERED), "reopened");
    status = officer != null ? IN_PROGRESS : FORWARDED;
    reopenCount++;
    escalationLevel = EscalationLevel.NONE;
    currentDeadline = followUpDue;
    resetLight();
    announce(new ComplaintReopened(happened(now, TimelineEntry.SYSTEM), opdCode, status));
  }

  /**
   * The current deadline, computed while the holidays of {@code year} were not loaded, is computed
   * again now that they are: moved to {@code newDeadline}, recorded on the (staff) timeline with the
   * previous one as {@code previous}. A deadline already passed is never moved.
   */
  public void recalculateDeadline(Instant newDeadline, int year, String previous, Instant now) {
    Objects.requireNonNull(newDeadline);
    if (!status.isOpen() || currentDeadline == null || !currentDeadline.isAfter(now)) {
      throw new IllegalComplaintTransitionException(trackingNumber, status, "given a recalculated deadline");
    }
    currentDeadline = newDeadline;
    announce(new ComplaintEvent.DeadlineRecalculated(happened(now, TimelineEntry.SYSTEM), handlerCode, year, previous));
  }

  /** Selesai: the follow-up was accepted, or stood unanswered for the reply period. */
  public void resolve(Resolution how, Instant now) {
    require(EnumSet.of(ANSWERED), "resolved");
    Objects.requireNonNull(how);
    status = RESOLVED;
    resolution = how;
    close(now);
    announce(new ComplaintResolved(happened(now, TimelineEntry.SYSTEM), handlerCode, how));
  }

  /**
   * An OPD user opened the complaint (claimed its task or viewed its form): red turns yellow. Only
   * the first opening at each stay at the OPD counts; nothing is recorded outside the OPD.
   *
   * @return whether this call turned the light yellow
   */
  public boolean markOpened(String user, Instant now) {
    if (!isAtOpd() || openedAt != null) {
      return false;
    }
    openedAt = now;
    announce(new ComplaintOpened(happened(now, user), opdCode));
    return true;
  }

  /** The OPD's light at {@code now}, or empty while the complaint is not (yet) an OPD's. */
  public Optional<TrafficLight> trafficLight(Instant now) {
    return TrafficLight.of(status, openedAt, answeredAt, currentDeadline, now);
  }

  /**
   * The OPD's light as supervisors keep it — red, yellow or green, whether or not the deadline has
   * passed since — or empty while the complaint is not (yet) an OPD's.
   */
  public Optional<TrafficLight> light() {
    return trafficLight(Instant.MIN);
  }

  /** Whether the last follow-up came after its deadline; empty before any follow-up. */
  public Optional<Boolean> getAnsweredLate() {
    return Optional.ofNullable(answeredLate);
  }

  public Optional<Instant> getOpenedAt() {
    return Optional.ofNullable(openedAt);
  }

  private boolean isAtOpd() {
    return status == FORWARDED || status == IN_PROGRESS;
  }

  private void resetLight() {
    openedAt = null;
    answeredAt = null;
    answeredLate = null;
  }

  /**
   * Whether {@code candidate} is the follow-up token issued with this complaint, or the one issued when
   * its private link was last sent again ({@link #reissueToken}).
   */
  public boolean acceptsToken(String candidate) {
    return FollowUpToken.matches(candidate, followUpTokenHash)
        || (reissuedTokenHash != null && FollowUpToken.matches(candidate, reissuedTokenHash));
  }

  /**
   * A second token for a private link sent again (the receipt by email or SMS, "laporan saya"): only
   * hashes are stored, so the first token cannot be sent; it stays valid, the previous resend's does not.
   */
  public String reissueToken() {
    FollowUpToken token = FollowUpToken.generate();
    reissuedTokenHash = token.hash();
    return token.value();
  }

  /** @throws FollowUpTokenRejectedException unless {@code candidate} is this complaint's token */
  public void requireToken(String candidate) {
    if (!acceptsToken(candidate)) {
      throw new FollowUpTokenRejectedException(trackingNumber);
    }
  }

  private void close(Instant now) {
    closedAt = now;
    currentDeadline = null;
  }

  private void require(Set<ComplaintStatus> allowed, String action) {
    if (!allowed.contains(status)) {
      throw new IllegalComplaintTransitionException(trackingNumber, status, action);
    }
  }

  private static String required(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a text is required");
    }
    return text.strip();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** When and by whom the complaint changes now. */
  private Occurrence happened(Instant at, String actor) {
    return new Occurrence(this, at, actor);
  }

  /**
   * Records what happened on the timeline (with the deadline in force after it) and announces it:
   * published in the transaction that changed the complaint, before it commits.
   */
  private void announce(ComplaintEvent event) {
    TimelineEntry entry = new TimelineEntry(this, event.type(), event.at(), event.occurrence().actor(),
        event.institutionCode(), event.reasonCode(), event.note(), event.rating(), currentDeadline);
    event.occurrence().recordedAs(entry);
    timeline.add(entry);
    pendingEvents.add(event);
    updatedAt = event.at();
  }

  /**
   * The events announced since they were last taken ({@link ComplaintEventPublishing} takes them at
   * every flush; a test without a database takes them itself).
   */
  public List<ComplaintEvent> takeEvents() {
    List<ComplaintEvent> taken = List.copyOf(pendingEvents);
    pendingEvents.clear();
    return taken;
  }

  boolean hasPendingEvents() {
    return !pendingEvents.isEmpty();
  }

  public Long getId() {
    return id;
  }

  /** The optimistic-lock version: grows with every committed change. */
  public long getVersion() {
    return version;
  }

  public String getTrackingNumber() {
    return trackingNumber;
  }

  public Classification getClassification() {
    return classification;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public Category getCategory() {
    return category;
  }

  public LocalDate getIncidentDate() {
    return incidentDate;
  }

  public Location getLocation() {
    return location;
  }

  public Channel getChannel() {
    return channel;
  }

  public Privacy getPrivacy() {
    return privacy;
  }

  /** The complainant's contact data, if any was given. Handle as personal data. */
  public Optional<Complainant> getComplainant() {
    return Optional.ofNullable(complainant);
  }

  public Optional<String> getMergedIntoTrackingNumber() {
    return Optional.ofNullable(mergedInto).map(Complaint::getTrackingNumber);
  }

  public int getTransferCount() {
    return transferCount;
  }

  /** How many people reported this problem: the complainant, merged duplicates, "me too". */
  public int getReportCount() {
    return reportCount;
  }

  /** The complainant's language for notifications: {@code id} or {@code en}. */
  public String getLanguage() {
    return language;
  }

  /** The institution the complainant addressed, if they named one. */
  public Optional<String> getTargetInstitutionCode() {
    return Optional.ofNullable(targetInstitutionCode);
  }

  /** The regency/city (or national body) that verifies the complaint (changes with a redirection or transfer). */
  public String getAddressedRegionCode() {
    return addressedRegionCode;
  }

  public ComplaintStatus getStatus() {
    return status;
  }

  /** The institution that must act next: the regency, the national level or the OPD. */
  public String getHandlerCode() {
    return handlerCode;
  }

  public Optional<String> getOpdCode() {
    return Optional.ofNullable(opdCode);
  }

  public Optional<String> getOfficer() {
    return Optional.ofNullable(officer);
  }

  public Optional<Instant> getCurrentDeadline() {
    return Optional.ofNullable(currentDeadline);
  }

  public EscalationLevel getEscalationLevel() {
    return escalationLevel;
  }

  public int getEscalationCount() {
    return escalationCount;
  }

  public int getReturnCount() {
    return returnCount;
  }

  public int getReopenCount() {
    return reopenCount;
  }

  public Optional<ArchiveReason> getArchiveReason() {
    return Optional.ofNullable(archiveReason);
  }

  public Optional<Resolution> getResolution() {
    return Optional.ofNullable(resolution);
  }

  public Optional<Integer> getRating() {
    return Optional.ofNullable(rating);
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Optional<Instant> getClosedAt() {
    return Optional.ofNullable(closedAt);
  }

  /** The duplicates merged into this complaint (their complainants hear of its follow-up and closure). */
  public List<Complaint> getMergedDuplicates() {
    return Collections.unmodifiableList(mergedDuplicates);
  }

  public List<TimelineEntry> getTimeline() {
    return Collections.unmodifiableList(timeline);
  }
}
