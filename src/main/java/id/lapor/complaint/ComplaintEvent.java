package id.lapor.complaint;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened to a complaint, announced by the complaint itself as it happens and published in
 * the transaction that changed it (see {@link ComplaintEventPublishing}): supervision keeps its read
 * model and figures, notifications its outbox, each in its own tables. Every event is also one entry
 * of the complaint's timeline, written by the complaint; {@link #of(TimelineEntry)} reads an entry
 * back as its event (a rebuild replays a timeline that way).
 *
 * <p>The events are named by what happened to the complaint (object and past participle). Each
 * knows the part of the timeline entry that is its own: the institution it concerns, a reason code,
 * a note, a rating.
 *
 * <p>Long because it holds every kind of event (one short record each) in one sealed type, so that the
 * timeline is read back as events in one place and no kind can be forgotten.
 */
public sealed interface ComplaintEvent {

  /** The complaint, when and by whom, and the timeline entry that records it. */
  Occurrence occurrence();

  TimelineEventType type();

  /** The institution the event concerns, as the timeline names it. */
  default String institutionCode() {
    return null;
  }

  default String reasonCode() {
    return null;
  }

  default String note() {
    return null;
  }

  default Integer rating() {
    return null;
  }

  default Complaint complaint() {
    return occurrence().complaint();
  }

  default Instant at() {
    return occurrence().at();
  }

  /** When and by whom a complaint changed, and (once recorded) the entry on its timeline. */
  final class Occurrence {
    private final Complaint complaint;
    private final Instant at;
    private final String actor;
    private TimelineEntry entry;

    Occurrence(Complaint complaint, Instant at, String actor) {
      this.complaint = Objects.requireNonNull(complaint);
      this.at = Objects.requireNonNull(at);
      this.actor = Objects.requireNonNull(actor);
    }

    private Occurrence(TimelineEntry entry) {
      this(entry.getComplaint(), entry.getOccurredAt(), entry.getActor());
      this.entry = entry;
    }

    public Complaint complaint() {
      return complaint;
    }

    public Instant at() {
      return at;
    }

    /** A staff user id, {@link TimelineEntry#COMPLAINANT} or {@link TimelineEntry#SYSTEM}. */
    public String actor() {
      return actor;
    }

    /** The entry that records the event on the complaint's timeline. */
    public TimelineEntry entry() {
      return entry;
    }

    void recordedAs(TimelineEntry recorded) {
      if (entry != null) {
        throw new IllegalStateException("an event is recorded once");
      }
      entry = recorded;
    }
  }

  /** The event a timeline entry records. */
  static ComplaintEvent of(TimelineEntry e) {
    Occurrence o = new Occurrence(e);
    String inst = e.getInstitutionCode();
    String note = e.getNote();
    return switch (e.getType()) {
      case SUBMITTED -> new ComplaintSubmitted(o, inst, e.getReasonCode() == null ? null : Channel.valueOf(e.getReasonCode()));
      case INFORMATION_REQUESTED -> new InformationRequested(o, inst, note);
      case SUPPLEMENTED -> new ComplaintSupplemented(o, inst, note);
      case REFERRED_TO_NATIONAL -> new ComplaintReferredToNational(o, inst, note);
      case ADDRESSED_TO_REGENCY -> new ComplaintAddressedToRegency(o, inst);
      case FORWARDED -> new ComplaintForwarded(o, inst);
      case FIRST_RESPONSE_GIVEN -> new FirstResponseGiven(o, inst, note);
      case OPENED -> new ComplaintOpened(o, inst);
      case DISPOSED -> new ComplaintDisposed(o, inst, note);
      case RETURNED -> new ComplaintReturned(o, inst, e.getReasonCode(), note);
      case REMINDED -> new OpdReminded(o, inst, note);
      case ESCALATED -> new ComplaintEscalated(o, inst, EscalationLevel.valueOf(e.getReasonCode()), note);
      case SANCTION_NOTICE_ISSUED -> new SanctionNoticeIssued(o, inst, note);
      case SUPERVISED -> new ComplaintSupervised(o, inst,
          e.getReasonCode() == null ? EscalationLevel.NONE : EscalationLevel.valueOf(e.getReasonCode()), note);
      case REASSIGNED -> new ComplaintReassigned(o, inst, note);
      case DEADLINE_EXTENDED -> new DeadlineExtended(o, inst, note);
      case FOLLOW_UP_REVIEWED -> new FollowUpReviewed(o, inst, Complaint.ReviewOutcome.valueOf(e.getReasonCode()), note);
      case FOLLOW_UP_POSTED -> new FollowUpPosted(o, inst, note);
      case FOLLOW_UP_ACCEPTED -> new FollowUpAccepted(o, inst, e.getRating(), note);
      case FOLLOW_UP_DISPUTED -> new FollowUpDisputed(o, inst, e.getRating(), note);
      case REOPENED -> new ComplaintReopened(o, inst,
          e.getReasonCode() == null ? ComplaintStatus.IN_PROGRESS : ComplaintStatus.valueOf(e.getReasonCode()));
      case RESOLVED -> new ComplaintResolved(o, inst, Resolution.valueOf(e.getReasonCode()));
      case ARCHIVED -> new ComplaintArchived(o, inst, ArchiveReason.valueOf(e.getReasonCode()), note);
      case MERGED -> new ComplaintMerged(o, inst, note);
      case DUPLICATE_LINKED -> new DuplicateLinked(o, inst, note);
      case UNMERGED -> new ComplaintUnmerged(o, inst, note);
      case DUPLICATE_UNLINKED -> new DuplicateUnlinked(o, inst, note);
      case TRANSFERRED -> new ComplaintTransferred(o, inst, note);
      case ME_TOO -> new MeTooCounted(o, inst);
      case DEADLINE_RECALCULATED -> new DeadlineRecalculated(o, inst, Integer.parseInt(e.getReasonCode()), note);
    };
  }

