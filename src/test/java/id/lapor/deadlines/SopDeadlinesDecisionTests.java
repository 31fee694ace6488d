package id.lapor.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import id.lapor.calendar.SopDuration;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code processes/SopDeadlines.dmn}, row by row. */
class SopDeadlinesDecisionTests {

  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/SopDeadlines.dmn"))) {
      decision = engine.parseDecision(SopDeadlines.DECISION_KEY, in);
    }
  }

  static Map<String, Object> evaluate(String region, String classification) {
    return engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("regionCode", region).putValue("classification", classification)).getSingleResult().getEntryMap();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"51.06, PENGADUAN", "51.71, ASPIRASI", "51.02, PERMINTAAN_INFORMASI"})
  void appliesTheNationalDefaultOfLaporToEveryRegencyWithoutItsOwnRow(String region, String classification) {
    assertThat(evaluate(region, classification)).containsEntry("sopRow", "national-default")
        .containsEntry("verification", "3 working days")
        .containsEntry("followUp", "5 working days")
        .containsEntry("secondEscalation", "5 working days")
        .containsEntry("firstEscalationTo", "PROVINCE")
        .containsEntry("secondEscalationTo", "NATIONAL")
        .containsEntry("reminder", "80%")
        .containsEntry("extension", "5 working days")
        .containsEntry("supervision", "3 working days")
        .containsEntry("reply", "10 working days")
        .containsEntry("supplement", "30 days")
        .containsEntry("sanctionNotice", "no");
  }

  @Test
  void givesBangkaSelatanThreeWorkingDaysForTheFollowUpAndTheRestOfTheNationalDefault() {
    assertThat(evaluate("19.03", "PENGADUAN")).containsEntry("sopRow", "bangka-selatan")
        .containsEntry("followUp", "3 working days")
        .containsEntry("extension", "3 working days")
        .containsEntry("verification", "3 working days")
        .containsEntry("secondEscalation", "5 working days")
        .containsEntry("firstEscalationTo", "PROVINCE")
        .containsEntry("secondEscalationTo", "NATIONAL")
        .containsEntry("sanctionNotice", "no");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PENGADUAN", "ASPIRASI", "PERMINTAAN_INFORMASI"})
  void givesBanyuwangiItsFourHourSopAroundTheClock(String classification) {
    assertThat(evaluate("35.10", classification)).containsEntry("sopRow", "banyuwangi")
        .containsEntry("verification", "4 hours")
        .containsEntry("districtResponse", "2 hours")
        .containsEntry("followUp", "4 hours")
        .containsEntry("sanctionNotice", "yes")
        .containsEntry("firstEscalationTo", "REGENT")
        .containsEntry("secondEscalationTo", "PROVINCE")
        .containsEntry("secondEscalation", "4 hours")
        .containsEntry("extension", "4 hours")
        .containsEntry("reply", "10 working days")
        .containsEntry("supplement", "30 days");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"51.06", "35.10"})
  void fillsEveryColumnWithADurationDesignersCanRead(String region) {
    Map<String, Object> row = evaluate(region, "PENGADUAN");
    for (SopStep step : SopStep.values()) {
      assertThat(row).as("column for %s", step).containsKey(step.column());
      SopDuration.parse((String) row.get(step.column()));
    }
  }
}
