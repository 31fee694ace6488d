package id.lapor.web;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintTasks;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import id.lapor.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The staff side's own doors, each within the caller's scope: a task card tells its complaint only
 * to someone who may see the task; the complaint page and its progress answer 404 outside the
 * caller's institutions and send someone not logged in to the login; only whoever prepares the
 * follow-up may add evidence; an empty note is refused; everyone learns their own zone.
 */
@LaporTest
class StaffWorkIntegrationTests {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired WebApplicationContext context;

  @Test
  void aTaskCardTellsItsComplaintOnlyToWhoMaySeeTheTask() throws Exception {
    String tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    String task = casework.task(tn, ComplaintTasks.VERIFY_COMPLAINT).getId();
    ResponseEntity<String> card = get("admin.bangli", "/api/staff/tasks/" + task + "/card");
    assertThat(card.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode c = json.readTree(card.getBody());
    assertThat(c.get("trackingNumber").asText()).isEqualTo(tn);
    assertThat(c.get("title").asText()).isEqualTo(aPublicComplaintIn(BANGLI).title());
    assertThat(c.get("region").asText()).isEqualTo("Kab. Bangli");
    assertThat(c.get("deadline").asText()).as("one time format everywhere: hours.minutes and the zone")
        .matches("\\d{1,2} \\p{L}{3} \\d{4} \\d{2}\\.\\d{2} WITA");
    assertThat(c.has("complainant")).isFalse();
    for (String outsider : new String[] {"admin.banyuwangi", "petugas.bangli.dinkes"}) {
      assertThat(get(outsider, "/api/staff/tasks/" + task + "/card").getStatusCode()).as(outsider)
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(get("admin.bangli", "/api/staff/tasks/no-such-task/card").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/api/staff/tasks/" + task + "/card", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theComplaintPageAndItsProgressStayWithinTheCallersInstitutions() throws Exception {
    String tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(tn, BANGLI_DINKES);
    ResponseEntity<String> page = get("admin.bangli", "/staff/complaints/" + tn);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains(aPublicComplaintIn(BANGLI).title(), "Disposisi ke petugas",
        id.lapor.support.ComplaintFixtures.COMPLAINANT_NAME);
    assertThat(get("supervisor.bali", "/staff/complaints/" + tn).getBody()).as("no contact for a supervisor")
        .contains(tn).doesNotContain(id.lapor.support.ComplaintFixtures.COMPLAINANT_NAME);
    assertThat(get("admin.banyuwangi", "/staff/complaints/" + tn).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("admin.bangli", "/staff/complaints/LPR-2026-NONEXX").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> anonymous = http.getForEntity("/staff/complaints/" + tn, String.class);
    assertThat(anonymous.getBody()).as("sent to the login (the client follows the redirect)")
        .contains("id=\"username\"").doesNotContain(aPublicComplaintIn(BANGLI).title());

    JsonNode progress = json.readTree(get("admin.bangli", "/api/staff/complaints/" + tn + "/progress").getBody());
    assertThat(progress.get("happened").asText()).isEqualTo("Diteruskan ke Dinas Kesehatan Kab. Bangli");
    assertThat(progress.get("next").findValuesAsText("name")).containsExactly("Disposisi ke petugas");
    assertThat(get("admin.banyuwangi", "/api/staff/complaints/" + tn + "/progress").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyWhoPreparesTheFollowUpAddsEvidenceAndAnEmptyNoteIsRefused() throws Exception {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity())
        .build();
    String tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(tn, BANGLI_DINKES);
    casework.dispose(tn, "petugas.bangli.dinkes");
    MockMultipartFile pdf = new MockMultipartFile("files", "surat.pdf", "application/pdf", TestFiles.pdf());

    int refused = mvc.perform(multipart("/staff/complaints/" + tn + "/evidence").file(pdf)
        .with(httpBasic("admin.bangli", "demo")).with(csrf())).andReturn().getResponse().getStatus();
    assertThat(refused).as("the regency's admin prepares no follow-up").isEqualTo(403);
    var added = mvc.perform(multipart("/staff/complaints/" + tn + "/evidence").file(pdf)
        .with(httpBasic("petugas.bangli.dinkes", "demo")).with(csrf())).andReturn().getResponse();
    assertThat(added.getRedirectedUrl()).contains("evidenceAdded=1");
    var noCsrf = mvc.perform(multipart("/staff/complaints/" + tn + "/evidence").file(pdf)
        .with(httpBasic("petugas.bangli.dinkes", "demo"))).andReturn().getResponse();
    assertThat(noCsrf.getStatus()).as("a form post needs the page's CSRF token").isEqualTo(403);

    // the complainant does not see the evidence before the follow-up is posted
    JsonNode before = json.readTree(http.getForEntity("/api/complaints/" + tn, String.class).getBody());
    assertThat(before.get("attachments").findValuesAsText("fileName")).doesNotContain("surat.pdf");
    casework.postFollowUp(tn, "Sudah ditindaklanjuti, lihat surat terlampir.");
    JsonNode after = json.readTree(http.getForEntity("/api/complaints/" + tn, String.class).getBody());
    assertThat(after.get("attachments").findValuesAsText("fileName")).contains("surat.pdf");

    var empty = mvc.perform(post("/staff/complaints/" + tn + "/notes").param("text", "   ")
        .with(httpBasic("admin.bangli", "demo")).with(csrf())).andReturn().getResponse();
    assertThat(empty.getRedirectedUrl()).contains("noteRejected");
    var note = mvc.perform(post("/staff/complaints/" + tn + "/notes").param("text", "Sudah dicek ke lapangan.")
        .with(httpBasic("admin.bangli", "demo")).with(csrf())).andReturn().getResponse();
    assertThat(note.getRedirectedUrl()).contains("noteAdded");
    assertThat(get("admin.bangli", "/staff/complaints/" + tn).getBody()).contains("Sudah dicek ke lapangan.");
    assertThat(http.getForEntity("/api/complaints/" + tn, String.class).getBody()).as("never to the complainant")
        .doesNotContain("Sudah dicek ke lapangan.");
    var outsider = mvc.perform(post("/staff/complaints/" + tn + "/notes").param("text", "x")
        .with(httpBasic("admin.banyuwangi", "demo")).with(csrf())).andReturn().getResponse();
    assertThat(outsider.getStatus()).isEqualTo(404);
  }

  @Test
  void everyoneLearnsTheZoneTheirDatesAreShownIn() throws Exception {
    assertThat(json.readTree(get("supervisor.bali", "/api/staff/me").getBody()).get("zoneName").asText())
        .isEqualTo("WITA");
    assertThat(json.readTree(get("admin.banyuwangi", "/api/staff/me").getBody()).get("zoneName").asText())
        .isEqualTo("WIB");
    JsonNode national = json.readTree(get("admin.nasional", "/api/staff/me").getBody());
    assertThat(national.get("zone").asText()).isEqualTo("Asia/Jakarta");
    assertThat(national.get("user").asText()).isEqualTo("admin.nasional");
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }
}
