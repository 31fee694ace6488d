package id.lapor.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.calendar.WorkingCalendar;
import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.TimelineEventType;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year without its holiday list is not a year without holidays. Kota Denpasar, forwarded on
 * Thu 24 Dec 2026 16:30 WITA (24 Dec cuti bersama, 25 Dec Christmas), five working days: before 2027
 * is loaded the deadline is Mon 4 Jan 2027 16:00 WITA (New Year's Day is law), marked provisional on
 * the task form, the staff API and the public status page; loading 2027 keeps it and drops the mark;
 * a list with one more day off moves the deadline, its timers, the tasks' due dates and the read model
 * together, on the staff timeline; a deadline already passed stays as it was; the timers fire at the
 * new time.
 */
@LaporTest
class ProvisionalDeadlinesIntegrationTests {

  static final String DENPASAR = "51.71";
  static final String OPD = "51.71.dinkes";
  static final String ADMIN = "admin.denpasar.uji";
  /** Thu 24 Dec 2026 16:30 WITA. */
  static final Instant FORWARDED = Instant.parse("2026-12-24T08:30:00Z");
  /** Mon 4 Jan 2027 16:00 WITA. */
  static final Instant MON_4_JAN = Instant.parse("2027-01-04T08:00:00Z");
  /** Tue 5 Jan 2027 16:00 WITA. */
  static final Instant TUE_5_JAN = Instant.parse("2027-01-05T08:00:00Z");

  static final String SKB_2027 = """
      date,kind,name
      2027-01-01,LIBUR_NASIONAL,Tahun Baru 2027 Masehi
      2027-02-06,LIBUR_NASIONAL,Tahun Baru Imlek
      2027-03-10,LIBUR_NASIONAL,Hari Suci Nyepi
      2027-05-01,LIBUR_NASIONAL,Hari Buruh Internasional
      2027-06-01,LIBUR_NASIONAL,Hari Lahir Pancasila
      2027-08-17,LIBUR_NASIONAL,Hari Kemerdekaan RI
      2027-12-25,LIBUR_NASIONAL,Hari Raya Natal
      """;

  @Autowired ComplaintIntake intake;
  @Autowired Complaints complaints;
  @Autowired Casework casework;
  @Autowired WorkingCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identities;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.FormService forms;
  @Autowired ManagementService management;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  void noHolidaysFor2027() {
    jdbc.update("delete from holiday where \"DATE\" >= ? and \"DATE\" <= ?", LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31));
    calendar.reload();
    if (identities.createUserQuery().userId(ADMIN).count() == 0) {
      var user = identities.newUser(ADMIN);
      user.setFirstName("Admin");
      user.setLastName("Denpasar");
      user.setPassword("demo");
      identities.saveUser(user);
      identities.createMembership(ADMIN, "regency-admins-" + DENPASAR);
    }
  }

  @AfterEach
  void clock() {
    casework.resetClock();
  }

  private String forwardedOnChristmasEve() {
    casework.setClock(FORWARDED.minusSeconds(3600));
    String tn = intake.submit(new NewComplaint(Classification.PENGADUAN, "Puskesmas tutup saat libur",
        "Puskesmas Denpasar Barat tutup padahal bukan hari libur.", Category.KESEHATAN, LocalDate.of(2026, 12, 23),
        new Location(DENPASAR, "Denpasar Barat", null, null), Channel.WEB, Privacy.PUBLIC,
        new Complainant("Putu Uji", "putu.uji@example.org", null))).trackingNumber();
    casework.setClock(FORWARDED);
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, ADMIN, Map.of(ProcessVariables.VERIFICATION_DECISION,
        "FORWARD", ProcessVariables.OPD_CODE, OPD));
    return tn;
  }

  private Complaint complaint(String tn) {
    return transactions.execute(s -> {
      Complaint c = complaints.getByTrackingNumber(tn);
      c.getTimeline().size();
      return c;
    });
  }

  private String processOf(String tn) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn).singleResult().getId();
  }

  private List<Date> timers(String tn) {
    return management.createJobQuery().processInstanceId(processOf(tn)).timers().list().stream()
        .map(Job::getDuedate).sorted().toList();
  }

  private ResponseEntity<String> load2027(String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return http.withBasicAuth("demo", "demo").exchange("/api/staff/holidays/2027", HttpMethod.PUT,
        new HttpEntity<>(csv, headers), String.class);
  }

  @Test
  void theDenpasarCaseIsProvisionalUntil2027IsLoadedAndMovesWithTheCalendar() throws Exception {
    String tn = forwardedOnChristmasEve();
    assertThat(complaint(tn).getCurrentDeadline()).contains(MON_4_JAN);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(tn).singleResult().getDueDate())
        .isEqualTo(Date.from(MON_4_JAN));
    // the reminder (80 %) waits for Thu 31 Dec 16:00 WITA; once it has fired, the deadline's timer waits
    assertThat(timers(tn)).containsExactly(Date.from(Instant.parse("2026-12-31T08:00:00Z")));
    casework.setClock(Instant.parse("2026-12-31T08:01:00Z"));
    assertThat(casework.fireDueTimers(processOf(tn))).isEqualTo(1);
    assertThat(timers(tn)).containsExactly(Date.from(MON_4_JAN));

    // said where people look: the year's status, the staff API, the task form, the public status page
    JsonNode year = json.readTree(http.withBasicAuth("admin.bangli", "demo")
        .getForEntity("/api/staff/holidays/2027", String.class).getBody());
    assertThat(year.get("status").asText()).isEqualTo("PROVISIONAL");
    assertThat(year.get("holidays").findValuesAsText("date")).containsExactly("2027-01-01", "2027-05-01",
        "2027-06-01", "2027-08-17", "2027-12-25");
    JsonNode staff = json.readTree(http.withBasicAuth("admin.nasional", "demo")
        .getForEntity("/api/staff/complaints/" + tn, String.class).getBody());
    assertThat(staff.get("deadlineProvisional").asBoolean()).isTrue();
    assertThat(staff.get("deadlineNote").asText()).isEqualTo("tenggat sementara: kalender 2027 belum dimuat");
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(tn).singleResult().getId();
    assertThat(String.valueOf(forms.getTaskFormVariables(taskId).get("complaintDeadline")))
        .contains("2027 16.00 WITA (tenggat sementara: kalender 2027 belum dimuat)");
    assertThat(http.getForObject("/lacak/" + tn + "?lang=id", String.class))
        .contains("tenggat sementara: kalender 2027 belum dimuat");

    // the SKB list: New Year's Day was already counted; the deadline stays, without the mark
    assertThat(load2027(SKB_2027).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(complaint(tn).getCurrentDeadline()).contains(MON_4_JAN);
    staff = json.readTree(http.withBasicAuth("admin.nasional", "demo")
        .getForEntity("/api/staff/complaints/" + tn, String.class).getBody());
    assertThat(staff.get("deadlineProvisional").asBoolean()).isFalse();
    assertThat(http.getForObject("/lacak/" + tn + "?lang=id", String.class)).doesNotContain("tenggat sementara");
    assertThat(json.readTree(http.withBasicAuth("admin.bangli", "demo")
        .getForEntity("/api/staff/holidays/2027", String.class).getBody()).get("status").asText()).isEqualTo("LOADED");

    // a corrected list with one more day off (cuti bersama on Mon 4 Jan): everything moves to Tue 5 Jan
    assertThat(load2027(SKB_2027 + "2027-01-04,CUTI_BERSAMA,Cuti bersama Tahun Baru\n").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Complaint moved = complaint(tn);
    assertThat(moved.getCurrentDeadline()).contains(TUE_5_JAN);
    assertThat(moved.getTimeline().get(moved.getTimeline().size() - 1).getType())
        .isEqualTo(TimelineEventType.DEADLINE_RECALCULATED);
    assertThat(moved.getTimeline().get(moved.getTimeline().size() - 1).getNote())
        .contains("Kalender 2027 dimuat", "4 Jan 2027 16.00 WITA");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(tn).singleResult().getDueDate())
        .isEqualTo(Date.from(TUE_5_JAN));
    assertThat(runtime.getVariable(processOf(tn), ProcessVariables.FOLLOW_UP_DUE)).isEqualTo(Date.from(TUE_5_JAN));
    assertThat(timers(tn)).as("the waiting timer moved").containsExactly(Date.from(TUE_5_JAN));
    assertThat(jdbc.queryForObject("select due_at from complaint_projection where tracking_number = ?",
        java.sql.Timestamp.class, tn).toInstant()).as("the read model").isEqualTo(TUE_5_JAN);
    assertThat(http.getForObject("/lacak/" + tn + "?lang=id", String.class)).as("the public sees the deadline only")
        .doesNotContain("dihitung ulang").contains("5 Jan 2027");

    // the timer fires at the new time, not the old one
    casework.setClock(MON_4_JAN.plusSeconds(60));
    casework.fireDueTimers(processOf(tn));
    assertThat(complaint(tn).getEscalationCount()).as("not overdue on Monday any more").isZero();
    casework.setClock(TUE_5_JAN.plusSeconds(60));
    casework.fireDueTimers(processOf(tn));
    assertThat(complaint(tn).getEscalationCount()).as("overdue on Tuesday evening").isEqualTo(1);

    // a deadline already passed stays as it was, whatever is loaded afterwards; what the escalation set
    // going still moves: the supervisors' 3 working days (Fri 8 Jan) and the next level's 5 (Tue 12 Jan)
    Instant escalatedDeadline = complaint(tn).getCurrentDeadline().orElse(null);
    int entries = complaint(tn).getTimeline().size();
    var supervise = tasks.createTaskQuery().processInstanceBusinessKey(tn)
        .taskDefinitionKey(ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT).singleResult();
    assertThat(supervise.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-01-08T08:00:00Z")));
    assertThat(timers(tn)).contains(Date.from(Instant.parse("2027-01-12T08:00:00Z")));
    assertThat(load2027(SKB_2027 + "2027-01-04,CUTI_BERSAMA,Cuti bersama Tahun Baru\n"
        + "2027-01-07,CUTI_BERSAMA,Cuti bersama (uji)\n").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(complaint(tn).getCurrentDeadline().orElse(null)).isEqualTo(escalatedDeadline);
    assertThat(complaint(tn).getTimeline()).hasSize(entries);
    assertThat(tasks.createTaskQuery().taskId(supervise.getId()).singleResult().getDueDate())
        .isEqualTo(Date.from(Instant.parse("2027-01-11T08:00:00Z")));
    assertThat(timers(tn)).contains(Date.from(Instant.parse("2027-01-13T08:00:00Z")))
        .doesNotContain(Date.from(Instant.parse("2027-01-12T08:00:00Z")));
  }

  @Test
  void fromTheFirstOfOctoberTheSupervisionPageWarnsThatNextYearIsNotLoaded() throws Exception {
    casework.setClock(Instant.parse("2026-09-30T10:00:00Z"));
    String september = http.withBasicAuth("supervisor.bali", "demo")
        .getForObject("/api/staff/supervision/notices", String.class);
    assertThat(september).doesNotContain("2027");
    casework.setClock(Instant.parse("2026-10-01T01:00:00Z"));
    JsonNode october = json.readTree(http.withBasicAuth("supervisor.bali", "demo")
        .getForObject("/api/staff/supervision/notices", String.class));
    assertThat(october.findValuesAsText("kind")).containsExactly("CALENDAR");
    assertThat(october.get(0).get("text").asText()).contains("Kalender libur 2027 (SKB) belum dimuat",
        "PUT /api/staff/holidays/2027");
    assertThat(load2027(SKB_2027).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("supervisor.bali", "demo").getForObject("/api/staff/supervision/notices",
        String.class)).isEqualTo("[]");
  }

  @Test
  void theReceiptSaysWhenTheFirstDeadlineIsProvisional() {
    casework.setClock(Instant.parse("2026-12-31T02:00:00Z"));
    var submission = intake.submit(new NewComplaint(Classification.PENGADUAN, "Lampu taman padam",
        "Lampu Taman Kota Lumintang padam sejak tiga malam.", Category.INFRASTRUKTUR, LocalDate.of(2026, 12, 29),
        new Location(DENPASAR, "Denpasar Utara", null, null), Channel.WEB, Privacy.PUBLIC,
        new Complainant("Made Uji", "made.uji@example.org", null)));
    assertThat(http.getForObject("/lacak/" + submission.trackingNumber() + "/tanda-terima?lang=id&token="
        + submission.followUpToken(), String.class)).contains("Jan 2027", "tenggat sementara: kalender 2027 belum dimuat");
  }
}
