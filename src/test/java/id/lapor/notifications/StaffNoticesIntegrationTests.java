package id.lapor.notifications;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.casework.ComplaintTasks;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff hear about their work through the outbox: a bundled digest of the tasks that arrived for
 * their groups, the reminder to the officer before the follow-up deadline, the escalation notice to
 * the province's supervisors; nobody who opted out, each arrival told once.
 */
@LaporTest
class StaffNoticesIntegrationTests {

  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired StaffNotices notices;
  @Autowired StaffNoticePreferences preferences;
  @Autowired TaskArrivalDigest digest;

  @AfterEach
  void reset() {
    casework.resetClock();
    preferences.setWantsEmail("supervisor.bali", true);
    preferences.setWantsEmail("admin.bangli", true);
  }

  @Test
  void theOfficerIsRemindedAndTheProvincesSupervisorsHearOfTheEscalationButNotWhoOptedOut() {
    String tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(tn, BANGLI_DINKES);
    casework.dispose(tn, "petugas.bangli.dinkes");
    var task = casework.task(tn, ComplaintTasks.PREPARE_FOLLOW_UP);
    int before = notices.findByRecipientOrderById("supervisor.jatim").size();

    casework.advanceClockPast(task.getDueDate());
    casework.fireDueTimers(task.getProcessInstanceId());

    assertThat(about(tn, "petugas.bangli.dinkes")).extracting(StaffNotice::getKind)
        .as("the reminder before the deadline").contains(StaffNotice.Kind.REMINDER);
    List<StaffNotice> escalation = about(tn, "supervisor.bali");
    assertThat(escalation).extracting(StaffNotice::getKind).containsExactly(StaffNotice.Kind.ESCALATION);
    assertThat(escalation.get(0).getBody()).contains(aPublicComplaintIn(BANGLI).title(), "Dinas Kesehatan Kab. Bangli",
        "/staff/complaints/" + tn).doesNotContain(id.lapor.support.ComplaintFixtures.COMPLAINANT_NAME);
    assertThat(notices.findByRecipientOrderById("supervisor.jatim")).as("another province's supervisors")
        .hasSize(before);

    // a supervisor who opted out hears nothing of the next one
    preferences.setWantsEmail("supervisor.bali", false);
    casework.resetClock();
    String next = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(next, BANGLI_DINKES);
    var nextTask = casework.task(next, ComplaintTasks.DISPOSE_COMPLAINT);
    casework.advanceClockPast(nextTask.getDueDate());
    casework.fireDueTimers(nextTask.getProcessInstanceId());
    assertThat(about(next, "supervisor.bali")).isEmpty();
    assertThat(about(next, "penghubung.bangli.dinkes")).as("no officer yet: the liaison officers are reminded")
        .extracting(StaffNotice::getKind).contains(StaffNotice.Kind.REMINDER);
  }

  @Test
  void theTasksThatArrivedAreToldOncePerPersonInOneEmail() {
    digest.tell();
    String first = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    String second = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    preferences.setWantsEmail("admin.bangli", true);
    int before = notices.findByRecipientOrderById("admin.bangli").size();

    assertThat(digest.tell()).isPositive();
    List<StaffNotice> mine = notices.findByRecipientOrderById("admin.bangli");
    assertThat(mine).hasSize(before + 1);
    StaffNotice told = mine.get(mine.size() - 1);
    assertThat(told.getKind()).isEqualTo(StaffNotice.Kind.TASKS);
    assertThat(told.getBody()).contains(first, second, "Verifikasi pengaduan");
    assertThat(notices.findByRecipientOrderById("admin.banyuwangi")).extracting(StaffNotice::getBody)
        .noneMatch(body -> body.contains(first));

    assertThat(digest.tell()).as("nothing new arrived").isZero();
    preferences.setWantsEmail("admin.bangli", false);
    intake.submit(aPublicComplaintIn(BANGLI));
    digest.tell();
    assertThat(notices.findByRecipientOrderById("admin.bangli")).as("opted out").hasSize(before + 1);
  }

  private List<StaffNotice> about(String trackingNumber, String user) {
    return notices.findByRecipientOrderById(user).stream().filter(n -> n.getSubject().contains(trackingNumber))
        .toList();
  }
}
