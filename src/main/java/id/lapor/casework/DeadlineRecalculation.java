package id.lapor.casework;

import id.lapor.calendar.HolidaysLoaded;
import id.lapor.casework.steps.FormText;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TimelineEventType;
import id.lapor.deadlines.ComplaintDeadlines;
import id.lapor.institutions.Institutions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a year's holidays are loaded, the running deadlines computed without them (provisionally, on
 * the fixed-date holidays only) are computed again from when their clock started: the complaint's
 * current deadline and the read model (through the complaint's event), the process variables that
 * feed later timers and forms, the timers already waiting (reminder, escalation, reply, supplement)
 * and the tasks' due dates move together, each change on the complaint's staff timeline. A deadline
 * already passed stays as it was. One transaction per complaint.
 */
@Component
class DeadlineRecalculation {

  private static final Logger log = LoggerFactory.getLogger(DeadlineRecalculation.class);
  private static final int BATCH = 200;

  /** Timeline entries that start the verification clock. */
  static final Set<TimelineEventType> VERIFICATION_STARTS = EnumSet.of(TimelineEventType.SUBMITTED,
      TimelineEventType.ADDRESSED_TO_REGENCY, TimelineEventType.TRANSFERRED, TimelineEventType.SUPPLEMENTED,
      TimelineEventType.REFERRED_TO_NATIONAL, TimelineEventType.RETURNED, TimelineEventType.UNMERGED);
  /** Timeline entries that start the OPD's follow-up clock. */
  static final Set<TimelineEventType> FOLLOW_UP_STARTS = EnumSet.of(TimelineEventType.FORWARDED,
      TimelineEventType.REASSIGNED, TimelineEventType.REOPENED, TimelineEventType.DEADLINE_EXTENDED);

  private final Complaints complaints;
  private final ComplaintDeadlines deadlines;
  private final Institutions institutions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final org.camunda.bpm.engine.RepositoryService repository;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DeadlineRecalculation(Complaints complaints, ComplaintDeadlines deadlines, Institutions institutions,
      RuntimeService runtime, TaskService tasks, ManagementService management,
      org.camunda.bpm.engine.RepositoryService repository, TransactionTemplate transactions, Clock clock) {
    this.repository = repository;
    this.complaints = complaints;
    this.deadlines = deadlines;
    this.institutions = institutions;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    // its own transaction per complaint, also when called after another has committed (whose resources
    // are still bound then: joining it would write nothing)
    this.transactions = new TransactionTemplate(transactions.getTransactionManager());
    this.transactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void holidaysLoaded(HolidaysLoaded loaded) {
    int moved = recalculate(loaded.year());
    log.info("Holidays of {} loaded: {} running deadline(s) computed again", loaded.year(), moved);
  }

  /** Computes again the open complaints' deadlines that reach into {@code year}; answers how many moved. */
  int recalculate(int year) {
    // the earliest instant of the year in any Indonesian zone (WIT, UTC+9); escalated complaints whose
    // OPD deadline passed shortly before may still have escalation dates ahead in it
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.ofHours(9)).toInstant()
        .minus(java.time.Duration.ofDays(31));
    List<ComplaintStatus> open = ComplaintStatus.openOnes();
    Instant sopSince = sopInForceSince();
    int moved = 0;
    long after = 0;
    while (true) {
      List<Long> ids = complaints.idsWithDeadlineFrom(after, open, from, PageRequest.of(0, BATCH));
      for (Long id : ids) {
        try {
          Boolean changed = transactions.execute(s -> recalculate(complaints.getById(id), year, sopSince));
          moved += Boolean.TRUE.equals(changed) ? 1 : 0;
        } catch (RuntimeException e) {
          log.error("Deadline of complaint #{} not computed again after loading {}; it keeps its provisional "
              + "deadline", id, year, e);
        }
      }
      if (ids.size() < BATCH) {
        return moved;
      }
      after = ids.get(ids.size() - 1);
    }
  }

  /**
   * When the SOP table in force was deployed: a clock that started before keeps the rules it started
   * with, which cannot be computed again here (only the calendar may move a deadline), so it is left.
   */
  private Instant sopInForceSince() {
    var definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(
        id.lapor.deadlines.SopDeadlines.DECISION_KEY).withoutTenantId().latestVersion().singleResult();
    if (definition == null) {
      return Instant.MIN;
    }
    var deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    return deployment == null || deployment.getDeploymentTime() == null ? Instant.MIN
        : deployment.getDeploymentTime().toInstant();
  }

  /**
   * One complaint: its current clock computed again from where it started. A clock that started before
   * the SOP table in force ({@code sopSince}) is left: only the calendar may move a deadline here.
   */
  private boolean recalculate(Complaint c, int year, Instant sopSince) {
    Instant now = clock.instant();
    Instant old = c.getCurrentDeadline().orElse(null);
    if (old == null) {
      return false;
    }
    if (!old.isAfter(now)) {
      // the OPD's deadline passed and stays; what the escalation set going may still lie ahead
      return escalationsMoved(c, old, now, sopSince);
    }
    TimelineEntry start = latest(c, startsOf(c.getStatus()));
    if (start == null) {
      return false;
    }
    Instant from = start.getOccurredAt();
    List<String> instances = instances(c);
    // the variables of the clock in force, old value → new value
    Map<String, Instant[]> moves = new LinkedHashMap<>();
    Instant due;
    switch (c.getStatus()) {
      case SUBMITTED, REFERRED_TO_NATIONAL -> {
        due = deadlines.verification(c, from);
        moves.put(ProcessVariables.VERIFICATION_DUE, new Instant[] {old, due});
      }
      case AWAITING_INFORMATION -> {
        due = deadlines.supplement(c, from);
        moves.put(ProcessVariables.SUPPLEMENT_DUE, new Instant[] {old, due});
      }
      case FORWARDED, IN_PROGRESS -> {
        var clockNow = start.getType() == TimelineEventType.DEADLINE_EXTENDED
            ? deadlines.extension(c, from) : deadlines.followUp(c, from);
        due = clockNow.due();
        var before = variables(instances, ProcessVariables.FOLLOW_UP_REMINDER_DUE, ProcessVariables.NEXT_ESCALATION_DUE);
        moves.put(ProcessVariables.FOLLOW_UP_DUE, new Instant[] {old, due});
        moves.put(ProcessVariables.FOLLOW_UP_REMINDER_DUE,
            new Instant[] {before.get(ProcessVariables.FOLLOW_UP_REMINDER_DUE), clockNow.reminder()});
        moves.put(ProcessVariables.NEXT_ESCALATION_DUE,
            new Instant[] {before.get(ProcessVariables.NEXT_ESCALATION_DUE), clockNow.nextEscalation()});
      }
      case ANSWERED -> {
        due = deadlines.reply(c, from);
        moves.put(ProcessVariables.REPLY_DUE, new Instant[] {old, due});
      }
      default -> {
        return false;
      }
    }
    if (due.equals(old)) {
      return false;
    }
    if (from.isBefore(sopSince)) {
      log.warn("{}: the SOP table changed since its clock started; its deadline {} is left as it was",
          c.getTrackingNumber(), old);
      return false;
    }
    moveAll(c, instances, moves, now);
    c.recalculateDeadline(due, year, "Kalender " + year + " dimuat; tenggat sebelumnya "
        + FormText.at(old, institutions.zoneOf(c.getAddressedRegionCode())) + " (sementara)", now);
    return true;
  }

  /**
   * An escalated complaint whose OPD deadline has passed: the supervisors' deadline and the next
   * level's escalation, when still ahead, computed again (from the escalation and from the passed
   * deadline, which stays). No timeline entry: the complaint's own deadline did not move.
   */
  private boolean escalationsMoved(Complaint c, Instant passedDue, Instant now, Instant sopSince) {
    if ((c.getStatus() != ComplaintStatus.FORWARDED && c.getStatus() != ComplaintStatus.IN_PROGRESS)
        || c.getEscalationLevel() == id.lapor.complaint.EscalationLevel.NONE) {
      return false;
    }
    TimelineEntry escalated = latest(c, EnumSet.of(TimelineEventType.ESCALATED));
    if (escalated == null || escalated.getOccurredAt().isBefore(sopSince)) {
      return false;
    }
    List<String> instances = instances(c);
    var before = variables(instances, ProcessVariables.SUPERVISION_DUE, ProcessVariables.NEXT_ESCALATION_DUE);
    Map<String, Instant[]> moves = new LinkedHashMap<>();
    moves.put(ProcessVariables.SUPERVISION_DUE, new Instant[] {before.get(ProcessVariables.SUPERVISION_DUE),
        deadlines.supervision(c, escalated.getOccurredAt())});
    moves.put(ProcessVariables.NEXT_ESCALATION_DUE, new Instant[] {before.get(ProcessVariables.NEXT_ESCALATION_DUE),
        deadlines.nextEscalation(c, passedDue)});
    return moveAll(c, instances, moves, now);
  }

  /** Moves each variable whose old value is still ahead and changed; answers whether any moved. */
  private boolean moveAll(Complaint c, List<String> instances, Map<String, Instant[]> moves, Instant now) {
    boolean moved = false;
    for (var move : moves.entrySet()) {
      Instant from = move.getValue()[0];
      Instant to = move.getValue()[1];
      if (from != null && from.isAfter(now) && !from.equals(to)) {
        move(instances, move.getKey(), from, to);
        log.info("{}: {} computed again, {} → {}", c.getTrackingNumber(), move.getKey(), from, to);
        moved = true;
      }
    }
    return moved;
  }

  /** The variable where it is set, the timers waiting for its old value and the tasks due then. */
  private void move(List<String> instances, String variable, Instant from, Instant to) {
    Date old = Date.from(from);
    Date moved = Date.from(to);
    if (instances.isEmpty()) {
      return;
    }
    runtime.createVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new)).variableName(variable)
        .list().stream().filter(v -> old.equals(v.getValue()))
        .forEach(v -> runtime.setVariableLocal(v.getExecutionId(), variable, moved));
    for (String instance : instances) {
      management.createJobQuery().processInstanceId(instance).timers().list().stream()
          .filter(job -> old.equals(job.getDuedate()))
          .forEach(job -> management.setJobDuedate(job.getId(), moved));
      for (var task : tasks.createTaskQuery().processInstanceId(instance).list()) {
        if (old.equals(task.getDueDate())) {
          tasks.setDueDate(task.getId(), moved);
        }
        if (old.equals(task.getFollowUpDate())) {
          tasks.setFollowUpDate(task.getId(), moved);
        }
      }
    }
  }

  /** The complaint's process instances and the regional plug-ins they called (which get the deadlines passed in). */
  private List<String> instances(Complaint c) {
    List<String> ids = new java.util.ArrayList<>(runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(c.getTrackingNumber()).list().stream().map(ProcessInstance::getId).toList());
    for (int i = 0; i < ids.size(); i++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list().stream()
          .map(ProcessInstance::getId).filter(id -> !ids.contains(id)).forEach(ids::add);
    }
    return ids;
  }

  private Map<String, Instant> variables(List<String> instances, String... names) {
    Map<String, Instant> found = new LinkedHashMap<>();
    if (instances.isEmpty()) {
      return found;
    }
    runtime.createVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new)).variableNameIn(names)
        .list().forEach(v -> {
          if (v.getValue() instanceof Date d) {
            found.put(v.getName(), d.toInstant());
          }
        });
    return found;
  }

  private static Set<TimelineEventType> startsOf(ComplaintStatus status) {
    return switch (status) {
      case AWAITING_INFORMATION -> EnumSet.of(TimelineEventType.INFORMATION_REQUESTED);
      case FORWARDED, IN_PROGRESS -> FOLLOW_UP_STARTS;
      case ANSWERED -> EnumSet.of(TimelineEventType.FOLLOW_UP_POSTED);
      default -> VERIFICATION_STARTS;
    };
  }

  private static TimelineEntry latest(Complaint c, Set<TimelineEventType> types) {
    List<TimelineEntry> timeline = c.getTimeline();
    for (int i = timeline.size() - 1; i >= 0; i--) {
      if (types.contains(timeline.get(i).getType())) {
        return timeline.get(i);
      }
    }
    return null;
  }
}
