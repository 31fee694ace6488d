package id.lapor.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintTasks;
import id.lapor.complaint.Category;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The deployed Routing decision in Verify complaint and for designers. */
@LaporTest
class RoutingIntegrationTests {

  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;

  @Test
  void theVerifyFormPreselectsTheSuggestedOpdAndSaysWhy() throws Exception {
    String tn = submit("Jalan berlubang di Jl. Merdeka", "Jln rusak parah, aspal mengelupas, sdh ada yg jatuh", Category.LAINNYA);
    JsonNode form = formOf(tn);
    assertThat(form.at("/opdCode/value").asText()).isEqualTo("51.06.pupr");
    assertThat(form.at("/routingSuggestion/value").asText())
        .startsWith("Saran: Dinas Pekerjaan Umum dan Penataan Ruang Kab. Bangli — karena jalan dan jembatan");
  }

  @Test
  void aComplaintForANationalBodyIsSuggestedThereWithoutPreselectingAnOpd() throws Exception {
    String tn = submit("Listrik padam tiap malam", "Listrik PLN di desa kami padam hampir setiap malam tanpa pemberitahuan",
        Category.AIR_LISTRIK);
    JsonNode form = formOf(tn);
    assertThat(form.has("opdCode")).isFalse();
    assertThat(form.at("/routingSuggestion/value").asText())
        .startsWith("Saran: bukan wewenang daerah, melainkan PT PLN (Persero)");
  }

  @Test
  void anOpdThatReturnedTheComplaintIsNotSuggestedAgain() throws Exception {
    String tn = submit("Obat kosong", "Obat hipertensi di Puskesmas Susut kosong dua minggu", Category.KESEHATAN);
    assertThat(formOf(tn).at("/opdCode/value").asText()).isEqualTo("51.06.dinkes");
    casework.forward(tn, "51.06.dinkes");
    casework.complete(tn, ComplaintTasks.DISPOSE_COMPLAINT, "penghubung.bangli.dinkes", java.util.Map.of(
        "dispositionDecision", "RETURN", "returnReason", "Obat di puskesmas adalah urusan gudang farmasi provinsi."));
    JsonNode again = formOf(tn);
    assertThat(again.at("/opdCode/value").asText()).isNotEqualTo("51.06.dinkes");
    assertThat(again.at("/routingSuggestion/value").asText()).doesNotContain("Dinas Kesehatan Kab. Bangli");

    // the OPD may say who has authority: that suggestion comes first
    casework.forward(tn, "51.06.dinkes");
    casework.complete(tn, ComplaintTasks.DISPOSE_COMPLAINT, "penghubung.bangli.dinkes", java.util.Map.of(
        "dispositionDecision", "RETURN", "returnReason", "Ini soal rumah sakit.", "returnSuggestion", "51.06.rsud"));
    JsonNode suggested = formOf(tn);
    assertThat(suggested.at("/opdCode/value").asText()).isEqualTo("51.06.rsud");
    assertThat(suggested.at("/routingSuggestion/value").asText())
        .isEqualTo("Saran dari Dinas Kesehatan Kab. Bangli (yang mengembalikan): RSUD Kab. Bangli.");
  }

  @Test
  void designersSeeStemsAndSuggestions() throws Exception {
    TestRestTemplate staff = http.withBasicAuth("perancang", "demo");
    JsonNode stems = json.readTree(staff.getForObject("/api/staff/routing/stems?text=Jln berlubang di depan sekolah",
        String.class));
    assertThat(stems.get("keywords").asText()).isEqualTo(" jalan lubang seko ");
    JsonNode suggestion = json.readTree(staff.getForObject(
        "/api/staff/routing/suggestion?regionCode=51.06&category=KESEHATAN&text=Antrean IGD RSUD Bangli lama",
        String.class));
    assertThat(suggestion.get("code").asText()).isEqualTo("51.06.rsud");
    assertThat(staff.getForEntity("/api/staff/routing/suggestion?regionCode=51.06&category=SIHIR&text=x", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/staff/routing/stems?text=x", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String submit(String title, String text, Category category) {
    NewComplaint base = ComplaintFixtures.aPublicComplaintIn(ComplaintFixtures.BANGLI);
    return intake.submit(new NewComplaint(base.classification(), title, text, category, base.incidentDate(),
        new Location(ComplaintFixtures.BANGLI, "Kintamani", null, null), base.channel(), base.privacy(),
        base.complainant())).trackingNumber();
  }

  private JsonNode formOf(String tn) throws Exception {
    String task = casework.task(tn, ComplaintTasks.VERIFY_COMPLAINT).getId();
    return json.readTree(http.withBasicAuth("admin.bangli", "demo")
        .getForObject("/engine-rest/task/" + task + "/form-variables", String.class));
  }
}
