package id.lapor.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.support.LaporTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Seed 001's grouping as supervisors see it, and operators recording decrees. */
@LaporTest
class ConnectivityIntegrationTests {

  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired id.lapor.intake.ComplaintIntake intake;

  @Test
  void groupsAProvincesGovernmentsByDecreeAndActiveAdminAccount() throws Exception {
    intake.submit(id.lapor.support.ComplaintFixtures.aPublicComplaintIn(id.lapor.support.ComplaintFixtures.BANGLI));
    // admin.bangli logs in (any authenticated request); Badung has no admin accounts in the demo
    assertThat(http.withBasicAuth("admin.bangli", "demo").getForEntity("/api/staff/supervision/units", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode bali = connectivity("supervisor.bali", "51");
    // (other tests may register more regencies in Bali)
    assertThat(bali.get("rows").findValuesAsText("code")).contains("51", "51.01", "51.02", "51.03",
        "51.04", "51.05", "51.06", "51.07", "51.08", "51.71").allMatch(code -> code.equals("51") || code.startsWith("51."));
    JsonNode bangli = row(bali, "51.06");
    assertThat(bangli.get("group").asText()).isEqualTo("I");
    assertThat(bangli.get("adminActive").asBoolean()).isTrue();
    assertThat(bangli.get("adminAccounts").asInt()).isPositive();
    assertThat(bangli.get("decreeNumber").asText()).isNotBlank();
    JsonNode badung = row(bali, "51.03");
    assertThat(badung.get("group").asText()).isEqualTo("II");
    assertThat(badung.get("adminAccounts").asInt()).isZero();
    assertThat(badung.get("grade").asText()).as("no activity").isEqualTo("KURANG");
    JsonNode denpasar = row(bali, "51.71");
    assertThat(denpasar.get("group").asText()).isEqualTo("III");
    assertThat(denpasar.get("groupLabel").asText()).isEqualTo("Belum memiliki SK");
    int total = 0;
    for (String g : new String[] {"I", "II", "III"}) {
      total += bali.at("/groups/" + g).asInt();
    }
    assertThat(total).isEqualTo(bali.get("rows").size());
    assertThat(bali.at("/criteria/activeDays").asInt()).isEqualTo(30);

    JsonNode nation = connectivity("admin.nasional", "ID");
    JsonNode baliInNation = row(nation, "51");
    assertThat(baliInNation.at("/groups/I").asInt() + baliInNation.at("/groups/II").asInt()
        + baliInNation.at("/groups/III").asInt()).isEqualTo(bali.get("rows").size());
    assertThat(nation.get("rows").findValuesAsText("code")).contains("51", "35", "19", "ID.pln")
        .doesNotContain("51.06");
    // each province's and national body's counts are the nation's figures of its unit over the grading period
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    JsonNode figures = json.readTree(get("admin.nasional", "/api/staff/supervision/figures?institution=ID&from="
        + today.minusDays(bali.at("/criteria/periodDays").asInt() - 1) + "&to=" + today).getBody());
    assertThat(figures.at("/summary/received").asLong()).as("complaints in the period").isPositive();
    for (JsonNode unit : figures.get("units")) {
      assertThat(row(nation, unit.get("code").asText()).get("received").asLong()).as(unit.get("code").asText())
          .isEqualTo(unit.at("/counts/received").asLong());
    }
  }

  @Test
  void isScopedAndKeptForGovernmentsNotOpds() {
    assertThat(get("supervisor.bali", "/api/staff/supervision/connectivity?institution=35").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("admin.bangli", "/api/staff/supervision/connectivity?institution=51").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> opd = get("supervisor.bali", "/api/staff/supervision/connectivity?institution=51.06.dinkes");
    assertThat(opd.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(opd.getBody()).contains("institution");
  }

  @Test
  void operatorsRecordADecreeWithItsDocumentWhichMovesTheGovernmentOutOfGroupThree() throws Exception {
    assertThat(row(connectivity("admin.nasional", "19"), "19.03").get("group").asText()).isEqualTo("III");

    ResponseEntity<String> refused = decree("admin.bangli", "19.03", "188/45/2026", "2026-01-15", PDF);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> bad = decree("demo", "19.03", " ", "2099-01-01", "not a pdf".getBytes());
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("\"number\"", "\"date\"", "\"document\"");
    assertThat(decree("demo", "99.99", "1", "2026-01-15", PDF).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> recorded = decree("demo", "19.03", "188/45/2026", "2026-01-15", PDF);
    assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode view = json.readTree(recorded.getBody());
    assertThat(view.at("/decree/number").asText()).isEqualTo("188/45/2026");
    String path = view.at("/decree/document").asText();
    ResponseEntity<byte[]> document = http.withBasicAuth("supervisor.bali", "demo").getForEntity(path, byte[].class);
    assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(document.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(document.getBody()).isEqualTo(PDF);

    JsonNode after = row(connectivity("admin.nasional", "19"), "19.03");
    assertThat(after.get("group").asText()).as("decree, but no admin has logged in").isEqualTo("II");
    assertThat(after.get("decreeDocument").asText()).isEqualTo(path);
  }

  private ResponseEntity<String> decree(String user, String code, String number, String date, byte[] document) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("number", number);
    form.add("date", date);
    form.add("document", new ByteArrayResource(document) {
      @Override
      public String getFilename() {
        return "sk pengaduan.pdf";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo").exchange("/api/staff/institutions/" + code + "/decree", HttpMethod.PUT,
        new HttpEntity<>(form, headers), String.class);
  }

  private JsonNode connectivity(String user, String code) throws Exception {
    ResponseEntity<String> response = get(user, "/api/staff/supervision/connectivity?institution=" + code);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private static JsonNode row(JsonNode view, String code) {
    for (JsonNode row : view.get("rows")) {
      if (row.get("code").asText().equals(code)) {
        return row;
      }
    }
    throw new AssertionError("no row " + code + " in " + view);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }
}
