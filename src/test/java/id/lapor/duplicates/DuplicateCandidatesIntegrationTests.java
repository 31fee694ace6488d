package id.lapor.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintTasks;
import id.lapor.complaint.Category;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import java.sql.Timestamp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Similar open complaints in Verify complaint, from what is committed, in the same regency only. */
@LaporTest
class DuplicateCandidatesIntegrationTests {

  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired Complaints complaints;
  @Autowired DuplicateCandidates candidates;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theVerifyFormListsTheSameProblemReportedBeforeInTheRegencyWithItsScore() throws Exception {
    String place = "Banjar " + UUID.randomUUID().toString().substring(0, 6);
    String first = submit("51.06", "Jembatan gantung " + place + " putus diterjang banjir",
        "Jembatan gantung penghubung " + place + " putus, anak sekolah harus memutar jauh");
    String elsewhere = submit("51.02", "Jembatan gantung " + place + " putus diterjang banjir",
        "Jembatan gantung penghubung " + place + " putus, anak sekolah harus memutar jauh");
    String unrelated = submit("51.06", "Obat kosong di puskesmas", "Obat hipertensi tidak tersedia dua minggu");
    String second = submit("51.06", "jembatan " + place + " putus", "jembatan gantung " + place
        + " putus kena banjir, anak2 sekolah muter jauh");

    var hits = candidates.similarTo(complaints.getByTrackingNumber(second));
    assertThat(hits).extracting(DuplicateIndex.Hit::trackingNumber).contains(first)
        .doesNotContain(elsewhere, unrelated, second);

    String task = casework.task(second, ComplaintTasks.VERIFY_COMPLAINT).getId();
    JsonNode form = json.readTree(http.withBasicAuth("admin.bangli", "demo")
        .getForObject("/engine-rest/task/" + task + "/form-variables", String.class));
    assertThat(form.at("/duplicateCandidates/value").asText())
        .contains("- [" + first + "](/staff/complaints/" + first + ") ")
        .contains("Menunggu verifikasi");

    casework.complete(first, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", java.util.Map.of(
        "verificationDecision", "ARCHIVE", "archiveReason", "UNINTELLIGIBLE"));
    assertThat(candidates.similarTo(complaints.getByTrackingNumber(second)))
        .as("a closed complaint is no candidate").extracting(DuplicateIndex.Hit::trackingNumber).doesNotContain(first);
  }

  @Test
  void aComplaintChangedOnAnotherNodeBecomesACandidateHereWithTheCatchUp() {
    String place = "Dusun " + UUID.randomUUID().toString().substring(0, 6);
    String mine = submit("51.06", "Pasar " + place + " tergenang banjir",
        "Pasar " + place + " tergenang banjir setiap hujan deras, kios pedagang terendam");
    String other = submit("51.06", "Lampu taman mati", "Lampu taman kota mati sejak minggu lalu");
    // another node rewrote it (its commit raises no event in this node's Hibernate): only the database knows
    assertThat(jdbc.update("update complaint set title = ?, description = ?, version = version + 1, updated_at = ?"
            + " where tracking_number = ?", "Pasar " + place + " banjir lagi",
        "Pasar " + place + " tergenang banjir lagi, kios pedagang terendam air", Timestamp.from(casework.now()), other))
        .isEqualTo(1);

    candidates.catchUp(); // also every 5 s on its own
    assertThat(candidates.similarTo(complaints.getByTrackingNumber(mine)))
        .extracting(DuplicateIndex.Hit::trackingNumber).contains(other);
    assertThat(candidates.catchUp()).as("what it has seen is not read again").isZero();
  }

  private String submit(String region, String title, String text) {
    NewComplaint base = ComplaintFixtures.aPublicComplaintIn(region);
    return intake.submit(new NewComplaint(base.classification(), title, text, Category.INFRASTRUKTUR,
        base.incidentDate(), new Location(region, null, null, null), base.channel(), base.privacy(),
        base.complainant())).trackingNumber();
  }
}
