package id.lapor.security;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.BANGLI_PUPR;
import static id.lapor.support.ComplaintFixtures.BANYUWANGI;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import id.lapor.attachments.AttachmentInspector;
import id.lapor.attachments.UploadedFile;
import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Browsers;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import id.lapor.support.TestFiles;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The boundaries as people meet them, in a real headless Chromium: an OPD officer's Tasklist lists
 * only the OPD's tasks, a province supervisor's Cockpit only the province's complaints, and a
 * complaint that carries script or template code shows it as plain text in the Tasklist form.
 * Screenshots: {@code target/browser-screenshots/}.
 */
@LaporTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebappsBrowserIntegrationTests {

  static final String SCRIPT_TITLE = "<img src=x onerror=\"window.__xss='title'\"> Jalan rusak";
  static final String SCRIPT_TEXT = "<script>window.__xss='text'</script> {{ 7 * 7 }} ${7*7} =7*7";

  @LocalServerPort int port;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;
  @Autowired ComplaintIntake intake;
  @Autowired AttachmentInspector inspector;
  @Autowired Casework casework;
  @Autowired RepositoryService repositoryService;

  Browsers browsers;
  String dinkes;
  String scripted;
  String pupr;
  String banyuwangi;
  String archived;

  @BeforeAll
  void complaintsAtSeveralOpdsAndABrowser() {
    browsers = Browsers.launch();
    dinkes = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(dinkes, BANGLI_DINKES);
    casework.dispose(dinkes, "petugas.bangli.dinkes");

    NewComplaint base = ComplaintFixtures.aPublicComplaintIn(BANGLI);
    var scriptedSubmission = intake.submit(new NewComplaint(base.classification(), SCRIPT_TITLE, SCRIPT_TEXT,
        base.category(), base.incidentDate(), base.location(), base.channel(), base.privacy(), base.complainant()));
    scripted = scriptedSubmission.trackingNumber();
    intake.attach(scripted, scriptedSubmission.followUpToken(), inspector.inspect(
        List.of(new UploadedFile("surat warga.pdf", TestFiles.pdf())), 0, new java.util.ArrayList<>()));
    casework.forward(scripted, BANGLI_DINKES);
    casework.dispose(scripted, "petugas.bangli.dinkes");

    pupr = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(pupr, BANGLI_PUPR);

    NewComplaint b = ComplaintFixtures.aPublicComplaintIn(BANYUWANGI);
    banyuwangi = intake.submit(new NewComplaint(b.classification(), b.title(), b.description(), b.category(),
        b.incidentDate(), new Location(BANYUWANGI, "Muncar", null, null), b.channel(), b.privacy(),
        b.complainant())).trackingNumber();
    casework.complete(banyuwangi, ComplaintTasks.VERIFY_COMPLAINT, "admin.banyuwangi", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "35.10.dinkes"));

    archived = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.complete(archived, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "ARCHIVE", ProcessVariables.ARCHIVE_REASON, "UNINTELLIGIBLE"));
  }

  @AfterAll
  void closeBrowser() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void anOpdOfficerSeesOnlyTheOpdsTasksAndScriptsInAComplaintStayText() {
    Page page = loggedIn("petugas.bangli.dinkes", "/camunda/app/tasklist/default/");
    page.waitForSelector("text=Pengaduan untuk kelompok saya");
    waitFor(page, "text=" + dinkes, "tasklist-petugas-bangli-dinkes");
    String list = page.innerText("body");
    Browsers.screenshot(page, "tasklist-petugas-bangli-dinkes");
    assertThat(list).contains(dinkes, scripted).doesNotContain(pupr, banyuwangi);

    // the complaint with script and template code: shown as typed, nothing runs
    page.locator("li", new Page.LocatorOptions().setHasText(scripted)).getByText("Siapkan tindak lanjut").first().click();
    waitFor(page, "text=Tindak lanjut untuk pelapor", "tasklist-form-with-script-text");
    Browsers.screenshot(page, "tasklist-form-with-script-text");
    // the complaint header (one Markdown view, the same in every form) shows both exactly as typed
    String header = page.innerText(".fjs-form-field-text");
    assertThat(header).contains(SCRIPT_TITLE, SCRIPT_TEXT);
    assertThat(page.evaluate("() => window.__xss === undefined")).as("no script ran").isEqualTo(true);
    assertThat(page.innerHTML("body")).doesNotContain("<script>window.__xss").doesNotContain(">49<");

    // the complaint's file is a link in the form's text view, opened with the same login
    var link = page.locator("a[href^='/api/staff/complaints/" + scripted + "/attachments/']");
    assertThat(link.textContent()).isEqualTo("surat-warga.pdf");
    assertThat(page.evaluate("href => fetch(href).then(r => r.status + ' ' + r.headers.get('content-type'))",
        link.getAttribute("href"))).isEqualTo("200 application/pdf");
  }

  @Test
  void aProvinceSupervisorSeesTheProvincesComplaintsInCockpitButNoOtherProvinces() {
    String shared = repositoryService.createProcessDefinitionQuery().processDefinitionKey("ComplaintHandling")
        .withoutTenantId().latestVersion().singleResult().getId();
    Page page = loggedIn("supervisor.bali", "/camunda/app/cockpit/default/#/process-definition/" + shared
        + "/runtime");
    waitFor(page, "text=" + dinkes, "cockpit-supervisor-bali");
    Browsers.screenshot(page, "cockpit-supervisor-bali");
    assertThat(page.innerText("body")).contains(dinkes, pupr).doesNotContain(banyuwangi);

    // Jawa Timur's supervisor, on the same national model, sees Banyuwangi's complaints and none of Bali's
    Page jatim = loggedIn("supervisor.jatim", "/camunda/app/cockpit/default/#/process-definition/" + shared
        + "/runtime");
    waitFor(jatim, "text=" + banyuwangi, "cockpit-supervisor-jatim");
    Browsers.screenshot(jatim, "cockpit-supervisor-jatim");
    jatim.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    assertThat(jatim.locator("text=" + dinkes).count()).isZero();
    assertThat(jatim.locator("text=" + pupr).count()).isZero();
  }

  @Test
  void theTabOfFinishedComplaintsNamesEachOnesOutcome() {
    String shared = repositoryService.createProcessDefinitionQuery().processDefinitionKey("ComplaintHandling")
        .withoutTenantId().latestVersion().singleResult().getId();
    Page page = loggedIn("supervisor.bali", "/camunda/app/cockpit/default/#/process-definition/" + shared
        + "/runtime");
    // the tab's label (other, hidden copies of it exist in the page)
    waitFor(page, "a:has-text('Pengaduan selesai') >> visible=true", "cockpit-finished-tab");
    page.locator("a:has-text('Pengaduan selesai') >> visible=true").first().click();
    waitFor(page, "table.lapor-finished-complaints", "cockpit-finished-tab");
    Browsers.screenshot(page, "cockpit-finished-tab");
    var row = page.locator("table.lapor-finished-complaints tr", new Page.LocatorOptions().setHasText(archived));
    assertThat(row.count()).as("the archived complaint is listed").isEqualTo(1);
    assertThat(row.innerText()).as("with the end event it ended in").contains("Pengaduan diarsipkan");
  }

  @Test
  void aProvinceSupervisorsDashboardPengaduanShowsTheFiguresTheApiComputes() throws Exception {
    Page page = loggedIn("supervisor.bali", "/camunda/app/cockpit/default/#/pengaduan");
    waitFor(page, "[data-lapor=dashboard][data-state=ready][data-institution='51']", "cockpit-pengaduan-bali");
    page.waitForSelector("[data-lapor=dashboard][data-charts=ready]");
    Browsers.screenshot(page, "cockpit-pengaduan-bali");
    assertThat(page.locator("a[href='#/pengaduan']").count()).as("the navigation entry").isPositive();
    String from = page.inputValue("input[aria-label='Dari tanggal']");
    String to = page.inputValue("input[aria-label='Sampai tanggal']");
    JsonNode api = json.readTree(http.withBasicAuth("supervisor.bali", "demo").getForObject(
        "/api/staff/supervision/figures?institution=51&from=" + from + "&to=" + to, String.class));

    assertThat(page.innerText("[data-summary=received] .value"))
        .isEqualTo(String.valueOf(api.at("/summary/received").asLong()));
    assertThat(api.get("units").size()).as("Bali's nine regencies and cities (and any a test registered)")
        .isGreaterThanOrEqualTo(9);
    assertThat(page.locator("table.lapor-board tbody tr").count()).isEqualTo(api.get("units").size());
    for (JsonNode unit : api.get("units")) {
      String row = "table.lapor-board tr[data-code='" + unit.get("code").asText() + "'] ";
      for (String light : List.of("red", "yellow", "green", "overdue")) {
        assertThat(page.innerText(row + "td[data-figure=" + light + "]")).as("%s %s", unit.get("code"), light)
            .isEqualTo(String.valueOf(unit.at("/board/" + light).asLong()));
      }
      assertThat(page.innerText(row + "td[data-figure=received]"))
          .isEqualTo(String.valueOf(unit.at("/counts/received").asLong()));
    }
    JsonNode bangliRow = null;
    for (JsonNode unit : api.get("units")) {
      bangliRow = unit.get("code").asText().equals(BANGLI) ? unit : bangliRow;
    }
    assertThat(bangliRow.at("/board/red").asLong() + bangliRow.at("/board/yellow").asLong())
        .as("this class's complaints at Bangli's OPDs").isGreaterThanOrEqualTo(2);
    assertThat(page.innerText("table.lapor-connectivity")).contains("Kota Denpasar", "III");

    // drill down to Bangli: its OPDs, with the same numbers as the API's
    page.click("table.lapor-board tr[data-code='" + BANGLI + "'] button");
    waitFor(page, "[data-lapor=dashboard][data-state=ready][data-institution='" + BANGLI + "']",
        "cockpit-pengaduan-bangli");
    JsonNode bangli = json.readTree(http.withBasicAuth("supervisor.bali", "demo").getForObject(
        "/api/staff/supervision/figures?institution=" + BANGLI + "&from=" + from + "&to=" + to, String.class));
    for (JsonNode unit : bangli.get("units")) {
      String row = "table.lapor-board tr[data-code='" + unit.get("code").asText() + "'] ";
      assertThat(page.innerText(row + "td[data-figure=red]")).isEqualTo(String.valueOf(unit.at("/board/red").asLong()));
      assertThat(page.innerText(row + "td[data-figure=yellow]"))
          .isEqualTo(String.valueOf(unit.at("/board/yellow").asLong()));
    }
    assertThat(page.innerText("table.lapor-board")).contains("Dinas Kesehatan Kab. Bangli");
    Browsers.screenshot(page, "cockpit-pengaduan-bangli");
    // the reports download with the Cockpit login: Bangli's month as PDF and its complaint list
    String pdf = page.getAttribute(".lapor-controls a[href$='.pdf']", "href");
    assertThat(pdf).startsWith("/api/staff/reports/" + BANGLI + "/");
    assertThat(page.evaluate("href => fetch(href).then(r => r.status + ' ' + r.headers.get('content-type'))", pdf))
        .isEqualTo("200 application/pdf");
    String list = page.getAttribute(".lapor-controls a[href$='/complaints.csv']", "href");
    String[] yearMonth = list.replaceAll(".*/(\\d{4})/(\\d{1,2})/complaints\\.csv$", "$1 $2").split(" ");
    var month = java.time.YearMonth.of(Integer.parseInt(yearMonth[0]), Integer.parseInt(yearMonth[1]));
    long received = json.readTree(http.withBasicAuth("supervisor.bali", "demo").getForObject(
        "/api/staff/supervision/figures?institution=" + BANGLI + "&from=" + month.atDay(1) + "&to="
            + month.atEndOfMonth(), String.class)).at("/summary/received").asLong();
    String rows = page.evaluate("href => fetch(href).then(r => r.text())", list).toString();
    assertThat(rows.strip().split("\n")).as("header and one row per complaint of the month")
        .hasSize(1 + (int) received);
    // and nothing of Jawa Timur reached the page
    assertThat(page.innerText("body")).doesNotContain("Banyuwangi");
  }

  /** Waits for what the page must show; on a timeout the screenshot shows what it showed instead. */
  private static void waitFor(Page page, String selector, String screenshot) {
    try {
      page.waitForSelector(selector, new Page.WaitForSelectorOptions().setTimeout(30_000));
    } catch (RuntimeException e) {
      Browsers.screenshot(page, screenshot + "-timeout");
      throw new AssertionError("waiting for " + selector + " at " + page.url() + "; what went wrong in the page:\n  "
          + String.join("\n  ", Browsers.diagnostics(page)), e);
    }
  }

  private Page loggedIn(String user, String path) {
    Page page = browsers.newPage(1400, 900);
    page.navigate("http://localhost:" + port + path);
    page.waitForSelector("#username");
    page.fill("#username", user);
    page.fill("#password", "demo");
    page.click("button[type=submit]");
    page.waitForSelector("#username", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
    // let the page the login returns to finish loading: navigating while it loads left Cockpit on its
    // spinner now and then (its scripts were refused by the content security policy)
    page.waitForLoadState(LoadState.NETWORKIDLE);
    // the part after # never reaches the server, so the login cannot return there by itself
    page.navigate("http://localhost:" + port + path);
    return page;
  }
}
