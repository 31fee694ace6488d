package id.lapor.casework;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "No wrong door" as an invariant: every open complaint has exactly one active process instance
 * (one owner: the institution it is addressed to), and that instance waits on a task someone named
 * can take — an assignee or a candidate group — or on a timer; it waits where the complaint's status
 * says it is (verification for a submitted complaint, the OPD's tasks for a forwarded one, the
 * complainant's reply for an answered one …); and no closed complaint, nor anything that is not a
 * complaint, still has an active instance. Checked hourly (log + metric
 * {@code lapor.complaints.ownerless}) and on demand: {@code GET /actuator/owners} (operators).
 */
@Component
@Endpoint(id = "owners")
public class ComplaintOwners {

  private static final Logger log = LoggerFactory.getLogger(ComplaintOwners.class);
  static final int PAGE = 500;

  private final Complaints complaints;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final AtomicInteger ownerless = new AtomicInteger();

  ComplaintOwners(Complaints complaints, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, MeterRegistry meters) {
    this.complaints = complaints;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    meters.gauge("lapor.complaints.ownerless", ownerless);
  }

  /** A complaint that breaks the invariant, and how. */
  public record Violation(String trackingNumber, String status, String addressedTo, String problem) {}

  public record Report(int openComplaints, List<Violation> violations) {}

  @ReadOperation
  @Transactional(readOnly = true)
  public Report check() {
    Instances instances = activeInstances();
    Map<String, Set<String>> messages = messageWaits(instances, runtimeService.createEventSubscriptionQuery()
        .eventType("message").list());
    List<ComplaintStatus> open = ComplaintStatus.openOnes();
    List<Violation> violations = new ArrayList<>();
    Set<String> openNumbers = new HashSet<>();
    int checked = 0;
    for (int page = 0; ; page++) {
      List<Complaint> batch = complaints.findByStatusIn(open, PageRequest.of(page, PAGE, Sort.by("id")));
      batch.forEach(c -> openNumbers.add(c.getTrackingNumber()));
      Map<String, String> problems = problems(batch, instances, messages);
      for (Complaint c : batch) {
        // instances were listed before this page was read: a complaint submitted or closed meanwhile is
        // asked about again on its own before it is reported
        Optional<String> problem = Optional.ofNullable(problems.get(c.getTrackingNumber()))
            .flatMap(p -> problem(c));
        problem.ifPresent(p -> violations.add(new Violation(c.getTrackingNumber(), c.getStatus().name(),
            c.getAddressedRegionCode(), p)));
      }
      checked += batch.size();
      if (batch.size() < PAGE) {
        break;
      }
    }
    violations.addAll(instancesWithoutOpenComplaint(instances, openNumbers));
    ownerless.set(violations.size());
    return new Report(checked, violations);
  }

  /** What is wrong with one open complaint, if anything. */
  public Optional<String> problem(Complaint c) {
    Instances instances = new Instances(new HashMap<>(), new HashMap<>(), new HashMap<>());
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(c.getTrackingNumber()).active().list()
        .forEach(instances::add);
    List<org.camunda.bpm.engine.runtime.EventSubscription> subscriptions = new ArrayList<>();
    instances.roots().getOrDefault(c.getTrackingNumber(), List.of()).forEach(root -> subscriptions.addAll(
        runtimeService.createEventSubscriptionQuery().eventType("message").processInstanceId(root).list()));
    return Optional.ofNullable(problems(List.of(c), instances, messageWaits(instances, subscriptions))
        .get(c.getTrackingNumber()));
  }

  /**
   * Active instances by business key: the complaint's own (root) instances, and every instance of it,
   * plug-ins (called processes, same business key) included.
   */
  record Instances(Map<String, List<String>> roots, Map<String, List<String>> all, Map<String, String> keyOf) {
    void add(ProcessInstance i) {
      if (i.getBusinessKey() == null) {
        return;
      }
      keyOf.put(i.getId(), i.getBusinessKey());
      all.computeIfAbsent(i.getBusinessKey(), k -> new ArrayList<>()).add(i.getId());
      if (i.getId().equals(i.getRootProcessInstanceId())) {
        roots.computeIfAbsent(i.getBusinessKey(), k -> new ArrayList<>()).add(i.getId());
      }
    }
  }

  /**
   * Active instances whose business key is no open complaint's: a closed complaint whose handling
   * goes on, or an instance of no complaint at all. Asked again one by one before being reported.
   */
  private List<Violation> instancesWithoutOpenComplaint(Instances instances, Set<String> openNumbers) {
    List<String> others = instances.roots().keySet().stream().filter(tn -> !openNumbers.contains(tn)).sorted().toList();
    List<Violation> violations = new ArrayList<>();
    for (int from = 0; from < others.size(); from += PAGE) {
      List<String> keys = others.subList(from, Math.min(others.size(), from + PAGE));
      Map<String, Complaint> known = new HashMap<>();
      complaints.findByTrackingNumberIn(keys).forEach(c -> known.put(c.getTrackingNumber(), c));
      for (String key : keys) {
        Complaint c = known.get(key);
        if (c != null && c.getStatus().isOpen()) {
          continue;
        }
        List<String> still = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).active().list()
            .stream().map(ProcessInstance::getId).toList();
        if (!still.isEmpty()) {
          violations.add(c == null
              ? new Violation(key, "-", "-", "process instance " + still + " handles no complaint (no complaint has "
                  + "this tracking number)")
              : new Violation(key, c.getStatus().name(), c.getAddressedRegionCode(), "the complaint is closed but its "
                  + "process instance " + still + " is still active"));
        }
      }
    }
    return violations;
  }

  /**
   * Where an instance must be waiting for a complaint of this status: a task of the step it is in, or
   * the complainant's message; empty when the status and the process agree.
   */
  static Optional<String> disagreement(ComplaintStatus status, Set<String> tasks, Set<String> messages) {
    String expected = switch (status) {
      case SUBMITTED -> tasks.contains(ComplaintTasks.VERIFY_COMPLAINT) ? null : "Verify complaint";
      case REFERRED_TO_NATIONAL -> tasks.contains(ComplaintTasks.VERIFY_COMPLAINT_NATIONALLY) ? null
          : "Verify complaint nationally";
      case AWAITING_INFORMATION -> messages.contains(ComplaintProcess.MESSAGE_SUPPLEMENT_RECEIVED) ? null
          : "the complainant's supplement";
      case FORWARDED, IN_PROGRESS -> tasks.stream().anyMatch(OPD_STEPS::contains) ? null : "a task of the OPD";
      case ANSWERED -> messages.contains(ComplaintProcess.MESSAGE_REPLY_RECEIVED) ? null : "the complainant's reply";
      default -> "no active instance (the complaint is closed)";
    };
    return Optional.ofNullable(expected).map(e -> "its status is " + status + " but the process does not wait for "
        + e + " (it waits at " + (tasks.isEmpty() && messages.isEmpty() ? "nothing of the kind" : tasks + " " + messages)
        + ")");
  }

  /**
   * The tasks of a complaint at its OPD, plug-ins' included (Banyuwangi's camat coordinates the first
   * response, Bangka Selatan's head of the OPD reviews the follow-up).
   */
  static final Set<String> OPD_STEPS = Set.of(ComplaintTasks.COORDINATE_FIRST_RESPONSE,
      ComplaintTasks.DISPOSE_COMPLAINT, ComplaintTasks.PREPARE_FOLLOW_UP, ComplaintTasks.REVIEW_FOLLOW_UP);

  /**
   * What is wrong with each complaint of {@code batch} (by tracking number; the right ones left out),
   * given the active instances: four engine queries for the whole batch, however large. A complaint's
   * tasks and timers may be in a plug-in's instance; its messages arrive at its own.
   */
  private Map<String, String> problems(List<Complaint> batch, Instances instances,
      Map<String, Set<String>> messages) {
    Map<String, String> problems = new HashMap<>();
    Map<String, Complaint> owned = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (Complaint c : batch) {
      List<String> roots = instances.roots().getOrDefault(c.getTrackingNumber(), List.of());
      if (roots.size() != 1) {
        problems.put(c.getTrackingNumber(), roots.size() + " active process instances (exactly one must own it)");
      } else {
        owned.put(c.getTrackingNumber(), c);
        ids.addAll(instances.all().getOrDefault(c.getTrackingNumber(), List.of()));
      }
    }
    if (owned.isEmpty()) {
      return problems;
    }
    Set<String> waitingForSomeone = new HashSet<>();
    Map<String, Set<String>> tasks = new HashMap<>();
    Function<String, String> key = id -> instances.keyOf().get(id);
    String[] idArray = ids.toArray(String[]::new);
    taskService.createTaskQuery().processInstanceIdIn(idArray).list().forEach(t -> {
      tasks.computeIfAbsent(key.apply(t.getProcessInstanceId()), k -> new HashSet<>()).add(t.getTaskDefinitionKey());
      if (t.getAssignee() != null) {
        waitingForSomeone.add(key.apply(t.getProcessInstanceId()));
      }
    });
    taskService.createTaskQuery().processInstanceIdIn(idArray).withCandidateGroups().list()
        .forEach(t -> waitingForSomeone.add(key.apply(t.getProcessInstanceId())));
    managementService.createJobQuery().processInstanceIds(new HashSet<>(ids)).timers().list()
        .forEach(j -> waitingForSomeone.add(key.apply(j.getProcessInstanceId())));
    owned.forEach((trackingNumber, c) -> {
      if (!waitingForSomeone.contains(trackingNumber)) {
        String root = instances.roots().get(trackingNumber).get(0);
        problems.put(trackingNumber, "waits at " + runtimeService.getActiveActivityIds(root)
            + " with no task for a named group or person and no timer");
        return;
      }
      disagreement(c.getStatus(), tasks.getOrDefault(trackingNumber, Set.of()),
          messages.getOrDefault(trackingNumber, Set.of())).ifPresent(p -> problems.put(trackingNumber, p));
    });
    return problems;
  }

  /** The messages each complaint's instances wait for, by tracking number. */
  private static Map<String, Set<String>> messageWaits(Instances instances,
      List<org.camunda.bpm.engine.runtime.EventSubscription> subscriptions) {
    Map<String, Set<String>> messages = new HashMap<>();
    subscriptions.stream().filter(s -> instances.keyOf().containsKey(s.getProcessInstanceId()))
        .forEach(s -> messages.computeIfAbsent(instances.keyOf().get(s.getProcessInstanceId()), k -> new HashSet<>())
            .add(s.getEventName()));
    return messages;
  }

  /** Every active process instance, read in pages. */
  private Instances activeInstances() {
    Instances result = new Instances(new HashMap<>(), new HashMap<>(), new HashMap<>());
    for (int first = 0; ; first += PAGE) {
      List<ProcessInstance> page = runtimeService.createProcessInstanceQuery().active().orderByProcessInstanceId()
          .asc().listPage(first, PAGE);
      page.forEach(result::add);
      if (page.size() < PAGE) {
        return result;
      }
    }
  }

  @Scheduled(cron = "${lapor.owners.check-cron:0 17 * * * *}")
  void hourly() {
    Report report = check();
    report.violations().forEach(v -> log.warn("Complaint without an owner: {} ({}, at {}): {}", v.trackingNumber(),
        v.status(), v.addressedTo(), v.problem()));
  }
}
