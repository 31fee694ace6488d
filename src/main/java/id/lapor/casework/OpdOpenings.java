package id.lapor.casework;

import id.lapor.complaint.Complaints;
import id.lapor.institutions.InstitutionGroups;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records when an OPD first opens a complaint (the traffic light turns from red to yellow): an OPD
 * user claims one of its tasks for themself, or views the task's form. Supervisors and admins
 * looking at it do not count, nor does the engine assigning a task by itself.
 */
@Component
class OpdOpenings {

  static final Set<String> OPD_TASKS = Set.of(ComplaintTasks.DISPOSE_COMPLAINT, ComplaintTasks.PREPARE_FOLLOW_UP);

  private final Complaints complaints;
  private final IdentityService identityService;
  private final Clock clock;

  OpdOpenings(Complaints complaints, IdentityService identityService, Clock clock) {
    this.complaints = complaints;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** Task listener for {@code assignment}: a user claiming an OPD task for themself opens it. */
  void assigned(DelegateTask task) {
    var authentication = identityService.getCurrentAuthentication();
    if (!OPD_TASKS.contains(task.getTaskDefinitionKey()) || task.getAssignee() == null || authentication == null
        || !task.getAssignee().equals(authentication.getUserId())) {
      return;
    }
    String trackingNumber = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (trackingNumber != null) {
      complaints.findByTrackingNumber(trackingNumber)
          .ifPresent(c -> c.markOpened(task.getAssignee(), clock.instant()));
    }
  }

  /** The form of an OPD task was opened; counts if the viewer works for that OPD. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void formViewed(String taskKey, long complaintId) {
    var authentication = identityService.getCurrentAuthentication();
    if (!OPD_TASKS.contains(taskKey) || authentication == null || authentication.getUserId() == null) {
      return;
    }
    var complaint = complaints.getById(complaintId);
    String opd = complaint.getOpdCode().orElse(null);
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (opd != null && groups.stream().anyMatch(g -> InstitutionGroups.opdOf(g).filter(opd::equals).isPresent())) {
      complaint.markOpened(authentication.getUserId(), clock.instant());
    }
  }
}
