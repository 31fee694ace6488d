package id.lapor.deadlines;

import static id.lapor.models.EngineCalls.asSystem;

import id.lapor.calendar.SopDuration;
import id.lapor.calendar.WorkingCalendar;
import id.lapor.complaint.Classification;
import id.lapor.complaint.EscalationLevel;
import id.lapor.institutions.Institutions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The one place deadlines are computed. It evaluates the {@code SopDeadlines} decision table
 * (regency × classification → durations and how to count them) that process designers edit in
 * {@code processes/}, and reckons due instants on the working-day calendar in the regency's time zone. Timers, Tasklist due dates and the deadline
 * the citizen sees all come from here.
 *
 * <p>The table is a function of its two inputs, so the row a region and classification get is kept
 * per deployed version of the table: evaluating it costs milliseconds (the FEEL engine builds its
 * context each time) and writes a decision instance to the history, and intake asks for it with
 * every complaint. Each call still asks the database which version is the latest (one indexed
 * query, as Camunda's own evaluation by key does), so a designer's new table applies at once on
 * every node of a cluster, without any invalidation message.
 */
@Service
public class SopDeadlines {

  public static final String DECISION_KEY = "SopDeadlines";
  static final String SANCTION_NOTICE_COLUMN = "sanctionNotice";
  static final String FIRST_ESCALATION_COLUMN = "firstEscalationTo";
  static final String SECOND_ESCALATION_COLUMN = "secondEscalationTo";
  static final String REMINDER_COLUMN = "reminder";
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*%");
  static final int DEFAULT_REMINDER_PERCENT = 80;

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final Institutions institutions;
  private final WorkingCalendar calendar;
  /** The rows found in the latest version of the table, per region and classification. */
  private volatile Rows rows = new Rows("", new ConcurrentHashMap<>());

  SopDeadlines(DecisionService decisionService, RepositoryService repositoryService, Institutions institutions,
      WorkingCalendar calendar) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.institutions = institutions;
    this.calendar = calendar;
  }

  private record Rows(String definitionId, ConcurrentHashMap<String, Map<String, Object>> byInput) {}

  /** The SOP that governs a complaint addressed to {@code regionCode}. */
  public SopParameters forRegion(String regionCode, Classification classification) {
    Map<String, Object> row = row(regionCode, classification);
    String sopRow = String.valueOf(row.getOrDefault("sopRow", "?"));
    Map<SopStep, SopDuration> durations = new EnumMap<>(SopStep.class);
    for (SopStep step : SopStep.values()) {
      Object value = row.get(step.column());
      if (value != null) {
        try {
          durations.put(step, SopDuration.parse(value.toString()));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException("SopDeadlines row " + sopRow + ", column " + step.column() + ": "
              + e.getMessage(), e);
        }
      }
    }
    ZoneId zone = zoneOf(regionCode);
    boolean sanctionNotice = "yes".equalsIgnoreCase(String.valueOf(row.get(SANCTION_NOTICE_COLUMN)));
    List<EscalationLevel> escalations = List.of(
        escalation(row, FIRST_ESCALATION_COLUMN, EscalationLevel.PROVINCE, sopRow),
        escalation(row, SECOND_ESCALATION_COLUMN, EscalationLevel.NATIONAL, sopRow));
    return new SopParameters(sopRow, zone, durations, sanctionNotice, escalations, reminder(row, sopRow), calendar,
        maxTransfers(row, sopRow));
  }

  /** The table's row for the inputs, from the latest version (evaluated once per version and inputs). */
  private Map<String, Object> row(String regionCode, Classification classification) {
    String latest = asSystem(() -> {
      DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(DECISION_KEY).withoutTenantId().latestVersion().singleResult();
      if (definition == null) {
        throw new IllegalStateException("the decision table " + DECISION_KEY + " is not deployed");
      }
      return definition.getId();
    });
    Rows current = rows;
    if (!current.definitionId().equals(latest)) {
      current = new Rows(latest, new ConcurrentHashMap<>());
      rows = current;
    }
    return current.byInput().computeIfAbsent(regionCode + "|" + classification.name(), input -> {
      DmnDecisionRuleResult found = asSystem(() -> decisionService.evaluateDecisionTableById(latest)
          .variables(Variables.createVariables()
              .putValue("regionCode", regionCode)
              .putValue("classification", classification.name()))
          .evaluate()
          .getSingleResult());
      if (found == null) {
        throw new IllegalStateException("SopDeadlines has no row for region " + regionCode + " and " + classification
            + "; its last rule must match every complaint");
      }
      // empty cells are null: kept as they are
      return Collections.unmodifiableMap(new HashMap<>(found.getEntryMap()));
    });
  }

  /** The zone the region's deadlines are counted in (the registry's, WIB when it does not know the region). */
  public ZoneId zoneOf(String regionCode) {
    return institutions.zoneOf(regionCode);
  }

  /** An escalation target column; empty means the national chain (province, then national admins). */
  private static EscalationLevel escalation(Map<String, Object> row, String column, EscalationLevel fallback,
      String sopRow) {
    Object value = row.get(column);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    String text = value.toString().strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(EscalationLevel.values())
        .filter(l -> l != EscalationLevel.NONE && l.name().equals(text))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("SopDeadlines row " + sopRow + ", column " + column + ": \""
            + value + "\" is not a target; write REGENT, PROVINCE or NATIONAL"));
  }

  /** The reminder column, e.g. {@code 80%}; empty means 80 %. */
  private static int reminder(Map<String, Object> row, String sopRow) {
    Object value = row.get(REMINDER_COLUMN);
    if (value == null || value.toString().isBlank()) {
      return DEFAULT_REMINDER_PERCENT;
    }
    Matcher m = PERCENT.matcher(value.toString().strip());
    int percent = m.matches() ? Integer.parseInt(m.group(1)) : -1;
    if (percent < 1 || percent > 99) {
      throw new IllegalStateException("SopDeadlines row " + sopRow + ", column " + REMINDER_COLUMN + ": \""
          + value + "\" is not a share of the follow-up time; write e.g. 80%");
    }
    return percent;
  }

  /**
   * The SOP table is read on behalf of the system, whoever's action needs a deadline (a supervisor
   * opening a form, an admin forwarding): inside an engine command, without that user's
   * authorization checks.
   */

  private static int maxTransfers(Map<String, Object> row, String sopRow) {
    Object value = row.get("maxTransfers");
    if (value == null || value.toString().isBlank()) {
      return SopParameters.DEFAULT_MAX_TRANSFERS;
    }
    try {
      return Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("SopDeadlines row " + sopRow + ", column maxTransfers: not a number: " + value, e);
    }
  }

  /** Shorthand for {@code forRegion(regionCode, classification).due(step, from)}. */
  public Instant due(String regionCode, Classification classification, SopStep step, Instant from) {
    return forRegion(regionCode, classification).due(step, from);
  }
}
