package id.lapor.casework;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintNotFoundException;
import id.lapor.complaint.Complaints;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import id.lapor.institutions.StaffScopes;
import id.lapor.casework.steps.FormText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a Tasklist card shows of its complaint (the card plugin {@code tasklist/scripts/lapor/task-card.js}):
 * title, category, region, traffic light and deadline, read from the complaint when the list is shown,
 * so that neither the complaint's text nor personal data enter the engine's tables. Only for a task
 * the caller may see (Camunda's authorizations) of a complaint within their institutions; else 404.
 */
@RestController
@Tag(name = "Staff complaints")
class TaskCardApi {

  private final ProcessEngine engine;
  private final Complaints complaints;
  private final StaffScopes scopes;
  private final Institutions institutions;
  private final MessageSource messages;
  private final Clock clock;

  TaskCardApi(ProcessEngine engine, Complaints complaints, StaffScopes scopes, Institutions institutions,
      MessageSource messages, Clock clock) {
    this.engine = engine;
    this.complaints = complaints;
    this.scopes = scopes;
    this.institutions = institutions;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping(path = "/api/staff/tasks/{taskId}/card", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The complaint a task is about, as its Tasklist card shows it; 404 for a task the caller cannot see")
  @Transactional(readOnly = true)
  Card card(Authentication caller, @PathVariable String taskId) {
    String trackingNumber = businessKeyOfVisibleTask(caller, taskId);
    Complaint c = StaffComplaintApi.visibleTo(complaints, scopes.of(caller), trackingNumber)
        .orElseThrow(() -> new ComplaintNotFoundException("task " + taskId));
    ZoneId zone = institutions.zoneOf(c.getAddressedRegionCode());
    String light = c.trafficLight(clock.instant()).map(Enum::name).orElse("NONE");
    return new Card(c.getTrackingNumber(), c.getTitle(), label("category." + c.getCategory()),
        institutions.findById(c.getAddressedRegionCode()).map(Institution::getName).orElse(c.getAddressedRegionCode()),
        light, label("light." + light), c.getCurrentDeadline().map(d -> FormText.at(d, zone)).orElse(null),
        FormText.staffPage(c.getTrackingNumber()));
  }

  /** The tracking number of a task's complaint, when the caller may read the task (as Tasklist would list it). */
  private String businessKeyOfVisibleTask(Authentication caller, String taskId) {
    var identity = engine.getIdentityService();
    var groups = caller.getAuthorities().stream().map(a -> a.getAuthority()).toList();
    var tenants = identity.createTenantQuery().userMember(caller.getName()).includingGroupsOfUser(true).list()
        .stream().map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
    Task task;
    identity.setAuthentication(caller.getName(), groups, tenants);
    try {
      task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    } finally {
      identity.clearAuthentication();
    }
    if (task == null || task.getProcessInstanceId() == null) {
      throw new ComplaintNotFoundException("task " + taskId);
    }
    // the task's instance (officers may read their tasks, not process instances); a plug-in's task
    // carries its complaint's tracking number as business key too
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    if (instance == null || instance.getBusinessKey() == null) {
      throw new ComplaintNotFoundException("task " + taskId);
    }
    return instance.getBusinessKey();
  }

  private String label(String key) {
    return messages.getMessage(key, null, key, FormText.INDONESIAN);
  }

  /** A task card's complaint: what an officer needs to choose the next piece of work. */
  record Card(String trackingNumber, String title, String category, String region, String light, String lightLabel,
      String deadline, String page) {}
}
