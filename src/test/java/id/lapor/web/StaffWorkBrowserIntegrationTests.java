package id.lapor.web;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import id.lapor.casework.ComplaintTasks;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Browsers;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import id.lapor.support.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A working day on the staff side, in a real headless Chromium with an Indonesian browser: each demo
 * role logs in, lands where it works (not on Camunda's Welcome page), reads Indonesian screens (no
 * string of Camunda's English locale is visible), opens a complaint and does its step — the regency
 * admin forwards, the officer adds evidence and an internal note and answers, the province
 * supervisor follows a deep link to the overdue list and opens a complaint without the buttons a
 * reader may not use, the operator lands in Admin. Screenshots of every step:
 * {@code target/browser-screenshots/staff-*.png}.
 */
@LaporTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffWorkBrowserIntegrationTests {

  @LocalServerPort int port;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired Complaints complaints;
  @Autowired ObjectMapper json;

  Browsers browsers;
  String fresh;
  String mine;
  String mineToken;
  String overdue;
  String forwarded;

  @BeforeAll
  void complaintsForEachRole() {
    fresh = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    var submitted = intake.submit(aPublicComplaintIn(BANGLI));
    mine = submitted.trackingNumber();
    mineToken = submitted.followUpToken();
    casework.forward(mine, BANGLI_DINKES);
    casework.dispose(mine, "petugas.bangli.dinkes");
    forwarded = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(forwarded, BANGLI_DINKES);
    // forwarded twelve days ago: past the OPD's five working days, on the province's overdue list
    casework.setClock(casework.now().minus(Duration.ofDays(12)));
    try {
      overdue = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
      casework.forward(overdue, BANGLI_DINKES);
    } finally {
      casework.resetClock();
    }
    browsers = Browsers.launch();
  }

  @AfterAll
  void closeBrowser() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void theRegencyAdminLandsInTasklistReadsTheComplaintOnItsCardAndForwardsIt() throws IOException {
    Page page = login("admin.bangli", "/login");
    waitFor(page, "[data-tracking-number='" + fresh + "']", "staff-admin-1-tasklist");
    assertThat(page.url()).contains("/camunda/app/tasklist/default/").contains("sortBy%22:%22dueDate");
    String card = page.innerText("[data-tracking-number='" + fresh + "']");
    assertThat(card).contains(aPublicComplaintIn(BANGLI).title(), "Layanan kesehatan", "Kab. Bangli", "Tenggat");
    Browsers.screenshot(page, "staff-admin-1-tasklist");
    assertIndonesian(page, "tasklist");

    page.click("[data-tracking-number='" + fresh + "']");
    claimAndWaitForForm(page, "Keputusan verifikasi", "staff-admin-2-verify");
    page.locator("label:has-text('Teruskan (disposisi) ke OPD')").click();
    waitFor(page, "text=OPD tujuan", "staff-admin-3-forward");
    Browsers.screenshot(page, "staff-admin-3-forward");
    assertIndonesian(page, "tasklist");
    completeAndWaitForProgress(page, fresh, "staff-admin-4-forwarded");
    assertThat(page.innerText("#lapor-task-done")).contains("Diteruskan ke Dinas Kesehatan Kab. Bangli",
        "Berikutnya: Disposisi ke petugas");
    assertThat(complaints.findByTrackingNumber(fresh).orElseThrow().getStatus()).isEqualTo(ComplaintStatus.FORWARDED);
  }

  @Test
  void theOfficerAddsEvidenceAndANoteOnTheComplaintPageAndAnswersWhatTheComplainantThenSees() throws Exception {
    Page page = login("petugas.bangli.dinkes", "/login");
    waitFor(page, "[data-tracking-number='" + mine + "']", "staff-officer-1-tasklist");
    Browsers.screenshot(page, "staff-officer-1-tasklist");
    assertIndonesian(page, "tasklist");
    page.click("[data-tracking-number='" + mine + "']");
    claimAndWaitForForm(page, "Tindak lanjut untuk pelapor", "staff-officer-2-form");
    String taskUrl = page.url();

    // the form's header links to the complaint's page: files, evidence, internal notes
    page.click("a[href='/staff/complaints/" + mine + "']");
    waitFor(page, "main.staff h1", "staff-officer-3-complaint-page");
    assertThat(page.innerText("main.staff")).contains(aPublicComplaintIn(BANGLI).title(), "Siapkan tindak lanjut",
        "Riwayat");
    page.setInputFiles("#evidence-files", new FilePayload("puskesmas-buka.png", "image/png",
        TestFiles.pngWithChunks("tEXt", "Author\u0000Kamera Dinas")));
    page.click("form.evidence button[type=submit]");
    waitFor(page, "li[data-evidence=true]", "staff-officer-4-evidence");
    page.fill("#note-text", "Kepala puskesmas sudah ditelepon; jadwal jaga diperbaiki mulai Senin.");
    page.click("form.note-form button[type=submit]");
    waitFor(page, "text=Catatan disimpan.", "staff-officer-5-note");
    Browsers.screenshot(page, "staff-officer-5-note");
    assertThat(page.innerText("#notes")).contains("jadwal jaga diperbaiki", "petugas.bangli.dinkes");

    page.navigate(taskUrl);
    claimAndWaitForForm(page, "Tindak lanjut untuk pelapor", "staff-officer-6-form");
    assertThat(page.innerText(".fjs-form-field-text")).as("the note in the form's header").contains("jadwal jaga diperbaiki");
    page.locator("textarea").last().fill("Puskesmas kini buka pukul 08.00–14.00 dengan petugas jaga; foto terlampir.");
    completeAndWaitForProgress(page, mine, "staff-officer-7-answered");
    assertThat(page.innerText("#lapor-task-done")).contains("Tindak lanjut dari Dinas Kesehatan Kab. Bangli");

    // the complainant sees the follow-up with its evidence, and never the internal note
    Page portal = browsers.newPage(1200, 900);
    portal.navigate(url("/lacak/" + mine + "?token=" + mineToken));
    waitFor(portal, "text=puskesmas-buka.png", "staff-officer-8-portal");
    Browsers.screenshot(portal, "staff-officer-8-portal");
    assertThat(portal.innerText("body")).contains("foto terlampir").doesNotContain("jadwal jaga diperbaiki");

    // the officer's profile: emails about their work, which they may stop
    page.navigate(url("/staff/profile"));
    waitFor(page, "input[name=wantsEmail]:checked", "staff-officer-9-profile");
    page.uncheck("input[name=wantsEmail]");
    page.click("form.note-form button[type=submit]");
    waitFor(page, "text=Pengaturan pemberitahuan disimpan.", "staff-officer-9-profile");
    Browsers.screenshot(page, "staff-officer-9-profile");
    assertThat(page.isChecked("input[name=wantsEmail]")).isFalse();
    page.check("input[name=wantsEmail]");
    page.click("form.note-form button[type=submit]");
    waitFor(page, "input[name=wantsEmail]:checked", "staff-officer-10-profile");
  }

  @Test
  void theProvinceSupervisorFollowsADeepLinkToTheOverdueListAndReadsAComplaintWithoutActionButtons() {
    Page page = browsers.newPage(1400, 900);
    page.navigate(url("/camunda/app/cockpit/default/#/pengaduan"));
    page.waitForSelector("#username");
    page.fill("#username", "supervisor.bali");
    page.fill("#password", "demo");
    page.click("button[type=submit]");
    waitFor(page, "[data-lapor=dashboard][data-state=ready][data-institution='51']", "staff-supervisor-1-pengaduan");
    assertThat(page.url()).as("the deep link survives the login").endsWith("#/pengaduan");
    waitFor(page, "tr[data-overdue='" + overdue + "']", "staff-supervisor-1-pengaduan");
    Browsers.screenshot(page, "staff-supervisor-1-pengaduan");
    assertThat(page.innerText("tr[data-overdue='" + overdue + "']")).contains("Kab. Bangli", "Dinas Kesehatan",
        "WITA");
    assertIndonesian(page, "cockpit");

    page.click("tr[data-overdue='" + overdue + "'] a[href^='/staff/complaints/']");
    waitFor(page, "main.staff h1", "staff-supervisor-2-complaint");
    Browsers.screenshot(page, "staff-supervisor-2-complaint");
    assertThat(page.innerText("main.staff")).as("no complainant's contact for a supervisor").contains(overdue, "Terlambat")
        .doesNotContain(id.lapor.support.ComplaintFixtures.COMPLAINANT_NAME);
    assertThat(page.locator("form.evidence").count()).as("no evidence upload for a reader").isZero();

    String processInstance = casework.task(overdue, ComplaintTasks.DISPOSE_COMPLAINT).getProcessInstanceId();
    page.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + processInstance + "/runtime"));
    waitFor(page, "body.lapor-read-only", "staff-supervisor-3-instance");
    waitFor(page, ".ctn-toolbar", "staff-supervisor-3-instance");
    Browsers.screenshot(page, "staff-supervisor-3-instance");
    assertThat(page.locator(".ctn-toolbar .btn-toolbar").evaluateAll("buttons => buttons.filter(b => b.offsetParent"
        + " !== null).length")).as("no cancel, suspend or variable buttons for a reader").isEqualTo(0);
    assertIndonesian(page, "cockpit");
  }

  @Test
  void theLiaisonOfficerDisposesAComplaintToTheOpdsOfficers() {
    Page page = login("penghubung.bangli.dinkes", "/login");
    waitFor(page, "[data-tracking-number='" + forwarded + "']", "staff-liaison-1-tasklist");
    Browsers.screenshot(page, "staff-liaison-1-tasklist");
    assertIndonesian(page, "tasklist");
    page.click("[data-tracking-number='" + forwarded + "']");
    claimAndWaitForForm(page, "Disposisi", "staff-liaison-2-dispose");
    page.locator("label:has-text('Tugaskan kepada petugas OPD')").click();
    waitFor(page, "text=Kosongkan agar semua petugas OPD dapat mengambil tugas ini.", "staff-liaison-3-assign");
    Browsers.screenshot(page, "staff-liaison-3-assign");
    completeAndWaitForProgress(page, forwarded, "staff-liaison-4-disposed");
    assertThat(page.innerText("#lapor-task-done")).contains("Berikutnya: Siapkan tindak lanjut");
  }

  /** The other demo roles: where each lands after the login, on Indonesian screens. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      "perancang, /camunda/app/cockpit/default/, cockpit",
      "admin.nasional, /camunda/app/tasklist/default/, tasklist",
      "supervisor.jatim, /camunda/app/cockpit/default/, cockpit",
      "admin.banyuwangi, /camunda/app/tasklist/default/, tasklist",
      "bupati.banyuwangi, /camunda/app/tasklist/default/, tasklist",
      "camat.genteng, /camunda/app/tasklist/default/, tasklist",
      "penghubung.banyuwangi.dinkes, /camunda/app/tasklist/default/, tasklist",
      "petugas.banyuwangi.dinkes, /camunda/app/tasklist/default/, tasklist",
      "admin.bangkaselatan, /camunda/app/tasklist/default/, tasklist",
      "kepala.bangkaselatan.dinkes, /camunda/app/tasklist/default/, tasklist"})
  void everyOtherRoleLandsOnItsWorkInIndonesian(String user, String landing, String app) {
    Page page = login(user, "/login");
    waitFor(page, "li.lapor-bahasa", "staff-landing-" + user);
    assertThat(page.url()).as(user).contains(landing);
    page.waitForTimeout(1500);
    Browsers.screenshot(page, "staff-landing-" + user);
    assertIndonesian(page, app);
  }

  @Test
  void theOperatorLandsInAdminAndAnyoneMaySwitchToEnglishAndBack() {
    Page page = login("demo", "/login");
    waitFor(page, "text=Pengguna", "staff-operator-1-admin");
    assertThat(page.url()).contains("/camunda/app/admin/default/");
    Browsers.screenshot(page, "staff-operator-1-admin");
    assertIndonesian(page, "admin");

    page.click("li.lapor-bahasa a");
    waitFor(page, "li.lapor-bahasa a:has-text('Bahasa Indonesia')", "staff-operator-2-english");
    waitFor(page, "text=Users", "staff-operator-2-english");
    Browsers.screenshot(page, "staff-operator-2-english");
    page.click("li.lapor-bahasa a");
    waitFor(page, "li.lapor-bahasa a:has-text('English')", "staff-operator-3-indonesian");
    assertIndonesian(page, "admin");
  }

  @Test
  void noMessageKeyFlashesWhileAWebappLoadsItsLocale() {
    Page page = login("demo", "/login");
    waitFor(page, "li.lapor-bahasa", "staff-keys-0");
    // what the person could see, sampled every 20 ms from the first script on, locale cache cleared
    page.addInitScript("window.__rawKeys = []; setInterval(() => {"
        // before the stylesheets apply nothing is painted (they block rendering); then what is not transparent
        + " if (!document.body || !getComputedStyle(document.documentElement).getPropertyValue('--lapor-styles')"
        + "   || getComputedStyle(document.body).opacity === '0') return;"
        + " const found = document.body.innerText.match(/\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b/g);"
        + " if (found) window.__rawKeys.push(...found); }, 20);");
    for (String app : List.of("/camunda/app/admin/default/", "/camunda/app/tasklist/default/",
        "/camunda/app/cockpit/default/#/processes", "/camunda/app/welcome/default/")) {
      page.evaluate("() => localStorage.clear()");
      page.navigate(url(app));
      waitFor(page, "li.lapor-bahasa", "staff-keys-" + app.split("/")[3]);
      page.waitForTimeout(2500);
      assertThat((List<?>) page.evaluate("() => window.__rawKeys")).as("message keys shown on %s", app).isEmpty();
    }
  }

  /**
   * No label of Camunda's English locale is on the page where its Indonesian label differs: the
   * phrases of two or more words (single words such as "Filter" or "Status" are the same in both).
   */
  private void assertIndonesian(Page page, String app) {
    page.waitForTimeout(500);
    String text = page.innerText("body");
    List<String> english = new ArrayList<>();
    for (Map.Entry<String, String> label : englishOnlyLabels(app).entrySet()) {
      if (text.contains(label.getValue())) {
        english.add(label.getKey() + ": " + label.getValue());
      }
    }
    assertThat(english).as("English labels of %s on %s", app, page.url()).isEmpty();
  }

  private Map<String, String> englishOnlyLabels(String app) {
    try {
      JsonNode en = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json", "camunda-webapp-webjar");
      JsonNode id = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/id.json", "/target/");
      Map<String, String> labels = new java.util.TreeMap<>();
      en.get("labels").fields().forEachRemaining(l -> {
        String value = l.getValue().asText().strip();
        if (value.split("\\s+").length >= 2 && value.length() >= 10 && !value.contains("{{") && !value.contains("<")
            && !value.equals(id.path("labels").path(l.getKey()).asText().strip())) {
          labels.put(l.getKey(), value);
        }
      });
      return labels;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode read(String resource, String from) throws IOException {
    for (var url : Collections.list(getClass().getClassLoader().getResources(resource))) {
      if (url.toString().contains(from)) {
        try (InputStream in = url.openStream()) {
          String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
      }
    }
    throw new AssertionError(resource + " not in " + from);
  }

  private void claimAndWaitForForm(Page page, String fieldLabel, String screenshot) {
    waitFor(page, "button:has-text('Klaim'), button:has-text('Selesaikan')", screenshot);
    if (page.locator("button:has-text('Klaim')").count() > 0) {
      page.locator("button:has-text('Klaim')").first().click();
    }
    waitFor(page, "button:has-text('Selesaikan'):not([disabled])", screenshot);
    waitFor(page, "text=" + fieldLabel, screenshot);
    Browsers.screenshot(page, screenshot);
  }

  private void completeAndWaitForProgress(Page page, String trackingNumber, String screenshot) {
    page.locator("button:has-text('Selesaikan')").first().click();
    waitFor(page, "#lapor-task-done:has-text('" + trackingNumber + "')", screenshot);
    Browsers.screenshot(page, screenshot);
  }

  private Page login(String user, String path) {
    Page page = browsers.newPage(1400, 900);
    page.navigate(url(path));
    page.waitForSelector("#username");
    page.fill("#username", user);
    page.fill("#password", "demo");
    page.click("button[type=submit]");
    page.waitForSelector("#username", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
    return page;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
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
}
