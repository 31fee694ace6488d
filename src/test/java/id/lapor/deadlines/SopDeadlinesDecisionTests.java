package id.lapor.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
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

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "51.06, PENGADUAN,            national-default",
      "35.10, ASPIRASI,             national-default",
      "19.03, PERMINTAAN_INFORMASI, national-default"})
  void appliesTheNationalDefaultOfLaporToEveryRegencyWithoutItsOwnRow(String region, String classification,
      String row) {
    Map<String, Object> result = engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("regionCode", region).putValue("classification", classification)).getSingleResult().getEntryMap();
    assertThat(result).containsEntry("sopRow", row)
        .containsEntry("verification", "P3D")
        .containsEntry("followUp", "P5D")
        .containsEntry("nationalEscalation", "P5D")
        .containsEntry("supervision", "P3D")
        .containsEntry("reply", "P10D")
        .containsEntry("supplement", "P30D");
    for (SopStep step : SopStep.values()) {
      assertThat(result).as("column for %s", step).containsKey(step.column());
    }
  }
}
