package id.lapor.supervision;

import static id.lapor.models.EngineCalls.asSystem;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open complaints of a unit whose institution's deadline has passed (verification at the
 * regency, follow-up at the OPD), longest overdue first, each with its process instance in Cockpit.
 * Contents and complainants are not shown: supervisors open the instance for that.
 */
@Component
class OverdueComplaints {

  static final String COCKPIT_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/%s/runtime";

  private final NamedParameterJdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final Clock clock;

  OverdueComplaints(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, Clock clock) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /**
   * One overdue complaint.
   *
   * @param overdueHours clock hours since the deadline passed
   * @param cockpitPath the process instance in Cockpit (relative to the application), if it runs
   */
  record Overdue(String trackingNumber, String regencyCode, String opdCode, String status, String classification,
      String category, Instant dueAt, long overdueHours, String light, String highestEscalation,
      int escalationCount, String processInstanceId, String cockpitPath) {}

  List<Overdue> of(Unit unit, int limit) {
    Instant now = clock.instant();
    MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", limit);
    String scope = unit.condition(params);
    List<Overdue> rows = jdbc.query("select tracking_number, regency_code, opd_code, status, classification,"
        + " category, institution_due_at, light, highest_escalation, escalation_count from complaint_projection"
        + " where institution_due_at < :now" + scope + " order by institution_due_at, tracking_number limit :limit",
        params, (rs, i) -> {
          Instant due = rs.getTimestamp("institution_due_at").toInstant();
          String tn = rs.getString("tracking_number");
          String instance = processInstanceOf(tn);
          return new Overdue(tn, rs.getString("regency_code"), rs.getString("opd_code"), rs.getString("status"),
              rs.getString("classification"), rs.getString("category"), due, Duration.between(due, now).toHours(),
              rs.getString("light"), rs.getString("highest_escalation"), rs.getInt("escalation_count"), instance,
              instance == null ? null : COCKPIT_INSTANCE.formatted(instance));
        });
    return rows;
  }

  private String processInstanceOf(String trackingNumber) {
    return asSystem(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .active().list().stream().map(p -> p.getId()).findFirst().orElse(null));
  }
}
