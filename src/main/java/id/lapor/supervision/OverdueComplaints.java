package id.lapor.supervision;

import static id.lapor.models.EngineCalls.asSystem;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
  private final HistoryService historyService;
  private final Clock clock;

  OverdueComplaints(NamedParameterJdbcTemplate jdbc, HistoryService historyService, Clock clock) {
    this.jdbc = jdbc;
    this.historyService = historyService;
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
          return new Overdue(rs.getString("tracking_number"), rs.getString("regency_code"), rs.getString("opd_code"),
              rs.getString("status"), rs.getString("classification"), rs.getString("category"), due,
              Duration.between(due, now).toHours(), rs.getString("light"), rs.getString("highest_escalation"),
              rs.getInt("escalation_count"), null, null);
        });
    Map<String, String> instances = processInstancesOf(rows.stream().map(Overdue::trackingNumber).toList());
    return rows.stream().map(o -> {
      String instance = instances.get(o.trackingNumber());
      return new Overdue(o.trackingNumber(), o.regencyCode(), o.opdCode(), o.status(), o.classification(),
          o.category(), o.dueAt(), o.overdueHours(), o.light(), o.highestEscalation(), o.escalationCount(), instance,
          instance == null ? null : COCKPIT_INSTANCE.formatted(instance));
    }).toList();
  }

  /** The running complaint instance of each tracking number (not its plug-ins'): one query for the whole list. */
  private Map<String, String> processInstancesOf(List<String> trackingNumbers) {
    if (trackingNumbers.isEmpty()) {
      return Map.of();
    }
    Map<String, String> instances = new HashMap<>();
    asSystem(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyIn(trackingNumbers.toArray(String[]::new)).rootProcessInstances().active().list())
        .forEach(p -> instances.put(p.getBusinessKey(), p.getId()));
    return instances;
  }
}