  /** Received from the complainant, addressed to {@code regencyCode}, through {@code channel}. */
  record ComplaintSubmitted(Occurrence occurrence, String regencyCode, Channel channel) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.SUBMITTED; }
    public String institutionCode() { return regencyCode; }
    public String reasonCode() { return channel == null ? null : channel.name(); }
  }

  /** The admin asked the complainant to complete the report. */
  record InformationRequested(Occurrence occurrence, String handlerCode, String question) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.INFORMATION_REQUESTED; }
    public String institutionCode() { return handlerCode; }
    public String note() { return question; }
  }

  /** The complainant supplied what was asked; verification starts again. */
  record ComplaintSupplemented(Occurrence occurrence, String handlerCode, String text) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.SUPPLEMENTED; }
    public String institutionCode() { return handlerCode; }
    public String note() { return text; }
  }

  /** Not within the regency's authority: up to the national admin. */
  record ComplaintReferredToNational(Occurrence occurrence, String fromCode, String reason) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.REFERRED_TO_NATIONAL; }
    public String institutionCode() { return fromCode; }
    public String note() { return reason; }
  }

  /** The national admin addressed it to the regency, city or national body that must verify it. */
  record ComplaintAddressedToRegency(Occurrence occurrence, String regencyCode) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.ADDRESSED_TO_REGENCY; }
    public String institutionCode() { return regencyCode; }
  }

  /** Verified and forwarded to an OPD. */
  record ComplaintForwarded(Occurrence occurrence, String opdCode) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.FORWARDED; }
    public String institutionCode() { return opdCode; }
  }

  /** A district office (camat) gave the first response. */
  record FirstResponseGiven(Occurrence occurrence, String districtOfficeCode, String what) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.FIRST_RESPONSE_GIVEN; }
    public String institutionCode() { return districtOfficeCode; }
    public String note() { return what; }
  }

  /** An OPD user opened it: the light turns yellow. */
  record ComplaintOpened(Occurrence occurrence, String opdCode) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.OPENED; }
    public String institutionCode() { return opdCode; }
  }

  /** The OPD's liaison assigned it to an officer (or to all the OPD's officers: {@code officer} null). */
  record ComplaintDisposed(Occurrence occurrence, String opdCode, String officer) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.DISPOSED; }
    public String institutionCode() { return opdCode; }
    public String note() { return officer; }
  }

  /** The OPD gave it back to the regency admin as not its authority, perhaps naming who has it. */
  record ComplaintReturned(Occurrence occurrence, String fromOpdCode, String suggestedCode, String reason)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.RETURNED; }
    public String institutionCode() { return fromOpdCode; }
    public String reasonCode() { return suggestedCode; }
    public String note() { return reason; }
  }

  /** Part of the OPD's time passed without a follow-up: the OPD was reminded. */
  record OpdReminded(Occurrence occurrence, String opdCode, String responsible) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.REMINDED; }
    public String institutionCode() { return opdCode; }
    public String note() { return responsible; }
  }

  /** The follow-up deadline passed: escalated to {@code level}, at {@code targetCode}. */
  record ComplaintEscalated(Occurrence occurrence, String targetCode, EscalationLevel level, String responsible)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.ESCALATED; }
    public String institutionCode() { return targetCode; }
    public String reasonCode() { return level.name(); }
    public String note() { return responsible; }
  }

  /** The SOP sanctions lateness: a notice naming who was responsible. */
  record SanctionNoticeIssued(Occurrence occurrence, String opdCode, String responsible) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.SANCTION_NOTICE_ISSUED; }
    public String institutionCode() { return opdCode; }
    public String note() { return responsible; }
  }

  /** A supervisor recorded what was done about the overdue complaint. */
  record ComplaintSupervised(Occurrence occurrence, String handlerCode, EscalationLevel level, String what)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.SUPERVISED; }
    public String institutionCode() { return handlerCode; }
    public String reasonCode() { return level.name(); }
    public String note() { return what; }
  }

  /** A supervisor moved it to another OPD of the regency. */
  record ComplaintReassigned(Occurrence occurrence, String opdCode, String reason) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.REASSIGNED; }
    public String institutionCode() { return opdCode; }
    public String note() { return reason; }
  }

  /** A supervisor extended the OPD's deadline (once), for a reason the complainant sees. */
  record DeadlineExtended(Occurrence occurrence, String opdCode, String reason) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.DEADLINE_EXTENDED; }
    public String institutionCode() { return opdCode; }
    public String note() { return reason; }
  }

  /** The head of the OPD reviewed the officer's draft follow-up. */
  record FollowUpReviewed(Occurrence occurrence, String opdCode, Complaint.ReviewOutcome outcome, String remark)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.FOLLOW_UP_REVIEWED; }
    public String institutionCode() { return opdCode; }
    public String reasonCode() { return outcome.name(); }
    public String note() { return remark; }
  }

  /** The OPD answered the complainant. */
  record FollowUpPosted(Occurrence occurrence, String opdCode, String text) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.FOLLOW_UP_POSTED; }
    public String institutionCode() { return opdCode; }
    public String note() { return text; }
  }

  /** The complainant accepted the follow-up. */
  record FollowUpAccepted(Occurrence occurrence, String opdCode, Integer score, String comment)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.FOLLOW_UP_ACCEPTED; }
    public String institutionCode() { return opdCode; }
    public String note() { return comment; }
    public Integer rating() { return score; }
  }

  /** The complainant disputed the follow-up. */
  record FollowUpDisputed(Occurrence occurrence, String opdCode, Integer score, String comment)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.FOLLOW_UP_DISPUTED; }
    public String institutionCode() { return opdCode; }
    public String note() { return comment; }
    public Integer rating() { return score; }
  }

  /** Back to the OPD after a dispute, to the status it returned to. */
  record ComplaintReopened(Occurrence occurrence, String opdCode, ComplaintStatus statusAfter)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.REOPENED; }
    public String institutionCode() { return opdCode; }
    public String reasonCode() { return statusAfter.name(); }
  }

  /** Closed as resolved: accepted, or unanswered for the reply period. */
  record ComplaintResolved(Occurrence occurrence, String handlerCode, Resolution resolution)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.RESOLVED; }
    public String institutionCode() { return handlerCode; }
    public String reasonCode() { return resolution.name(); }
  }

  /** Closed without a follow-up, for a reason. */
  record ComplaintArchived(Occurrence occurrence, String handlerCode, ArchiveReason reason, String remark)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.ARCHIVED; }
    public String institutionCode() { return handlerCode; }
    public String reasonCode() { return reason.name(); }
    public String note() { return remark; }
  }

  /** Closed as a duplicate of the open complaint {@code masterTrackingNumber}. */
  record ComplaintMerged(Occurrence occurrence, String handlerCode, String masterTrackingNumber)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.MERGED; }
    public String institutionCode() { return handlerCode; }
    public String note() { return masterTrackingNumber; }
  }

  /** On the master: a duplicate joined it. */
  record DuplicateLinked(Occurrence occurrence, String handlerCode, String duplicateTrackingNumber)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.DUPLICATE_LINKED; }
    public String institutionCode() { return handlerCode; }
    public String note() { return duplicateTrackingNumber; }
  }

  /** Taken out of a merge: verified on its own again. */
  record ComplaintUnmerged(Occurrence occurrence, String handlerCode, String masterTrackingNumber)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.UNMERGED; }
    public String institutionCode() { return handlerCode; }
    public String note() { return masterTrackingNumber; }
  }

  /** On the master: a merged duplicate left it. */
  record DuplicateUnlinked(Occurrence occurrence, String handlerCode, String duplicateTrackingNumber)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.DUPLICATE_UNLINKED; }
    public String institutionCode() { return handlerCode; }
    public String note() { return duplicateTrackingNumber; }
  }

  /** Moved to another regency, city or national body, which verifies it afresh. */
  record ComplaintTransferred(Occurrence occurrence, String toCode, String reason) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.TRANSFERRED; }
    public String institutionCode() { return toCode; }
    public String note() { return reason; }
  }

  /** One more person reports the same ("saya juga"). */
  record MeTooCounted(Occurrence occurrence, String handlerCode) implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.ME_TOO; }
    public String institutionCode() { return handlerCode; }
  }

  /**
   * The current deadline was computed again because the holidays of {@code year} were loaded after it had
   * been computed provisionally; {@code previous} says what it was.
   */
  record DeadlineRecalculated(Occurrence occurrence, String handlerCode, int year, String previous)
      implements ComplaintEvent {
    public TimelineEventType type() { return TimelineEventType.DEADLINE_RECALCULATED; }
    public String institutionCode() { return handlerCode; }
    public String reasonCode() { return Integer.toString(year); }
    public String note() { return previous; }
  }
}
