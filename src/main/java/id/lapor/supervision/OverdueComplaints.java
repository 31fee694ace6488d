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

  static final String STAFF_PAGE = "/staff/complaints/%s";
  private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter
      .ofPattern("d MMM yyyy HH.mm", java.util.Locale.forLanguageTag("id"));

  private final NamedParameterJdbcTemplate jdbc;
  private final HistoryService historyService;
  private final Clock clock;
  private final id.lapor.institutions.Institutions institutions;

  OverdueComplaints(NamedParameterJdbcTemplate jdbc, HistoryService historyService, Clock clock,
      id.lapor.institutions.Institutions institutions) {
    this.institutions = institutions;
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.clock = clock;
  }

  /**
   * One overdue complaint.
   *
   * @param overdueHours clock hours since the deadline passed
   * @param cockpitPath the process instance in Cockpit (relative to the application), if it runs
   * @param staffPath the complaint's page for staff (relative to the application)
   * @param regencyName the regency's or city's name, {@code opdName} the OPD's
   * @param dueAtText the deadline as the regency reads it ({@code 3 Des 2026 16.00 WITA})
   * @param light the light the list counts: {@code OVERDUE} for a complaint at an OPD (none before it
   *     reaches one)
   * @param lightAtDeadline the OPD's light when the deadline passed: {@code RED} never opened,
   *     {@code YELLOW} opened without a follow-up
   */
  record Overdue(String trackingNumber, String regencyCode, String opdCode, String status, String classification,
      String category, Instant dueAt, long overdueHours, String light, String highestEscalation,
      int escalationCount, String processInstanceId, String cockpitPath, String staffPath, String regencyName,
      String opdName, String dueAtText, String lightAtDeadline) {}

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
              rs.getInt("escalation_count"), null, null, null, null, null, null, rs.getString("light"));
        });
    Map<String, String> instances = processInstancesOf(rows.stream().map(Overdue::trackingNumber).toList());
    Map<String, String> names = new HashMap<>();
    java.util.function.Function<String, String> name = code -> code == null ? null : names.computeIfAbsent(code,
        c -> institutions.findById(c).map(id.lapor.institutions.Institution::getName).orElse(c));
    return rows.stream().map(o -> {
      String instance = instances.get(o.trackingNumber());
      java.time.ZoneId zone = institutions.zoneOf(o.regencyCode());
      return new Overdue(o.trackingNumber(), o.regencyCode(), o.opdCode(), o.status(), o.classification(),
          o.category(), o.dueAt(), o.overdueHours(), o.light() == null ? null : "OVERDUE", o.highestEscalation(),
          o.escalationCount(), instance,
          instance == null ? null : COCKPIT_INSTANCE.formatted(instance), STAFF_PAGE.formatted(o.trackingNumber()),
          name.apply(o.regencyCode()), name.apply(o.opdCode()),
          AT.format(o.dueAt().atZone(zone)) + " " + id.lapor.institutions.Institution.zoneName(zone),
          o.lightAtDeadline());
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
