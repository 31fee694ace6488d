package id.lapor.models;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.springframework.stereotype.Service;

/**
 * Moves running process instances of older versions onto the newest version of the same process
 * (Camunda's migration API), for operators who want complaints already under way to follow an
 * improved SOP. Activities are mapped by their id ({@code Task_DisposeComplaint} stays
 * {@code Task_DisposeComplaint}); timers and message subscriptions are carried over with the
 * deadlines they already have. All instances of one old version move together, or none do.
 * Processes whose versions changed shape (the complaint process) bring their own {@link VersionUpgrade}.
 */
@Service
public class ProcessMigrations {

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final List<VersionUpgrade> upgrades;

  ProcessMigrations(RepositoryService repositoryService, RuntimeService runtimeService,
      List<VersionUpgrade> upgrades) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.upgrades = List.copyOf(upgrades);
  }

  /**
   * Migrates every running instance of older versions of {@code key} (for {@code tenantId}, or the
   * shared definition when {@code null}) to the latest version.
   *
   * @throws MigrationPlanValidationException when the versions cannot be mapped at all
   * @throws org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException when running
   *     instances wait in steps the new version lacks (that old version's instances stay where they are)
   */
  public List<Migrated> migrateToLatest(String key, String tenantId) {
    for (VersionUpgrade upgrade : upgrades) {
      if (upgrade.upgrades(key)) {
        return upgrade.upgrade();
      }
    }
    ProcessDefinition target = query(key, tenantId).latestVersion().singleResult();
    if (target == null) {
      throw new IllegalArgumentException("No process " + key + (tenantId == null ? "" : " for tenant " + tenantId));
    }
    List<Migrated> result = new ArrayList<>();
    for (ProcessDefinition source : query(key, tenantId).orderByProcessDefinitionVersion().asc().list()) {
      if (source.getVersion() >= target.getVersion()) {
        continue;
      }
      long running = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
      if (running == 0) {
        continue;
      }
      MigrationPlan plan = runtimeService.createMigrationPlan(source.getId(), target.getId())
          .mapEqualActivities()
          .updateEventTriggers()
          .build();
      runtimeService.newMigration(plan)
          .processInstanceQuery(runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()))
          .execute();
      result.add(new Migrated(source.getVersion(), tenantId, target.getVersion(), running, 0, 0));
    }
    return result;
  }

  private ProcessDefinitionQuery query(String key, String tenantId) {
    ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key);
    return tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId);
  }

  /**
   * How many running instances of one version (of a tenant, or shared when null) moved to another,
   * how many wait in a step the new version lacks (they move later) and how many failed to move.
   */
  public record Migrated(int fromVersion, String fromTenantId, int toVersion, long instances, long waiting,
      long failed) {}
}
