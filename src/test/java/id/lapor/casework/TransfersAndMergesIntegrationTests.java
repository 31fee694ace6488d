package id.lapor.casework;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.BANYUWANGI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.notifications.ComplainantNotices;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.TimelineEventType;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import id.lapor.support.StaffBrowser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No wrong door across institutions: transfers move the complaint and the access to it, merges
 * keep duplicate complainants informed, and every open complaint always has exactly one owner.
 */
@LaporTest
class TransfersAndMergesIntegrationTests {

  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired Complaints complaints;
  @Autowired ComplaintOwners owners;
  @Autowired ComplainantNotices notices;
  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired TransactionTemplate tx;

  @Test
  void aTransferMovesTheComplaintAndItsAccessToTheReceivingRegency() throws Exception {
    String tn = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    transfer(tn, "admin.bangli", BANYUWANGI);

    TestRestTemplate banyuwangi = http.withBasicAuth("admin.banyuwangi", "demo");
    TestRestTemplate bangli = http.withBasicAuth("admin.bangli", "demo");
    assertThat(count(banyuwangi, "/engine-rest/task/count?processInstanceBusinessKey=" + tn)).isEqualTo(1);
    assertThat(count(bangli, "/engine-rest/task/count?processInstanceBusinessKey=" + tn)).isZero();
    assertThat(banyuwangi.getForEntity("/api/staff/complaints/" + tn, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bangli.getForEntity("/api/staff/complaints/" + tn, String.class).getStatusCode())
        .as("the sender no longer sees new data").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(count(bangli, "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + tn))
        .as("but keeps its history").isEqualTo(1);

    JsonNode status = json.readTree(http.getForObject("/api/complaints/" + tn, String.class));
    JsonNode last = status.get("timeline").get(status.get("timeline").size() - 1);
    assertThat(last.get("label").asText()).isEqualTo("Dialihkan ke Kab. Banyuwangi");
    assertThat(last.get("note").asText()).isEqualTo("Lokasi di Banyuwangi.");
    assertNoOwnerProblem(tn);

    // and on to a national body, from Banyuwangi's own variant
    transfer(tn, "admin.banyuwangi", "ID.pln");
    assertThat(complaint(tn).getTransferCount()).isEqualTo(2);
    assertNoOwnerProblem(tn);
  }

  @Test
  void aComplaintBouncedMoreOftenThanTheSopAllowsGoesToTheProvinceSupervisorsToDecide() {
    String tn = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    transfer(tn, "admin.bangli", BANYUWANGI);
    transfer(tn, "admin.banyuwangi", BANGLI);
    assertThat(casework.task(tn, ComplaintTasks.VERIFY_COMPLAINT).getId()).isNotNull();
    transfer(tn, "admin.bangli", BANYUWANGI);
    // the third transfer exceeds the SOP's 2: Jawa Timur's supervisors decide, with the bounce history
    var task = casework.task(tn, ComplaintTasks.VERIFY_COMPLAINT);
    assertThat(casework.candidateGroups(task.getId())).containsExactly("province-supervisors-35");
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, "supervisor.jatim", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "35.10.dinkes"));
    assertThat(complaint(tn).getStatus()).isEqualTo(ComplaintStatus.FORWARDED);
    assertThat(complaint(tn).getTransferCount()).isEqualTo(3);
    assertNoOwnerProblem(tn);
  }

  @Test
  void theNationalAdminSendsAComplaintToANationalBodyWhoseAdminsVerifyIt() {
    String tn = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "NOT_WITHIN_AUTHORITY", ProcessVariables.REFERRAL_REASON, "Soal listrik."));
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT_NATIONALLY, "admin.nasional", Map.of(
        ProcessVariables.NATIONAL_DECISION, "FORWARD_TO_REGENCY", ProcessVariables.REGENCY_CODE, "ID.pln"));
    var task = casework.task(tn, ComplaintTasks.VERIFY_COMPLAINT);
    assertThat(casework.candidateGroups(task.getId())).containsExactly("regency-admins-ID.pln");
    assertThat(task.getTenantId()).isEqualTo("ID.pln");
    assertThat(complaint(tn).getAddressedRegionCode()).isEqualTo("ID.pln");
    assertNoOwnerProblem(tn);
  }

  @Test
  void twoAdminsTransferringAtOnceLeaveOneOwner() throws Exception {
    String tn = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    List<Callable<String>> both = new ArrayList<>();
    for (String target : List.of(BANYUWANGI, "ID.bpjs-kesehatan")) {
      both.add(() -> {
        start.await();
        try {
          transfer(tn, "admin.bangli", target);
          return target;
        } catch (RuntimeException e) {
          return "refused";
        }
      });
    }
    var results = new ArrayList<java.util.concurrent.Future<String>>();
    for (Callable<String> c : both) {
      results.add(pool.submit(c));
    }
    start.countDown();
    List<String> outcomes = new ArrayList<>();
    for (var f : results) {
      outcomes.add(f.get());
    }
    pool.shutdown();
    assertThat(outcomes).containsOnlyOnce("refused");
    Complaint c = complaint(tn);
    assertThat(c.getTransferCount()).isEqualTo(1);
    assertThat(outcomes).contains(c.getAddressedRegionCode());
    assertNoOwnerProblem(tn);
  }

  @Test
  void aMergedComplainantHearsOfTheMastersFollowUpAndAMergeCanBeUndoneWhileTheMasterIsOpen() throws Exception {
    String master = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    String duplicate = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.complete(duplicate, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "MERGE", ProcessVariables.MASTER_TRACKING_NUMBER, master));
    assertThat(complaint(duplicate).getStatus()).isEqualTo(ComplaintStatus.MERGED);

    JsonNode page = json.readTree(http.getForObject("/api/complaints/" + master, String.class));
    assertThat(page.get("reportCount").asInt()).isEqualTo(2);
    assertThat(http.getForObject("/lacak/" + master, String.class)).contains("2 orang melaporkan masalah ini");
    assertThat(http.getForObject("/lacak/" + duplicate, String.class)).contains(master);

    // undone while the master is open
    TestRestTemplate bangli = http.withBasicAuth("admin.bangli", "demo");
    assertThat(http.withBasicAuth("admin.banyuwangi", "demo").postForEntity("/api/staff/complaints/" + duplicate
        + "/unmerge", null, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(bangli.postForEntity("/api/staff/complaints/" + duplicate + "/unmerge", null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(complaint(duplicate).getStatus()).isEqualTo(ComplaintStatus.SUBMITTED);
    assertThat(complaint(master).getReportCount()).isEqualTo(1);
    assertNoOwnerProblem(duplicate);
    assertThat(bangli.postForEntity("/api/staff/complaints/" + duplicate + "/unmerge", null, String.class)
        .getStatusCode()).as("not merged any more").isEqualTo(HttpStatus.CONFLICT);

    // merged again; the master's follow-up is owed to both complainants
    casework.complete(duplicate, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "MERGE", ProcessVariables.MASTER_TRACKING_NUMBER, master));
    casework.forward(master, BANGLI_DINKES);
    casework.dispose(master, "petugas.bangli.dinkes");
    casework.postFollowUp(master, "Obat sudah tersedia kembali.");
    var followUps = tx.execute(t -> notices.findAll().stream()
        .filter(n -> n.getEventType() == TimelineEventType.FOLLOW_UP_POSTED
            && n.getEntry().getComplaint().getTrackingNumber().equals(master))
        .map(n -> n.getComplaint().getTrackingNumber()).toList());
    assertThat(followUps).contains(master, duplicate);
    assertNoOwnerProblem(master);
  }

  @Test
  void aCitizenSaysMeTooOnAPublicComplaintOnceHoweverOftenTheyClick() throws Exception {
    String tn = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    // the portal's form, as a browser sends it: cookies and the CSRF token from the page
    StaffBrowser citizen = new StaffBrowser(port);
    assertThat(meToo(citizen, tn)).contains("Terima kasih, dukungan Anda tercatat", "2 orang melaporkan masalah ini");
    assertThat(complaint(tn).getReportCount()).isEqualTo(2);
    assertThat(meToo(citizen, tn)).as("the same person again").contains("sudah tercatat sebelumnya")
        .contains("2 orang melaporkan masalah ini");
    assertThat(complaint(tn).getTimeline()).filteredOn(e -> e.getType() == TimelineEventType.ME_TOO).hasSize(1);
    assertThat(http.getForEntity("/api/complaints/" + tn, String.class).getBody()).as("counted, not listed publicly")
        .contains("\"reportCount\":2").doesNotContain("ME_TOO");

    // without their cookie (another browser, or cleared) from the same address: a few neighbours count
    assertThat(meToo(new StaffBrowser(port), tn)).contains("dukungan Anda tercatat");
    assertThat(meToo(new StaffBrowser(port), tn)).contains("dukungan Anda tercatat");
    assertThat(meToo(new StaffBrowser(port), tn)).contains("sudah tercatat sebelumnya");
    assertThat(complaint(tn).getReportCount()).isEqualTo(4);
    assertThat(intake.meToo(tn, "another-browser", "another-address")).isTrue();
    assertThat(complaint(tn).getReportCount()).isEqualTo(5);
  }

  /** Clicks "saya juga" on the complaint's page; returns the page shown afterwards. */
  private String meToo(StaffBrowser browser, String tn) throws Exception {
    var page = browser.get("/lacak/" + tn);
    assertThat(page.body()).contains("Saya juga mengalami masalah ini");
    var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    var posted = browser.post("/lacak/" + tn + "/saya-juga", "_csrf=" + java.net.URLEncoder.encode(csrf.group(1),
        java.nio.charset.StandardCharsets.UTF_8));
    assertThat(posted.statusCode()).isEqualTo(302);
    return browser.get(posted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
        .body();
  }

  @Test
  void theOwnersEndpointListsViolationsForOperatorsOnly() throws Exception {
    TestRestTemplate operator = http.withBasicAuth("demo", "demo");
    var response = operator.getForEntity("/actuator/owners", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(response.getBody()).get("openComplaints").asInt()).isPositive();
    assertThat(http.withBasicAuth("admin.bangli", "demo").getForEntity("/actuator/owners", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private void transfer(String tn, String admin, String target) {
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, admin, Map.of(
        ProcessVariables.VERIFICATION_DECISION, "TRANSFER", ProcessVariables.TRANSFER_TO, target,
        ProcessVariables.TRANSFER_REASON, "Lokasi di Banyuwangi."));
  }

  private void assertNoOwnerProblem(String tn) {
    java.util.Optional<String> problem = tx.execute(t -> owners.problem(complaints.getByTrackingNumber(tn)));
    assertThat(problem).as(tn).isEmpty();
  }

  private Complaint complaint(String tn) {
    return tx.execute(t -> {
      Complaint c = complaints.getByTrackingNumber(tn);
      c.getTimeline().size();
      return c;
    });
  }

  private long count(TestRestTemplate client, String url) throws Exception {
    return json.readTree(client.getForObject(url, String.class)).get("count").asLong();
  }
}
