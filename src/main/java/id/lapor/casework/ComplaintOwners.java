package id.lapor.casework;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
    List<ComplaintStatus> open = ComplaintStatus.openOnes();
    List<Violation> violations = new ArrayList<>();
    int checked = 0;
    for (int page = 0; ; page++) {
      List<Complaint> batch = complaints.findByStatusIn(open, PageRequest.of(page, PAGE, Sort.by("id")));
      for (Complaint c : batch) {
        problem(c).ifPresent(p -> violations.add(new Violation(c.getTrackingNumber(), c.getStatus().name(),
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
    var instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(c.getTrackingNumber())
        .active().list();
    if (instances.size() != 1) {
      return Optional.of(instances.size() + " active process instances (exactly one must own it)");
    }
    String instance = instances.get(0).getId();
    boolean taskForSomeone = taskService.createTaskQuery().processInstanceId(instance).list().stream()
        .anyMatch(t -> t.getAssignee() != null || taskService.getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null));
    boolean timer = managementService.createJobQuery().processInstanceId(instance).timers().count() > 0;
    if (!taskForSomeone && !timer) {
      return Optional.of("waits at " + runtimeService.getActiveActivityIds(instance)
          + " with no task for a named group or person and no timer");
    }
    return Optional.empty();
  }

  @Scheduled(cron = "${lapor.owners.check-cron:0 17 * * * *}")
  void hourly() {
    Report report = check();
    report.violations().forEach(v -> log.warn("Complaint without an owner: {} ({}, at {}): {}", v.trackingNumber(),
        v.status(), v.addressedTo(), v.problem()));
  }
}
