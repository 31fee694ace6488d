package id.lapor.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ComplaintTests {

  static final Instant T0 = Instant.parse("2026-03-17T02:00:00Z");
  static final FollowUpToken TOKEN = FollowUpToken.generate();

  static Complaint aSubmittedComplaint() {
    return Complaint.submit(new NewComplaint(Classification.PENGADUAN, "Judul", "Isi", Category.KESEHATAN,
        LocalDate.of(2026, 3, 16), new Location("51.06", null, null, null), Channel.API, Privacy.PUBLIC, null),
        "LPR-2026-ABCDEF", TOKEN, T0, T0.plus(3, ChronoUnit.DAYS));
  }

  @Test
  void startsSubmittedWithTheVerificationDeadlineAndOneTimelineEntry() {
    Complaint c = aSubmittedComplaint();
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.SUBMITTED);
    assertThat(c.getHandlerCode()).isEqualTo("51.06");
    assertThat(c.getCurrentDeadline()).contains(T0.plus(3, ChronoUnit.DAYS));
    assertThat(c.getTimeline()).singleElement().extracting(TimelineEntry::getType)
        .isEqualTo(TimelineEventType.SUBMITTED);
  }

  @Test
  void refusesTransitionsTheCurrentStatusDoesNotAllow() {
    Complaint c = aSubmittedComplaint();
    assertThatThrownBy(() -> c.postFollowUp("x", T0, "petugas", T0))
        .isInstanceOf(IllegalComplaintTransitionException.class).hasMessageContaining("SUBMITTED");
    assertThatThrownBy(() -> c.resolve(Resolution.ACCEPTED, T0)).isInstanceOf(IllegalComplaintTransitionException.class);
    assertThatThrownBy(() -> c.supplement("x", T0, T0)).isInstanceOf(IllegalComplaintTransitionException.class);
    assertThatThrownBy(() -> c.recordReply(ReplyDecision.ACCEPT, 5, null, T0))
        .isInstanceOf(IllegalComplaintTransitionException.class);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.SUBMITTED);
    assertThat(c.getTimeline()).hasSize(1);
  }

  @Test
  void returnKeepsTheComplaintOpenAndCountsIt() {
    Complaint c = aSubmittedComplaint();
    c.forwardTo("51.06.dinkes", T0.plus(5, ChronoUnit.DAYS), "admin", T0);
    c.returnToRegency("Bukan wewenang", T0.plus(4, ChronoUnit.DAYS), "penghubung", T0.plusSeconds(60), null);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.SUBMITTED);
    assertThat(c.getStatus().isOpen()).isTrue();
    assertThat(c.getReturnCount()).isEqualTo(1);
    assertThat(c.getHandlerCode()).isEqualTo("51.06");
    assertThat(c.getOpdCode()).isEmpty();
  }

  @Test
  void archivingNeedsAReasonAndClosesTheComplaint() {
    Complaint c = aSubmittedComplaint();
    assertThatThrownBy(() -> c.archive(null, null, "admin", T0)).isInstanceOf(NullPointerException.class);
    assertThat(c.getStatus()).as("a refused change changes nothing").isEqualTo(ComplaintStatus.SUBMITTED);
    assertThatThrownBy(() -> c.requestInformation(" ", T0, "admin", T0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.SUBMITTED);
    assertThat(c.getTimeline()).hasSize(1);
    c.archive(ArchiveReason.ABUSIVE, " ", "admin", T0);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.ARCHIVED);
    assertThat(c.getStatus().isOpen()).isFalse();
    assertThat(c.getClosedAt()).contains(T0);
    assertThat(c.getCurrentDeadline()).isEmpty();
    assertThat(c.getTimeline()).last().extracting(TimelineEntry::getNote).isNull();
  }

  @Test
  void disputeNeedsACommentAndReopeningCountsAndResetsEscalation() {
    Complaint c = aSubmittedComplaint();
    c.forwardTo("51.06.dinkes", T0, "admin", T0);
    c.dispose("petugas", "penghubung", T0);
    c.escalate(EscalationLevel.PROVINCE, "51", T0);
    c.postFollowUp("Jawaban", T0, "petugas", T0);
    assertThatThrownBy(() -> c.recordReply(ReplyDecision.DISPUTE, null, " ", T0))
        .isInstanceOf(IllegalArgumentException.class);
    c.recordReply(ReplyDecision.DISPUTE, 2, "Belum beres", T0);
    c.reopen(T0.plus(5, ChronoUnit.DAYS), T0);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    assertThat(c.getReopenCount()).isEqualTo(1);
    assertThat(c.getEscalationLevel()).isEqualTo(EscalationLevel.NONE);
    assertThat(c.getEscalationCount()).isEqualTo(1);
    assertThat(c.getRating()).contains(2);
  }

  @Test
  void turnsItsLightFromRedToYellowToGreenOrOverdue() {
    Complaint c = aSubmittedComplaint();
    assertThat(c.trafficLight(T0)).as("not at an OPD").isEmpty();
    assertThat(c.markOpened("admin", T0)).as("opening outside an OPD counts for nothing").isFalse();
    Instant due = T0.plus(5, ChronoUnit.DAYS);
    c.forwardTo("51.06.dinkes", due, "admin", T0);
    assertThat(c.trafficLight(T0)).contains(TrafficLight.RED);
    assertThat(c.trafficLight(due.plusSeconds(1))).as("late, even unopened").contains(TrafficLight.OVERDUE);
    assertThat(c.markOpened("penghubung", T0.plusSeconds(60))).isTrue();
    assertThat(c.markOpened("petugas", T0.plusSeconds(120))).as("first opening only").isFalse();
    assertThat(c.trafficLight(T0.plusSeconds(60))).contains(TrafficLight.YELLOW);
    c.dispose("petugas", "penghubung", T0.plusSeconds(90));
    c.postFollowUp("Jawaban", T0.plus(10, ChronoUnit.DAYS), "petugas", due.plusSeconds(3600));
    assertThat(c.trafficLight(due.plusSeconds(3600))).contains(TrafficLight.GREEN);
    assertThat(c.getAnsweredLate()).contains(true);
    c.recordReply(ReplyDecision.DISPUTE, 1, "Belum", due.plusSeconds(7200));
    c.reopen(due.plus(5, ChronoUnit.DAYS), due.plusSeconds(7200));
    assertThat(c.trafficLight(due.plusSeconds(7200))).as("reopened: red again").contains(TrafficLight.RED);
    assertThat(c.getAnsweredLate()).isEmpty();
    assertThat(c.getTimeline()).extracting(TimelineEntry::getType).containsOnlyOnce(TimelineEventType.OPENED);
  }

  @Test
  void acceptsOnlyItsOwnFollowUpToken() {
    Complaint c = aSubmittedComplaint();
    assertThat(c.acceptsToken(TOKEN.value())).isTrue();
    assertThat(c.acceptsToken(FollowUpToken.generate().value())).isFalse();
    assertThat(c.acceptsToken(null)).isFalse();
    assertThatThrownBy(() -> c.requireToken("LPR-2026-ABCDEF")).isInstanceOf(FollowUpTokenRejectedException.class);
  }
}
