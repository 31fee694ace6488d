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
 * can take — an assignee or a candidate group — or on a timer. Checked hourly (log + metric
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
    Map<String, List<String>> instances = activeInstancesByBusinessKey();
    List<ComplaintStatus> open = ComplaintStatus.openOnes();
    List<Violation> violations = new ArrayList<>();
    int checked = 0;
    for (int page = 0; ; page++) {
      List<Complaint> batch = complaints.findByStatusIn(open, PageRequest.of(page, PAGE, Sort.by("id")));
      Map<String, String> problems = problems(batch, tn -> instances.getOrDefault(tn, List.of()));
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
    ownerless.set(violations.size());
    return new Report(checked, violations);
  }

  /** What is wrong with one open complaint, if anything. */
  public Optional<String> problem(Complaint c) {
    List<String> instances = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(c.getTrackingNumber()).active().list().stream().map(ProcessInstance::getId).toList();
    return Optional.ofNullable(problems(List.of(c), tn -> instances).get(c.getTrackingNumber()));
  }

  /**
   * What is wrong with each complaint of {@code batch} (by tracking number; the right ones left out),
   * given their active process instances: three engine queries for the whole batch, however large.
   */
  private Map<String, String> problems(List<Complaint> batch, Function<String, List<String>> activeInstances) {
    Map<String, String> problems = new HashMap<>();
    Map<String, String> complaintOf = new HashMap<>();
    for (Complaint c : batch) {
      List<String> instances = activeInstances.apply(c.getTrackingNumber());
      if (instances.size() != 1) {
        problems.put(c.getTrackingNumber(), instances.size() + " active process instances (exactly one must own it)");
      } else {
        complaintOf.put(instances.get(0), c.getTrackingNumber());
      }
    }
    if (complaintOf.isEmpty()) {
      return problems;
    }
    String[] ids = complaintOf.keySet().toArray(String[]::new);
    Set<String> waitingForSomeone = new HashSet<>();
    taskService.createTaskQuery().processInstanceIdIn(ids).taskAssigned().list()
        .forEach(t -> waitingForSomeone.add(t.getProcessInstanceId()));
    taskService.createTaskQuery().processInstanceIdIn(ids).withCandidateGroups().list()
        .forEach(t -> waitingForSomeone.add(t.getProcessInstanceId()));
    managementService.createJobQuery().processInstanceIds(complaintOf.keySet()).timers().list()
        .forEach(j -> waitingForSomeone.add(j.getProcessInstanceId()));
    complaintOf.forEach((instance, trackingNumber) -> {
      if (!waitingForSomeone.contains(instance)) {
        problems.put(trackingNumber, "waits at " + runtimeService.getActiveActivityIds(instance)
            + " with no task for a named group or person and no timer");
      }
    });
    return problems;
  }

  /** Every active process instance's id by business key (the tracking number), read in pages. */
  private Map<String, List<String>> activeInstancesByBusinessKey() {
    Map<String, List<String>> result = new HashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<ProcessInstance> page = runtimeService.createProcessInstanceQuery().active().orderByProcessInstanceId()
          .asc().listPage(first, PAGE);
      page.stream().filter(i -> i.getBusinessKey() != null)
          .forEach(i -> result.computeIfAbsent(i.getBusinessKey(), k -> new ArrayList<>()).add(i.getId()));
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
