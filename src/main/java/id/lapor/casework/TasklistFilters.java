package id.lapor.casework;

import java.util.List;
import java.util.Map;
import id.lapor.institutions.RoleAuthorizations;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every case worker starts with: the complaints waiting for one of their
 * groups, and those assigned to them, oldest due first, each listed with its tracking number.
 * Created once; an operator may change them in Tasklist afterwards.
 */
@Component
class TasklistFilters {

  static final String MY_GROUPS = "Pengaduan untuk kelompok saya";
  static final String MINE = "Pengaduan yang saya tangani";

  private final FilterService filterService;
  private final TaskService taskService;
  private final RoleAuthorizations roleAuthorizations;

  TasklistFilters(FilterService filterService, TaskService taskService, RoleAuthorizations roleAuthorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.roleAuthorizations = roleAuthorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void createMissingFilters() {
    create(MY_GROUPS, -10, taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .orderByDueDate().asc(), "Tugas yang menunggu salah satu kelompok Anda");
    create(MINE, -5, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
        .orderByDueDate().asc(), "Tugas yang sudah Anda klaim");
  }

  private void create(String name, int priority, TaskQuery query, String description) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      roleAuthorizations.grantToEveryone(Resources.FILTER, existing.getId(), Permissions.READ);
      return;
    }
    Filter filter = filterService.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of(
            "description", description,
            "priority", priority,
            "refresh", true,
            "variables", List.of(Map.of("name", ProcessVariables.TRACKING_NUMBER, "label", "No. pelacakan"))));
    filterService.saveFilter(filter);
    // every case worker uses them; what each one lists stays bounded by the task authorizations
    roleAuthorizations.grantToEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
