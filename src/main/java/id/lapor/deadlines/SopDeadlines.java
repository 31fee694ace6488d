package id.lapor.deadlines;

import id.lapor.calendar.SopDuration;
import id.lapor.calendar.WorkingCalendar;
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
 * (regency × classification → durations and how to count them) that process designers edit in
 * {@code processes/}, and reckons due instants on the working-day calendar in the regency's time zone. Timers, Tasklist due dates and the deadline
 * the citizen sees all come from here.
 */
@Service
public class SopDeadlines {

  public static final String DECISION_KEY = "SopDeadlines";
  static final String SANCTION_NOTICE_COLUMN = "sanctionNotice";
  static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");

  private final DecisionService decisionService;
  private final Institutions institutions;
  private final WorkingCalendar calendar;

  SopDeadlines(DecisionService decisionService, Institutions institutions, WorkingCalendar calendar) {
    this.decisionService = decisionService;
    this.institutions = institutions;
    this.calendar = calendar;
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
    ZoneId zone = institutions.findById(regionCode).map(Institution::getTimeZone).orElse(DEFAULT_ZONE);
    boolean sanctionNotice = "yes".equalsIgnoreCase(String.valueOf(row.get(SANCTION_NOTICE_COLUMN)));
    return new SopParameters(sopRow, zone, durations, sanctionNotice, calendar);
  }

  /** Shorthand for {@code forRegion(regionCode, classification).due(step, from)}. */
  public Instant due(String regionCode, Classification classification, SopStep step, Instant from) {
    return forRegion(regionCode, classification).due(step, from);
  }
}
