package id.lapor.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.calendar.SopDuration;
import id.lapor.calendar.WorkingTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SopParametersTests {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final WorkingTime NYEPI_WEEK = new WorkingTime(Set.of(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 19),
      LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 24)));

  @Test
  void reckonsEachStepWithItsOwnDurationInTheRegencysZone() {
    var sop = new SopParameters("test", WITA, Map.of(
        SopStep.FOLLOW_UP, SopDuration.parse("5 working days"),
        SopStep.SUPPLEMENT, SopDuration.parse("30 days")), false, NYEPI_WEEK);
    Instant tuesday10Wita = Instant.parse("2026-03-17T02:00:00Z");
    assertThat(sop.due(SopStep.FOLLOW_UP, tuesday10Wita)).isEqualTo(Instant.parse("2026-03-31T08:00:00Z"));
    assertThat(sop.due(SopStep.SUPPLEMENT, tuesday10Wita)).isEqualTo(Instant.parse("2026-04-16T02:00:00Z"));
  }

  @Test
  void saysWhichRowLacksADuration() {
    var sop = new SopParameters("row-x", WITA, Map.of(), false, NYEPI_WEEK);
    assertThatThrownBy(() -> sop.due(SopStep.REPLY, Instant.now())).hasMessageContaining("row-x")
        .hasMessageContaining("reply");
  }
}
