package id.lapor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a check may be left out: only a grant on {@code *} (the caller's, a group's or everyone's) of
 * the permission of one alternative of a disjunction — or of every part of a conjunction — counts;
 * grants on single resources, other permissions, other resource types, other groups and revokes do not.
 */
class GrantedOnAnyQueriesTests {

  static final int GLOBAL = 0;
  static final int GRANT = 1;
  static final int REVOKE = 2;

  Connection db;
  final GrantedOnAnyQueries queries = new GrantedOnAnyQueries("");

  @BeforeEach
  void authorizationTable() throws Exception {
    db = DriverManager.getConnection("jdbc:h2:mem:grants-" + System.nanoTime(), "sa", "");
    db.createStatement().execute("create table ACT_RU_AUTHORIZATION (ID_ varchar(64), TYPE_ integer,"
        + " GROUP_ID_ varchar(255), USER_ID_ varchar(255), RESOURCE_TYPE_ integer, RESOURCE_ID_ varchar(255),"
        + " PERMS_ integer)");
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  @Test
  void aGroupsGrantOnEveryDefinitionMakesTheTaskCheckTrue() throws Exception {
    grant(GRANT, "regency-admins-51.06", null, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
        ProcessDefinitionPermissions.READ_TASK);
    assertThat(holds(taskCheck(true), "admin.bangli", "regency-admins-51.06")).isTrue();
    assertThat(holds(taskCheck(true), "someone", "opd-officers-51.06.dinkes")).as("another group").isFalse();
  }

  @Test
  void grantsOnSingleResourcesOtherPermissionsAndRevokesDoNotCount() throws Exception {
    grant(GRANT, "opd-officers-51.06.dinkes", null, Resources.TASK, "task-1", Permissions.READ);
    grant(GRANT, "opd-officers-51.06.dinkes", null, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    grant(REVOKE, "opd-officers-51.06.dinkes", null, Resources.PROCESS_DEFINITION, "*",
        ProcessDefinitionPermissions.READ_TASK);
    assertThat(holds(taskCheck(true), "petugas.bangli.dinkes", "opd-officers-51.06.dinkes")).isFalse();
  }

  @Test
  void theUsersOwnAndEveryonesGrantsCount() throws Exception {
    grant(GRANT, null, "auditor", Resources.TASK, "*", Permissions.READ);
    assertThat(holds(taskCheck(true), "auditor")).isTrue();
    assertThat(holds(taskCheck(true), "somebody-else")).isFalse();
    grant(GLOBAL, null, "*", Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK);
    assertThat(holds(taskCheck(true), "somebody-else")).isTrue();
  }

  @Test
  void aConjunctionNeedsEveryPart() throws Exception {
    grant(GRANT, "g", null, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK);
    assertThat(holds(taskCheck(false), "u", "g")).as("READ on tasks missing").isFalse();
    grant(GRANT, "g", null, Resources.TASK, "*", Permissions.READ);
    assertThat(holds(taskCheck(false), "u", "g")).isTrue();
  }

  /** Tasklist's check of a task: READ on the task, or READ_TASK on its process definition. */
  private static CompositePermissionCheck taskCheck(boolean disjunctive) {
    CompositePermissionCheck check = new CompositePermissionCheck(disjunctive);
    check.addAtomicCheck(atomic(Resources.TASK, "RES.ID_", Permissions.READ));
    check.addAtomicCheck(atomic(Resources.PROCESS_DEFINITION, "D.KEY_", ProcessDefinitionPermissions.READ_TASK));
    return check;
  }

  private static PermissionCheck atomic(Resource resource, String column, Permission permission) {
    PermissionCheck check = new PermissionCheck();
    check.setResource(resource);
    check.setResourceIdQueryParam(column);
    check.setPermission(permission);
    return check;
  }

  private boolean holds(CompositePermissionCheck permissions, String user, String... groups) throws Exception {
    AuthorizationCheck check = new AuthorizationCheck(user, List.of(groups), permissions, false);
    return queries.holdsOnAny(db, check, permissions);
  }

  private void grant(int type, String group, String user, Resource resource, String id, Permission... permissions)
      throws Exception {
    int perms = 0;
    for (Permission p : permissions) {
      perms |= p.getValue();
    }
    var insert = db.prepareStatement("insert into ACT_RU_AUTHORIZATION values (?, ?, ?, ?, ?, ?, ?)");
    insert.setString(1, java.util.UUID.randomUUID().toString());
    insert.setInt(2, type);
    insert.setString(3, group);
    insert.setString(4, user);
    insert.setInt(5, resource.resourceType());
    insert.setString(6, id);
    insert.setInt(7, type == REVOKE ? ~perms : perms);
    insert.executeUpdate();
  }
}
