package id.lapor.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards the duplicate figures reported in docs/performance.md. */
class DuplicateEvaluationTests {

  /** Reported: precision 96.8 %, recall 98.7 % at the chosen threshold. */
  @Test
  void candidatesAreAtLeastAsPreciseAndCompleteAsReported() throws Exception {
    var pairs = DuplicateEvaluation.pairs();
    assertThat(pairs.stream().filter(DuplicateEvaluation.Pair::duplicate)).hasSizeGreaterThanOrEqualTo(150);
    assertThat(pairs.stream().filter(p -> !p.duplicate())).hasSizeGreaterThanOrEqualTo(300);
    var figures = DuplicateEvaluation.evaluate(pairs, DuplicateScoring.THRESHOLD);
    assertThat(figures.precision()).isGreaterThanOrEqualTo(0.96);
    assertThat(figures.recall()).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void placeAndTimeCorrectTheText() {
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    var a = new DuplicateScoring.Report("INFRASTRUKTUR", List.of("jalan", "lubang", "merdeka"), "Susut", -8.43, 115.35, t);
    var near = new DuplicateScoring.Report("INFRASTRUKTUR", List.of("jalan", "lubang", "merdeka"), "Susut", -8.431, 115.351,
        t.plusSeconds(3600));
    var far = new DuplicateScoring.Report("INFRASTRUKTUR", List.of("jalan", "lubang", "merdeka"), null, -8.1, 115.1,
        t.plusSeconds(3600));
    var later = new DuplicateScoring.Report("INFRASTRUKTUR", List.of("jalan", "lubang", "merdeka"), null, null, null,
        t.plus(DuplicateScoring.WINDOW).plusSeconds(86_400));
    assertThat(DuplicateScoring.score(a, near)).isEqualTo(1.0);
    assertThat(DuplicateScoring.score(a, far)).as("the same words 40 km apart").isLessThan(0.6);
    assertThat(DuplicateScoring.score(a, later)).as("outside the time window (which the index leaves out anyway)").isLessThan(0.5);
    assertThat(id.lapor.institutions.Districts.kilometres(-8.43, 115.35, -8.43, 115.36)).isBetween(1.0, 1.2);
  }
}
