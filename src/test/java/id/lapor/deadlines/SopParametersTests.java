package id.lapor.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SopParametersTests {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");

  @Test
  void countsCalendarDaysInTheRegencysZone() {
    var sop = new SopParameters("test", WITA, Map.of(SopStep.FOLLOW_UP, "P5D"));
    // Tue 17 Mar 2026 10:00 WITA
    Instant from = Instant.parse("2026-03-17T02:00:00Z");
    assertThat(sop.due(SopStep.FOLLOW_UP, from)).isEqualTo(Instant.parse("2026-03-22T02:00:00Z"));
  }

  @Test
  void countsClockTimeForDurationsWithHours() {
    var sop = new SopParameters("banyuwangi", ZoneId.of("Asia/Jakarta"), Map.of(SopStep.FOLLOW_UP, "PT4H"));
    // Sat 21 Mar 2026 22:00 WIB -> Sun 22 Mar 02:00 WIB
    assertThat(sop.due(SopStep.FOLLOW_UP, Instant.parse("2026-03-21T15:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-21T19:00:00Z"));
  }

  @Test
  void saysWhichRowLacksADuration() {
    var sop = new SopParameters("row-x", WITA, Map.of());
    assertThatThrownBy(() -> sop.due(SopStep.REPLY, Instant.now())).hasMessageContaining("row-x")
        .hasMessageContaining("reply");
  }
}
