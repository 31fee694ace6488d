package id.lapor.supervision;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.BANYUWANGI;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.supervision.FiguresDelta;
import id.lapor.complaint.ReplyDecision;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import id.lapor.intake.ComplaintIntake;
import id.lapor.intake.ComplaintIntake.Submission;
import id.lapor.supervision.Figures.Counts;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national rollup through the real process: the nation's figures summed from it equal the
 * same figures counted over the read model (percentiles within a histogram bucket), before and
 * after its deltas are summed, and a rebuild from the read model finds nothing to repair — but
 * repairs a row that was wrong.
 */
@LaporTest
class FiguresRollupIntegrationTests {

  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired SupervisionFigures figures;
  @Autowired FiguresRollup rollup;
  @Autowired Institutions institutions;
  @Autowired JdbcTemplate jdbc;

  Unit nation;

  @BeforeEach
  void complaintsOnSeveralDaysAndInTwoProvinces() {
    nation = Unit.of(institutions.findById(Institution.NATIONAL_CODE).orElseThrow());
    // received twelve days ago: answered late after an escalation, accepted with a rating
    casework.setClock(casework.now().minus(Duration.ofDays(12)));
    Submission early = intake.submit(aPublicComplaintIn(BANGLI));
    casework.forward(early.trackingNumber(), BANGLI_DINKES);
    casework.dispose(early.trackingNumber(), "petugas.bangli.dinkes");
    casework.advanceClock(Duration.ofDays(3));
    casework.postFollowUp(early.trackingNumber(), "Sudah ditangani.");
    intake.reply(early.trackingNumber(), early.followUpToken(), ReplyDecision.ACCEPT, 4, null);
    casework.resetClock();

    // today: answered at once, one archived, one still waiting in another province
    Submission quick = intake.submit(aPublicComplaintIn(BANGLI));
    casework.forward(quick.trackingNumber(), BANGLI_DINKES);
    casework.dispose(quick.trackingNumber(), "petugas.bangli.dinkes");
    casework.postFollowUp(quick.trackingNumber(), "Selesai.");
    String archived = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.complete(archived, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "ARCHIVE", ProcessVariables.ARCHIVE_REASON, "UNINTELLIGIBLE"));
    intake.submit(aPublicComplaintIn(BANYUWANGI));
  }

  @AfterEach
  void resetClock() {
    casework.resetClock();
  }

  @Test
  void theNationsFiguresFromTheRollupEqualThoseCountedOverTheReadModel() {
    assertThat(jdbc.queryForObject("select count(*) from figures_delta where batch is null", Long.class))
        .as("the steps above wrote deltas").isPositive();
    for (Period period : periods()) {
      assertThat(rollup.covers(nation, period)).isTrue();
      assertSameFigures(period);
    }
    assertThat(rollup.compact()).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from figures_delta", Long.class)).isZero();
    for (Period period : periods()) {
      assertSameFigures(period);
    }
  }

  @Test
  void aRebuildFindsTheIncrementalRollupRightAndRepairsARowThatIsWrong() {
    rollup.compact();
    FiguresRollup.Result first = rollup.rebuild();
    assertThat(first.differing()).as("differing: %s", first.examples()).isZero();
    assertThat(first.complaints()).isEqualTo(jdbc.queryForObject("select count(*) from complaint_projection", Long.class));

    jdbc.update("update figures_total set received = received + 5 where dimension = 'unit' and item = '51'"
        + " and received_on = (select max(received_on) from figures_total where dimension = 'unit' and item = '51')");
    FiguresRollup.Result repaired = rollup.rebuild();
    assertThat(repaired.differing()).isEqualTo(1);
    assertThat(repaired.examples().get(0)).endsWith("/unit/51");
    for (Period period : periods()) {
      assertSameFigures(period);
    }
  }

  private List<Period> periods() {
    LocalDate today = LocalDate.ofInstant(casework.now(), FiguresDelta.ZONE);
    return List.of(new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31), FiguresDelta.ZONE),
        new Period(today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(1).minusDays(1), FiguresDelta.ZONE),
        new Period(today, today, FiguresDelta.ZONE),
        new Period(today.minusDays(89), today, FiguresDelta.ZONE),
        new Period(today.minusDays(12), today.minusDays(12), FiguresDelta.ZONE));
  }

  private void assertSameFigures(Period period) {
    Figures rolledUp = figures.figures(nation, period);
    Figures counted = figures.figuresFromReadModel(nation, period);
    String as = period.from() + ".." + period.to();
    assertThat(rolledUp.followUpHoursApproximate()).isTrue();
    assertThat(counted.followUpHoursApproximate()).isFalse();
    assertThat(rolledUp.summary().received()).as(as).isEqualTo(counted.summary().received());
    assertSameCounts(rolledUp.summary(), counted.summary(), as);
    assertThat(rolledUp.board()).as(as).isEqualTo(counted.board());
    assertThat(rolledUp.byClassification()).as(as).isEqualTo(counted.byClassification());
    assertThat(rolledUp.byCategory()).as(as).isEqualTo(counted.byCategory());
    assertThat(rolledUp.byChannel()).as(as).isEqualTo(counted.byChannel());
    assertThat(rolledUp.weekly()).as(as).isEqualTo(counted.weekly());
    assertThat(rolledUp.units()).hasSameSizeAs(counted.units());
    for (int i = 0; i < counted.units().size(); i++) {
      Figures.UnitFigures r = rolledUp.units().get(i);
      Figures.UnitFigures c = counted.units().get(i);
      assertThat(r.code()).isEqualTo(c.code());
      assertThat(r.board()).as(as + " " + c.code()).isEqualTo(c.board());
      assertSameCounts(r.counts(), c.counts(), as + " " + c.code());
    }
  }

  /** Equal counts; follow-up times within a histogram bucket (≈ 3 %, and the rounding to 0.1 h). */
  private static void assertSameCounts(Counts rolledUp, Counts counted, String as) {
    assertThat(rolledUp.withFollowUpHours(null, null)).as(as).isEqualTo(counted.withFollowUpHours(null, null));
    assertClose(rolledUp.followUpHoursMedian(), counted.followUpHoursMedian(), as + " median");
    assertClose(rolledUp.followUpHoursP90(), counted.followUpHoursP90(), as + " p90");
  }

  private static void assertClose(Double rolledUp, Double counted, String as) {
    if (counted == null) {
      assertThat(rolledUp).as(as).isNull();
    } else {
      assertThat(rolledUp).as(as).isNotNull().isCloseTo(counted, Offset.offset(Math.max(0.1, counted * 0.035)));
    }
  }
}
