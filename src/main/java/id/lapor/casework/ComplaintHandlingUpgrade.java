package id.lapor.casework;

import id.lapor.institutions.InstitutionGroups;
import id.lapor.models.ProcessMigrations.Migrated;
import id.lapor.models.VersionUpgrade;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves complaints running on earlier versions of the complaint process — older versions of the
 * national model and the regency copies of the first release (Banyuwangi's {@code 35.10}) — onto
 * the national model, so that only one model and one set of delegates has to be kept working.
 *
 * <p>Each complaint moves in its own transaction with Camunda's migration API: every step it waits
 * in maps to the step of the same id, or to its successor where the national model renamed it (the
 * escalation event sub-processes became the OPD clock, the second and national supervision tasks
 * became the one supervision task). Timers the complaint already has keep their dates. Afterwards
 * the OPD clock is started at the moment the old model was waiting for (reminder, deadline or next
 * escalation, from the old instance's pending timer jobs), the variables the national model reads
 * are added and those nothing reads any more are removed.
 *
 * <p>A complaint waiting in a step the national model runs in a plug-in (the camat's first response
 * of Banyuwangi's copy) cannot be moved while it waits there: it stays on its version, and moves at
 * the next run after it left that step (at start-up and every {@code lapor.models.upgrade-interval}, a
 * minute). Until then it runs on its old version with today's delegates; should one of its later steps
 * need what only the old delegates wrote, completing that task fails and rolls back, and succeeds a
 * minute later on the national model.
 */
@Component
public class ComplaintHandlingUpgrade implements VersionUpgrade {

  private static final Logger log = LoggerFactory.getLogger(ComplaintHandlingUpgrade.class);

  /** Steps of earlier versions the national model has under another id. */
  static final Map<String, String> RENAMED = Map.of(
      "EventSubProcess_FirstEscalation", ComplaintTasks.OPD_CLOCK,
      "EventSubProcess_SecondEscalation", ComplaintTasks.OPD_CLOCK,
      "EventSubProcess_ProvinceEscalation", ComplaintTasks.OPD_CLOCK,
      "EventSubProcess_NationalEscalation", ComplaintTasks.OPD_CLOCK,
      "Task_SuperviseStillOverdueComplaint", ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT,
      "Task_SuperviseOverdueComplaintNationally", ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT);

  /**
   * Timers of earlier versions (start events of the OPD stage's event sub-processes), in the order
   * they fire, and the event of the OPD clock that waits for the same moment.
   */
  static final Map<String, String> CLOCK_TIMERS = orderedMap(
      "StartEvent_FollowUpDeadlineApproaching", "Event_FollowUpDeadlineApproaching",
      "StartEvent_FollowUpDeadlineReached", "Event_FollowUpDeadlineReached",
      "StartEvent_SecondEscalationDeadlineReached", ComplaintTasks.NEXT_ESCALATION_DUE_EVENT,
      "StartEvent_NationalEscalationDeadlineReached", ComplaintTasks.NEXT_ESCALATION_DUE_EVENT);

  /** Variables of earlier versions that nothing reads any more. */
  static final List<String> RETIRED_VARIABLES = List.of("opdStage", "escalationStage", "complaintId",
      "firstSupervisors", "secondSupervisors", "firstSupervisionDue", "secondSupervisionDue", "secondEscalationDue",
      "provinceSupervisionDue", "nationalSupervisionDue", "nationalEscalationDue");

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final ComplaintProcess process;
  private final TransactionTemplate tx;

  ComplaintHandlingUpgrade(RepositoryService repositoryService, RuntimeService runtimeService,
      ManagementService managementService, ComplaintProcess process, TransactionTemplate tx) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.process = process;
    this.tx = tx;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    upgrade();
  }

  @Scheduled(fixedDelayString = "${lapor.models.upgrade-interval:PT1M}",
      initialDelayString = "${lapor.models.upgrade-interval:PT1M}")
  void periodically() {
    upgrade();
  }

  @Override
  public boolean upgrades(String processKey) {
    return ComplaintProcess.PROCESS_KEY.equals(processKey);
  }

  /** Moves every complaint that can move now; per old version, how many moved, still wait, or failed. */
  @Override
  public List<Migrated> upgrade() {
    ProcessDefinition target = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ComplaintProcess.PROCESS_KEY).withoutTenantId().latestVersion().singleResult();
    List<Migrated> result = new ArrayList<>();
    if (target == null) {
      return result;
    }
    for (ProcessDefinition source : repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ComplaintProcess.PROCESS_KEY).orderByProcessDefinitionVersion().asc().list()) {
      if (source.getId().equals(target.getId())
          || runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count() == 0) {
        continue;
      }
      Plan plan = plan(source, target);
      int moved = 0;
      int waiting = 0;
      int failed = 0;
      for (var instance : runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).list()) {
        if (!plan.canMove(runtimeService.getActivityInstance(instance.getId()))) {
          waiting++;
          continue;
        }
        try {
          tx.executeWithoutResult(status -> move(instance.getId(), plan));
          moved++;
        } catch (ProcessEngineException e) {
          // moved by another node meanwhile, or a state no mapping foresaw: it stays where it is
          failed++;
          log.warn("Complaint {} could not move from {} to the national model: {}", instance.getBusinessKey(),
              describe(source), e.getMessage());
        }
      }
      log.info("Complaints of {} moved to the national model (version {}): {} moved, {} wait in a step it runs "
          + "in a plug-in and move later, {} failed", describe(source), target.getVersion(), moved, waiting, failed);
      result.add(new Migrated(source.getVersion(), source.getTenantId(), target.getVersion(), moved, waiting, failed));
    }
    return result;
  }

  private void move(String instanceId, Plan plan) {
    Map<String, Date> pending = pendingClockTimers(instanceId);
    runtimeService.newMigration(plan.migration()).processInstanceIds(instanceId).execute();

    String region = (String) runtimeService.getVariable(instanceId, ProcessVariables.REGION_CODE);
    runtimeService.removeVariables(instanceId, RETIRED_VARIABLES);
    runtimeService.setVariables(instanceId, process.pluginTenants(region));
    if (runtimeService.getVariable(instanceId, ProcessVariables.VERIFIER_GROUPS) == null) {
      // versions before transfers wrote the regency's admins into the task itself
      runtimeService.setVariable(instanceId, ProcessVariables.VERIFIER_GROUPS,
          InstitutionGroups.regencyAdmins(region));
    }
    restartClock(instanceId, pending);
  }

  /**
   * Starts the OPD clock where the old model stood: at the first timer it still had pending, inside
   * the OPD stage — or, when an escalation was under way, next to its supervision task.
   */
  private void restartClock(String instanceId, Map<String, Date> pending) {
    if (pending.isEmpty()) {
      return;
    }
    var next = pending.entrySet().iterator().next();
    ActivityInstance tree = runtimeService.getActivityInstance(instanceId);
    for (ActivityInstance stage : tree.getActivityInstances(ComplaintTasks.OPD_STAGE)) {
      ActivityInstance[] clocks = childrenOf(stage, ComplaintTasks.OPD_CLOCK);
      String ancestor;
      if (clocks.length == 0) {
        ancestor = stage.getId();
      } else if (next.getKey().equals(ComplaintTasks.NEXT_ESCALATION_DUE_EVENT)) {
        ancestor = clocks[0].getId();
      } else {
        continue;
      }
      if (next.getKey().equals(ComplaintTasks.NEXT_ESCALATION_DUE_EVENT)) {
        runtimeService.setVariable(instanceId, ProcessVariables.NEXT_ESCALATION_DUE, next.getValue());
      }
      runtimeService.createProcessInstanceModification(instanceId)
          .startBeforeActivity(next.getKey(), ancestor)
          .execute();
    }
  }

  private static ActivityInstance[] childrenOf(ActivityInstance parent, String activityId) {
    return java.util.Arrays.stream(parent.getChildActivityInstances())
        .filter(child -> child.getActivityId().equals(activityId)).toArray(ActivityInstance[]::new);
  }

  /** The old OPD stage's pending timers by the clock event that replaces them, earliest role first. */
  private Map<String, Date> pendingClockTimers(String instanceId) {
    Map<String, Date> byEvent = new HashMap<>();
    for (var timer : CLOCK_TIMERS.entrySet()) {
      for (Job job : managementService.createJobQuery().processInstanceId(instanceId).timers()
          .activityId(timer.getKey()).list()) {
        byEvent.merge(timer.getValue(), job.getDuedate(), (a, b) -> a.before(b) ? a : b);
      }
    }
    Map<String, Date> ordered = new LinkedHashMap<>();
    new LinkedHashSet<>(CLOCK_TIMERS.values()).forEach(event -> {
      if (byEvent.containsKey(event)) {
        ordered.put(event, byEvent.get(event));
      }
    });
    return ordered;
  }

  /** The migration from one old version to the national model, and the steps it cannot map. */
  Plan plan(ProcessDefinition source, ProcessDefinition target) {
    BpmnModelInstance from = repositoryService.getBpmnModelInstance(source.getId());
    BpmnModelInstance to = repositoryService.getBpmnModelInstance(target.getId());
    MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId());
    Set<String> unmapped = new HashSet<>();
    for (FlowNode node : waitStates(from)) {
      String id = RENAMED.getOrDefault(node.getId(), node.getId());
      FlowNode counterpart = to.getModelElementById(id);
      if (counterpart != null && counterpart.getElementType().equals(node.getElementType())
          || counterpart instanceof SubProcess && node instanceof SubProcess) {
        builder.mapActivities(node.getId(), id);
      } else {
        unmapped.add(node.getId());
      }
    }
    return new Plan(builder.build(), unmapped);
  }

  /** Where an instance can wait (and therefore must be mapped): tasks, catching events, scopes. */
  private static List<FlowNode> waitStates(BpmnModelInstance model) {
    List<FlowNode> nodes = new ArrayList<>();
    for (Class<? extends FlowNode> type : List.of(UserTask.class, ReceiveTask.class, IntermediateCatchEvent.class,
        EventBasedGateway.class, SubProcess.class, CallActivity.class)) {
      Collection<? extends FlowNode> found = model.getModelElementsByType(type);
      nodes.addAll(found);
    }
    nodes.sort(Comparator.comparing(FlowNode::getId));
    return nodes;
  }

  private static String describe(ProcessDefinition definition) {
    return definition.getKey() + " v" + definition.getVersion()
        + (definition.getTenantId() == null ? "" : " of tenant " + definition.getTenantId());
  }

  @SafeVarargs
  private static <T> Map<T, T> orderedMap(T... keysAndValues) {
    Map<T, T> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** A migration plan and the old steps it has no place for. */
  record Plan(MigrationPlan migration, Set<String> unmapped) {
    /** Whether no activity of the instance waits in an unmapped step. */
    boolean canMove(ActivityInstance tree) {
      if (tree == null) {
        return false;
      }
      if (unmapped.contains(tree.getActivityId())) {
        return false;
      }
      for (ActivityInstance child : tree.getChildActivityInstances()) {
        if (!canMove(child)) {
          return false;
        }
      }
      return true;
    }
  }

}
