package id.lapor.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.calendar.SopDuration;
import id.lapor.calendar.WorkingTime;
import id.lapor.complaint.EscalationLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SopParametersTests {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final List<EscalationLevel> NATIONAL_CHAIN = List.of(EscalationLevel.PROVINCE, EscalationLevel.NATIONAL);
  static final WorkingTime NYEPI_WEEK = new WorkingTime(Set.of(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 19),
      LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 24)));

  @Test
  void reckonsEachStepWithItsOwnDurationInTheRegencysZone() {
    var sop = new SopParameters("test", WITA, Map.of(
        SopStep.FOLLOW_UP, SopDuration.parse("5 working days"),
        SopStep.SUPPLEMENT, SopDuration.parse("30 days")), false, NATIONAL_CHAIN, 80, NYEPI_WEEK);
    Instant tuesday10Wita = Instant.parse("2026-03-17T02:00:00Z");
    assertThat(sop.due(SopStep.FOLLOW_UP, tuesday10Wita)).isEqualTo(Instant.parse("2026-03-31T08:00:00Z"));
    assertThat(sop.due(SopStep.SUPPLEMENT, tuesday10Wita)).isEqualTo(Instant.parse("2026-04-16T02:00:00Z"));
  }

  @Test
  void remindsAtTheShareOfThePeriodCountedTheWayThePeriodIs() {
    var sop = new SopParameters("test", WITA, Map.of(
        SopStep.FOLLOW_UP, SopDuration.parse("5 working days"),
        SopStep.EXTENSION, SopDuration.parse("4 hours")), false, NATIONAL_CHAIN, 80, NYEPI_WEEK);
    // 80 % of 5 working days = 32 working hours from Mon 16 March 10:00 WITA: 6 h on Monday, 8 h on
    // Tuesday, then the Nyepi week is closed: 8 h on Wed 25, 8 h on Thu 26, 2 h on Fri 27 → 10:00
    assertThat(sop.reminder(SopStep.FOLLOW_UP, Instant.parse("2026-03-16T02:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-27T02:00:00Z"));
    // clock hours: 80 % of 4 hours is 3 h 12 min, nights and holidays included
    assertThat(sop.reminder(SopStep.EXTENSION, Instant.parse("2026-03-18T14:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-18T17:12:00Z"));
  }

  @Test
  void needsTwoRealEscalationTargets() {
    assertThatThrownBy(() -> new SopParameters("row-y", WITA, Map.of(), false,
        List.of(EscalationLevel.PROVINCE), 80, NYEPI_WEEK)).hasMessageContaining("row-y");
    assertThat(new SopParameters("row-z", WITA, Map.of(), false,
        List.of(EscalationLevel.REGENT, EscalationLevel.PROVINCE), 80, NYEPI_WEEK).escalation(1))
        .isEqualTo(EscalationLevel.REGENT);
  }

  @Test
  void saysWhichRowLacksADuration() {
    var sop = new SopParameters("row-x", WITA, Map.of(), false, NATIONAL_CHAIN, 80, NYEPI_WEEK);
    assertThatThrownBy(() -> sop.due(SopStep.REPLY, Instant.now())).hasMessageContaining("row-x")
        .hasMessageContaining("reply");
  }
}
