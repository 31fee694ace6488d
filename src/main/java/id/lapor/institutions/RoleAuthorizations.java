package id.lapor.institutions;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

/**
 * What each role may do in the process engine, as Camunda authorizations on its group (the
 * engine runs with {@code camunda.bpm.authorization.enabled=true}). Which complaints a group sees is
 * further bounded by tenant membership: a regency's groups, its province's supervisors and the
 * national admins are members of the regency's tenant only.
 *
 * <ul>
 *   <li>OPD liaison officers and officers: Tasklist; their tasks come with the task itself (Camunda
 *       grants READ and TASK_WORK on a task to its candidate groups and assignee: claim and complete,
 *       never write variables), nothing else.
 *   <li>Regency admins and the regent's office: Tasklist and Cockpit, reading the regency's
 *       complaints (instances, history, every task) but working only their own tasks.
 *   <li>Province supervisors: the same, read-only, for the regencies of their province.
 *   <li>National admins: read everything; work their own tasks.
 *   <li>Process designers: deploy (and read models) — no complaint data.
 *   <li>{@code camunda-admin}: operators, everything on every resource (the group also passes
 *       Camunda's tenant checks).
 * </ul>
 *
 * Every call is idempotent: missing authorizations are created, missing permissions added.
 */
@Component
public class RoleAuthorizations {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private static final Permission[] READ_COMPLAINTS = {Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
      ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK};

  private final AuthorizationService authorizations;

  RoleAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** Grants a group what its role may do: its resources, and the webapps it may open. */
  public void grant(String groupId) {
    grantsOf(groupId).forEach((resource, permissions) -> ensure(AUTH_TYPE_GRANT, groupId, resource, ANY, permissions));
    for (String application : applicationsOf(groupId)) {
      ensure(AUTH_TYPE_GRANT, groupId, Resources.APPLICATION, application, new Permission[] {Permissions.ACCESS});
    }
  }

  /** Everyone logged in may read the users and groups (names in Tasklist) and the shared filters. */
  public void grantToEveryone(Resource resource, String resourceId, Permission... permissions) {
    ensure(AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
  }

  /** What a group may do on each kind of resource (any instance of it), webapps aside. */
  static Map<Resource, Permission[]> grantsOf(String groupId) {
    if (groupId.equals(InstitutionGroups.CAMUNDA_ADMIN)) {
      // Camunda's admin group passes tenant checks but, like everyone, needs authorizations
      Map<Resource, Permission[]> all = new LinkedHashMap<>();
      for (Resource resource : Resources.values()) {
        all.put(resource, new Permission[] {Permissions.ALL});
      }
      return all;
    }
    if (groupId.equals(InstitutionGroups.NATIONAL_ADMINS)) {
      return Map.of(Resources.PROCESS_DEFINITION, READ_COMPLAINTS,
          Resources.PROCESS_INSTANCE, new Permission[] {Permissions.READ},
          Resources.DECISION_DEFINITION, new Permission[] {Permissions.READ, Permissions.READ_HISTORY},
          Resources.DEPLOYMENT, new Permission[] {Permissions.READ});
    }
    if (groupId.equals(InstitutionGroups.PROCESS_DESIGNERS)) {
      return Map.of(Resources.DEPLOYMENT, new Permission[] {Permissions.CREATE, Permissions.READ, Permissions.DELETE},
          Resources.PROCESS_DEFINITION, new Permission[] {Permissions.READ},
          Resources.DECISION_DEFINITION, new Permission[] {Permissions.READ});
    }
    if (isSupervising(groupId)) {
      return Map.of(Resources.PROCESS_DEFINITION, READ_COMPLAINTS,
          Resources.PROCESS_INSTANCE, new Permission[] {Permissions.READ},
          Resources.DECISION_DEFINITION, new Permission[] {Permissions.READ});
    }
    if (isOpd(groupId)) {
      // the definition's name for Tasklist; instances and tasks only through the task grants
      return Map.of(Resources.PROCESS_DEFINITION, new Permission[] {Permissions.READ});
    }
    return Map.of();
  }

  /** The webapps a group may open (operators may open all through their grant on every resource). */
  static List<String> applicationsOf(String groupId) {
    if (groupId.equals(InstitutionGroups.NATIONAL_ADMINS) || isSupervising(groupId)) {
      return List.of(TASKLIST, COCKPIT);
    }
    if (groupId.equals(InstitutionGroups.PROCESS_DESIGNERS)) {
      return List.of(COCKPIT);
    }
    if (isOpd(groupId)) {
      return List.of(TASKLIST);
    }
    return List.of();
  }

  private static boolean isSupervising(String groupId) {
    return groupId.startsWith(InstitutionGroups.REGENCY_ADMINS) || groupId.startsWith(InstitutionGroups.REGENT_OFFICE)
        || groupId.startsWith(InstitutionGroups.PROVINCE_SUPERVISORS);
  }

  private static boolean isOpd(String groupId) {
    return InstitutionGroups.opdOf(groupId).isPresent();
  }

  /**
   * Takes UPDATE away from the users and groups of individual tasks and gives them TASK_WORK instead
   * (claim, complete, submit the form). The engine grants a task's assignee and candidates its
   * default task permission, which used to be UPDATE: that included writing any variable of the
   * process through the task. New tasks get TASK_WORK ({@code default-user-permission-name-for-task});
   * this brings the tasks created before that change in line.
   *
   * @return how many task authorizations were narrowed
   */
  public int narrowTaskGrants() {
    List<Authorization> broad = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .authorizationType(AUTH_TYPE_GRANT).hasPermission(Permissions.UPDATE).list().stream()
        .filter(a -> !ANY.equals(a.getResourceId()))
        .filter(a -> !InstitutionGroups.CAMUNDA_ADMIN.equals(a.getGroupId()))
        .toList();
    for (Authorization a : broad) {
      a.removePermission(Permissions.UPDATE);
      a.addPermission(TaskPermissions.TASK_WORK);
      authorizations.saveAuthorization(a);
    }
    return broad.size();
  }

  /** Creates the authorization or adds its missing permissions; writes nothing when all are there. */
  private void ensure(int type, String groupId, Resource resource, String resourceId, Permission[] permissions) {
    var query = authorizations.createAuthorizationQuery().authorizationType(type).resourceType(resource)
        .resourceId(resourceId);
    Authorization existing = (groupId == null ? query : query.groupIdIn(groupId)).singleResult();
    if (existing != null && Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
      return;
    }
    Authorization a = existing != null ? existing : authorizations.createNewAuthorization(type);
    if (groupId == null) {
      a.setUserId(ANY);
    } else {
      a.setGroupId(groupId);
    }
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }
}
