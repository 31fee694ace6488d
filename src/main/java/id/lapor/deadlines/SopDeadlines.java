package id.lapor.deadlines;

import id.lapor.complaint.Classification;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The one place deadlines are computed. It evaluates the {@code SopDeadlines} decision table
 * (regency × classification → durations) that process designers edit in {@code processes/}, and
 * reckons due instants in the regency's time zone. Timers, Tasklist due dates and the deadline
 * the citizen sees all come from here.
 */
@Service
public class SopDeadlines {

  public static final String DECISION_KEY = "SopDeadlines";
  static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");

  private final DecisionService decisionService;
  private final Institutions institutions;

  SopDeadlines(DecisionService decisionService, Institutions institutions) {
    this.decisionService = decisionService;
    this.institutions = institutions;
  }

  /** The SOP that governs a complaint addressed to {@code regionCode}. */
  public SopParameters forRegion(String regionCode, Classification classification) {
    Map<String, Object> row = decisionService.evaluateDecisionTableByKey(DECISION_KEY)
        .decisionDefinitionWithoutTenantId()
        .variables(Variables.createVariables()
            .putValue("regionCode", regionCode)
            .putValue("classification", classification.name()))
        .evaluate()
        .getSingleResult()
        .getEntryMap();
    Map<SopStep, String> durations = new EnumMap<>(SopStep.class);
    for (SopStep step : SopStep.values()) {
      Object value = row.get(step.column());
      if (value != null) {
        durations.put(step, value.toString());
      }
    }
    ZoneId zone = institutions.findById(regionCode).map(Institution::getTimeZone).orElse(DEFAULT_ZONE);
    return new SopParameters(String.valueOf(row.getOrDefault("sopRow", "?")), zone, durations);
  }

  /** Shorthand for {@code forRegion(regionCode, classification).due(step, from)}. */
  public Instant due(String regionCode, Classification classification, SopStep step, Instant from) {
    return forRegion(regionCode, classification).due(step, from);
  }
}
