package id.lapor.deadlines;

import id.lapor.calendar.SopDuration;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.EscalationLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Every deadline of a complaint, in one place, asked for by name: intake (a new complaint's
 * verification, a supplement's) and casework (every step of the process, the task forms, the staff
 * API) never count durations themselves. Each is computed from the {@code SopDeadlines} row of the
 * complaint's region and classification, counted as that row says (working days in the regency's
 * zone and calendar, or clock time).
 */
@Service
public class ComplaintDeadlines {

  private final SopDeadlines sop;

  ComplaintDeadlines(SopDeadlines sop) {
    this.sop = sop;
  }

  /** When verification of a complaint addressed to {@code regionCode} is due, counted from {@code from}. */
  public Instant verification(String regionCode, Classification classification, Instant from) {
    return sop.due(regionCode, classification, SopStep.VERIFICATION, from);
  }

  /** When verification of the complaint (again, at its addressed region) is due. */
  public Instant verification(Complaint complaint, Instant from) {
    return verification(complaint.getAddressedRegionCode(), complaint.getClassification(), from);
  }

  /** How long the complainant has to supply what the admin asked for. */
  public Instant supplement(Complaint complaint, Instant from) {
    return of(complaint).due(SopStep.SUPPLEMENT, from);
  }

  /** When a district office's first response is due, where the region's plug-in asks for one. */
  public Instant districtResponse(Complaint complaint, Instant from) {
    return of(complaint).due(SopStep.DISTRICT_RESPONSE, from);
  }

  /** How long the complainant may reply to a follow-up. */
  public Instant reply(Complaint complaint, Instant from) {
    return of(complaint).due(SopStep.REPLY, from);
  }

  /** When supervisors are to act on an escalated complaint. */
  public Instant supervision(Complaint complaint, Instant from) {
    return of(complaint).due(SopStep.SUPERVISION, from);
  }

  /** The OPD's follow-up clock starting {@code from}: at forwarding, reassignment or reopening. */
  public FollowUpClock followUp(Complaint complaint, Instant from) {
    return clock(complaint, SopStep.FOLLOW_UP, from);
  }

  /** The clock after a supervisor's one extension, starting {@code from}. */
  public FollowUpClock extension(Complaint complaint, Instant from) {
    return clock(complaint, SopStep.EXTENSION, from);
  }

  /** When the next level is escalated to after the first, for the OPD's deadline {@code due}. */
  public Instant nextEscalation(Complaint complaint, Instant due) {
    return of(complaint).due(SopStep.SECOND_ESCALATION, due);
  }

  /** The length of the one extension, as the SOP table writes it (for the supervisor's form). */
  public Optional<SopDuration> extensionLength(Complaint complaint) {
    return of(complaint).duration(SopStep.EXTENSION);
  }

  /** The {@code n}th level of the region's escalation chain (1 or 2). */
  public EscalationLevel escalationTarget(Complaint complaint, int n) {
    return of(complaint).escalation(n);
  }

  /** Whether lateness is sanctioned with a notice naming who was responsible (Banyuwangi). */
  public boolean sanctionNotice(Complaint complaint) {
    return of(complaint).sanctionNotice();
  }

  /** How often a complaint may be transferred before the province decides where it belongs. */
  public int maxTransfers(String regionCode, Classification classification) {
    return sop.forRegion(regionCode, classification).maxTransfers();
  }

  /** The zone the region's deadlines are counted in. */
  public ZoneId zone(String regionCode) {
    return sop.zoneOf(regionCode);
  }

  private FollowUpClock clock(Complaint complaint, SopStep period, Instant from) {
    SopParameters row = of(complaint);
    Instant due = row.due(period, from);
    return new FollowUpClock(due, row.reminder(period, from), row.due(SopStep.SECOND_ESCALATION, due),
        row.escalation(1), row.escalation(2));
  }

  private SopParameters of(Complaint complaint) {
    return sop.forRegion(complaint.getAddressedRegionCode(), complaint.getClassification());
  }

  /**
   * The OPD's clock: its deadline, when it is reminded, when the next level is escalated to after
   * the first, and the two levels of the chain (read when the clock starts, so a later change of the
   * table does not move a complaint under way).
   */
  public record FollowUpClock(Instant due, Instant reminder, Instant nextEscalation, EscalationLevel firstEscalation,
      EscalationLevel secondEscalation) {}
}
