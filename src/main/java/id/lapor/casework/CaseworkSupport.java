package id.lapor.casework;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.TimelineEntry;
import id.lapor.deadlines.ComplaintDeadlines;
import id.lapor.institutions.Institutions;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** What every delegate needs: the complaint of the execution, the time, the actor, the SOP. */
@Component
class CaseworkSupport {

  private final Complaints complaints;
  private final ComplaintDeadlines deadlines;
  private final Clock clock;
  private final IdentityService identityService;
  private final Institutions institutions;

  CaseworkSupport(Complaints complaints, ComplaintDeadlines deadlines, Clock clock,
      IdentityService identityService, Institutions institutions) {
    this.institutions = institutions;
    this.complaints = complaints;
    this.deadlines = deadlines;
    this.clock = clock;
    this.identityService = identityService;
  }

  /**
   * The complaint an execution acts on: the one whose tracking number is the process instance's
   * business key. The engine sets the key when the complaint's instance starts and nobody can change
   * it afterwards, unlike a process variable, which the users of a task may be able to write.
   */
  Complaint complaint(DelegateExecution execution) {
    return complaintOfInstance(execution.getProcessBusinessKey());
  }

  /** The complaint a task belongs to: its process instance's business key (see above). */
  Complaint complaint(DelegateTask task) {
    return complaintOfInstance(task.getExecution().getProcessBusinessKey());
  }

  /** The complaint whose handling an instance with this business key is, or an error: never another one. */
  Complaint complaintOfInstance(String businessKey) {
    if (businessKey == null) {
      throw new IllegalStateException("The process instance has no business key: it handles no complaint");
    }
    return complaints.findByTrackingNumber(businessKey).orElseThrow(() -> new IllegalStateException(
        "No complaint has the tracking number " + businessKey + " of this process instance"));
  }

  Optional<Complaint> findComplaint(String trackingNumber) {
    return complaints.findByTrackingNumber(trackingNumber);
  }

  /** The complaint's deadlines (the SOP table's row of its region, counted as that row says). */
  ComplaintDeadlines deadlines() {
    return deadlines;
  }

  /**
   * Starts the OPD's follow-up clock for a full follow-up period from {@code now}: the deadline (due
   * date of the OPD's tasks and time of the first escalation), the reminder before it, the next
   * escalation after it, and who the two escalations go to.
   *
   * @return the follow-up deadline
   */
  Instant startFollowUpClock(DelegateExecution execution, Complaint complaint, Instant now) {
    return setClock(execution, deadlines.followUp(complaint, now));
  }

  /** Starts the clock again after a supervisor's one extension; returns the extended deadline. */
  Instant startExtendedClock(DelegateExecution execution, Complaint complaint, Instant now) {
    return setClock(execution, deadlines.extension(complaint, now));
  }

  private static Instant setClock(DelegateExecution execution, ComplaintDeadlines.FollowUpClock clock) {
    execution.setVariable(ProcessVariables.FOLLOW_UP_DUE, date(clock.due()));
    execution.setVariable(ProcessVariables.FOLLOW_UP_REMINDER_DUE, date(clock.reminder()));
    execution.setVariable(ProcessVariables.NEXT_ESCALATION_DUE, date(clock.nextEscalation()));
    execution.setVariable(ProcessVariables.FIRST_ESCALATION_TO, clock.firstEscalation().name());
    execution.setVariable(ProcessVariables.SECOND_ESCALATION_TO, clock.secondEscalation().name());
    return clock.due();
  }

  /** The province a regency or city belongs to (null for a national body without one). */
  String provinceOf(String regionCode) {
    return institutions.findById(regionCode).map(r -> r.getParentCode()).orElse(null);
  }

  Instant now() {
    return clock.instant();
  }

  /** The user completing the task that led here, or the system when a timer fired. */
  String actor() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null
        ? authentication.getUserId() : TimelineEntry.SYSTEM;
  }

  /**
   * The level at which the acting user supervises {@code complaint}: the regent's office of its regency,
   * the supervisors of its province, or the national admins (as their groups say, lowest first); the
   * complaint's own escalation level when the actor is none of them (the system, an operator).
   */
  id.lapor.complaint.EscalationLevel actorLevel(id.lapor.complaint.Complaint complaint) {
    var authentication = identityService.getCurrentAuthentication();
    java.util.List<String> groups = authentication == null || authentication.getGroupIds() == null
        ? java.util.List.of() : authentication.getGroupIds();
    String regency = complaint.getAddressedRegionCode();
    if (groups.contains(id.lapor.institutions.InstitutionGroups.regentOffice(regency))) {
      return id.lapor.complaint.EscalationLevel.REGENT;
    }
    String province = provinceOf(regency);
    if (province != null && groups.contains(id.lapor.institutions.InstitutionGroups.provinceSupervisors(province))) {
      return id.lapor.complaint.EscalationLevel.PROVINCE;
    }
    if (groups.contains(id.lapor.institutions.InstitutionGroups.NATIONAL_ADMINS)) {
      return id.lapor.complaint.EscalationLevel.NATIONAL;
    }
    return complaint.getEscalationLevel();
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  static Date date(Instant instant) {
    return Date.from(instant);
  }
}
