package id.lapor.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.supervision.GradingProperties.Grade;
import id.lapor.supervision.GradingProperties.Thresholds;
import org.junit.jupiter.api.Test;

/** The documented grade: BAIK meets every "good" threshold, SEDANG every "fair" one, else KURANG. */
class GradingTests {

  final GradingProperties grading = new GradingProperties(30, 90, new Thresholds(80, 70, 5), new Thresholds(50, 40, 1));

  @Test
  void gradesByTheConfiguredThresholds() {
    assertThat(grading.grade(80.0, 70.0, 5)).isEqualTo(Grade.BAIK);
    assertThat(grading.grade(79.9, 90.0, 50)).isEqualTo(Grade.SEDANG);
    assertThat(grading.grade(95.0, 69.9, 50)).isEqualTo(Grade.SEDANG);
    assertThat(grading.grade(95.0, 95.0, 4)).isEqualTo(Grade.SEDANG);
    assertThat(grading.grade(49.9, 95.0, 50)).isEqualTo(Grade.KURANG);
    assertThat(grading.grade(95.0, 95.0, 0)).as("no activity").isEqualTo(Grade.KURANG);
  }

  @Test
  void unknownRatesLeaveActivityToDecide() {
    assertThat(grading.grade(null, null, 5)).isEqualTo(Grade.BAIK);
    assertThat(grading.grade(null, null, 0)).isEqualTo(Grade.KURANG);
  }

  @Test
  void defaultsAndRefusesNonsense() {
    GradingProperties defaults = new GradingProperties(null, null, null, null);
    assertThat(defaults.activeDays()).isEqualTo(30);
    assertThat(defaults.good().onTimeRate()).isEqualTo(80);
    assertThatThrownBy(() -> new GradingProperties(0, 90, null, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
