package id.lapor.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * Leaves out a query's authorization check where it cannot exclude a row: when the caller holds the
 * permission on every resource of the kind ({@code *}).
 *
 * <p>Camunda checks a query's rows against the caller's authorizations in SQL: each row of the result
 * is joined with the caller's authorization rows whose resource id is the row's own id, its process
 * definition's key, or {@code *} (or, in the other form of the check, an {@code EXISTS} per row that
 * also accepts {@code *}). The check of a Tasklist or Cockpit list is a disjunction: "READ on the task,
 * or READ_TASK on its process definition". A regency admin, the regent's office, a province supervisor
 * and a national admin hold READ_TASK and READ_INSTANCE on every process definition ({@code *}), so the
 * disjunction is true for every row — yet the database still evaluates the join for each of the
 * tens of thousands of open tasks and instances in their tenants, and on H2 looks through every
 * {@code *} authorization of every group for each of them (docs/performance.md, "Staff screens").
 *
 * <p>This interceptor sees the check before the statement runs. If the caller, one of their groups or
 * everyone (a global authorization) is granted one disjunct's permission on {@code *} — or every
 * conjunct's, in a conjunction — the check is switched off for that statement. The result is the same
 * row for row: Camunda's own SQL would have accepted every row through that {@code *} authorization.
 * What stays: the tenant check (which regencies' complaints the caller sees), every check that could
 * exclude a row, and every check when revoke authorizations are in use (they could withdraw what
 * {@code *} grants; the engine then checks them row by row and so does this installation).
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
final class GrantedOnAnyQueries implements Interceptor {

  private final String authorizationTable;
  /** Off: every check runs as Camunda writes it ({@code lapor.authorization.skip-granted-on-any=false}). */
  private volatile boolean enabled = true;
  private final AtomicLong skipped = new AtomicLong();

  /** @param tablePrefix the engine's table prefix ({@code databaseTablePrefix}), usually empty */
  GrantedOnAnyQueries(String tablePrefix) {
    this.authorizationTable = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_AUTHORIZATION";
  }

  void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** How many statements ran without their (always true) authorization check. */
  long skipped() {
    return skipped.get();
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    if (enabled && invocation.getArgs()[1] instanceof ListQueryParameterObject query) {
      AuthorizationCheck check = query.getAuthCheck();
      if (check != null && check.isAuthorizationCheckEnabled() && !check.isRevokeAuthorizationCheckEnabled()
          && check.getAuthUserId() != null) {
        CompositePermissionCheck permissions = check.getPermissionChecks();
        if (permissions != null && permissions.getCompositeChecks().isEmpty()
            && !permissions.getAtomicChecks().isEmpty()) {
          Executor executor = (Executor) invocation.getTarget();
          if (holdsOnAny(executor.getTransaction().getConnection(), check, permissions)) {
            check.setAuthorizationCheckEnabled(false);
            skipped.incrementAndGet();
          }
        }
      }
    }
    return invocation.proceed();
  }

  /** Whether the disjunction (any check) or conjunction (every check) is granted on {@code *}. */
  boolean holdsOnAny(Connection connection, AuthorizationCheck check, CompositePermissionCheck permissions)
      throws SQLException {
    List<PermissionCheck> atomic = permissions.getAtomicChecks();
    List<int[]> grants = grantsOnAny(connection, check.getAuthUserId(),
        check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds(), atomic);
    boolean any = false;
    boolean all = true;
    for (PermissionCheck permission : atomic) {
      int type = permission.getResource().resourceType();
      int perms = permission.getPerms();
      boolean granted = grants.stream().anyMatch(g -> g[0] == type && (g[1] & perms) == perms);
      any |= granted;
      all &= granted;
    }
    return permissions.isDisjunctive() ? any : all;
  }

  /** Resource type and permissions of the caller's grants (own, groups', everyone's) on {@code *}. */
  private List<int[]> grantsOnAny(Connection connection, String userId, List<String> groupIds,
      List<PermissionCheck> checks) throws SQLException {
    Set<Integer> types = new LinkedHashSet<>();
    checks.forEach(c -> types.add(c.getResource().resourceType()));
    StringBuilder sql = new StringBuilder("select RESOURCE_TYPE_, PERMS_ from ").append(authorizationTable)
        .append(" where RESOURCE_ID_ = '*' and TYPE_ in (").append(Authorization.AUTH_TYPE_GLOBAL).append(", ")
        .append(Authorization.AUTH_TYPE_GRANT).append(") and RESOURCE_TYPE_ in (")
        .append(String.join(", ", Collections.nCopies(types.size(), "?"))).append(") and (USER_ID_ in (?, '*')");
    if (!groupIds.isEmpty()) {
      sql.append(" or GROUP_ID_ in (").append(String.join(", ", Collections.nCopies(groupIds.size(), "?")))
          .append(')');
    }
    sql.append(')');
    List<int[]> grants = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int i = 1;
      for (int type : types) {
        statement.setInt(i++, type);
      }
      statement.setString(i++, userId);
      for (String group : groupIds) {
        statement.setString(i++, group);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          grants.add(new int[] {rows.getInt(1), rows.getInt(2)});
        }
      }
    }
    return grants;
  }
}
