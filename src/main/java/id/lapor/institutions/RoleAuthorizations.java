package id.lapor.institutions;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * What each role may do in the process engine, as Camunda authorizations on its group (the
 * engine runs with {@code camunda.bpm.authorization.enabled=true}). Which complaints a group sees is
 * further bounded by tenant membership: a regency's groups, its province's supervisors and the
 * national admins are members of the regency's tenant only.
 *
 * <ul>
 *   <li>OPD liaison officers and officers: Tasklist; their tasks come with the task itself (Camunda
 *       grants READ and UPDATE on a task to its candidate groups and assignee), nothing else.
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

  /** Grants a group what its role may do. */
  public void grant(String groupId) {
    for (Map.Entry<Resource, Permission[]> grant : grantsOf(groupId).entrySet()) {
      ensure(groupId, grant.getKey(), grant.getValue());
    }
  }

  /** Everyone logged in may read the users and groups (names in Tasklist) and the shared filters. */
  public void grantToEveryone(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization a = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    a.setUserId(ANY);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  static Map<Resource, Permission[]> grantsOf(String groupId) {
    Permission[] tasklist = {Permissions.ACCESS};
    if (groupId.equals(InstitutionGroups.CAMUNDA_ADMIN)) {
      // Camunda's admin group passes tenant checks but, like everyone, needs authorizations
      Map<Resource, Permission[]> all = new java.util.LinkedHashMap<>();
      for (Resource resource : Resources.values()) {
        all.put(resource, new Permission[] {Permissions.ALL});
      }
      return all;
    }
    if (groupId.equals(InstitutionGroups.NATIONAL_ADMINS)) {
      return Map.of(Resources.APPLICATION, tasklist,
          Resources.PROCESS_DEFINITION, READ_COMPLAINTS,
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
      return Map.of(Resources.APPLICATION, tasklist,
          Resources.PROCESS_DEFINITION, READ_COMPLAINTS,
          Resources.PROCESS_INSTANCE, new Permission[] {Permissions.READ},
          Resources.DECISION_DEFINITION, new Permission[] {Permissions.READ});
    }
    if (isOpd(groupId)) {
      // the definition's name for Tasklist; instances and tasks only through the task grants
      return Map.of(Resources.APPLICATION, tasklist,
          Resources.PROCESS_DEFINITION, new Permission[] {Permissions.READ});
    }
    return Map.of();
  }

  /** The webapps a group may open. */
  static List<String> applicationsOf(String groupId) {
    if (groupId.equals(InstitutionGroups.CAMUNDA_ADMIN)) {
      return List.of(ANY);
    }
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
    return groupId.startsWith(InstitutionGroups.OPD_LIAISONS) || groupId.startsWith(InstitutionGroups.OPD_OFFICERS);
  }

  private void ensure(String groupId, Resource resource, Permission[] permissions) {
    if (resource == Resources.APPLICATION) {
      for (String application : applicationsOf(groupId)) {
        ensure(groupId, resource, application, permissions);
      }
    } else {
      ensure(groupId, resource, ANY, permissions);
    }
  }

  private void ensure(String groupId, Resource resource, String resourceId, Permission[] permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization a = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing != null && Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
      return;
    }
    a.setGroupId(groupId);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }
}
