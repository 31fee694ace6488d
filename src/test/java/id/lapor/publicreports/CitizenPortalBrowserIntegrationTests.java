package id.lapor.publicreports;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.intake.ComplaintIntake;
import id.lapor.notifications.NoticeDeliveryWorker;
import id.lapor.support.Axe;
import id.lapor.support.Browsers;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import id.lapor.support.TileServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The citizen portal with JavaScript, in a real headless Chromium, on a desktop in Indonesian and a
 * phone in English: the point is placed on a map whose tiles come from a test tile server and
 * suggests the regency and kecamatan; the open report there is offered and joined ("saya juga");
 * another is submitted, its receipt kept and sent by email; "laporan saya" brings the links (GreenMail);
 * the region's public reports are listed and mapped without any confidential content or identity.
 * Every portal page, in both languages, passes axe-core's WCAG 2.1 AA check without a serious or
 * critical violation, works by keyboard, and weighs at most 150 KB on a first visit without tiles
 * (figures in {@code target/portal-weight.txt}). Screenshots: {@code target/browser-screenshots/citizen-*.png}.
 */
@LaporTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenPortalBrowserIntegrationTests {

  static final String BANGLI = "51.06";
  static final int WEIGHT_LIMIT = 150 * 1024;
  /** Kintamani, by Lake Batur. */
  static final double LAT = -8.2530;
  static final double LON = 115.3380;

  @LocalServerPort int port;
  @Autowired ComplaintIntake intake;
  @Autowired Complaints complaints;
  @Autowired NoticeDeliveryWorker worker;
  @Autowired Casework casework;

  Browsers browsers;
  GreenMail smtp;

  @BeforeAll
  void start() {
    TileServer.start();
    browsers = Browsers.launch();
    smtp = new GreenMail(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  void stop() {
    if (browsers != null) {
      browsers.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private String submit(String title, Privacy privacy, Double lat, Double lon, String name) {
    return intake.submit(new NewComplaint(Classification.PENGADUAN, title, "Sudah sepekan tidak ada perbaikan di "
        + title.toLowerCase() + ".", Category.INFRASTRUKTUR, LocalDate.of(2026, 11, 20),
        new Location(BANGLI, "Kintamani", lat, lon), Channel.WEB, privacy,
        new Complainant(name, name.toLowerCase().replace(' ', '.') + "@example.org", null))).trackingNumber();
  }

  private void deliver() {
    for (int round = 0; round < 50 && worker.deliverDue(casework.now().plus(Duration.ofSeconds(1))) > 0; round++) {
      // next batch
    }
  }

  private List<MimeMessage> mailTo(String address) {
    return id.lapor.support.Mailbox.to(smtp, address);
  }


  /** Centres the map of {@code selector} on a point at a street's zoom, then taps its middle, as a finger would. */
  private static void tapMapAt(Page page, String selector, double lat, double lon) {
    page.evaluate("([s, lat, lon]) => document.querySelector(s).laporMap.setView([lat, lon], 17, { animate: false })",
        List.of(selector, lat, lon));
    page.locator(selector).scrollIntoViewIfNeeded();
    page.waitForTimeout(300);
    BoundingBox box = page.locator(selector).boundingBox();
    page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
  }

  @Test
  void onADesktopInIndonesianACitizenPlacesThePointJoinsAReportThereSubmitsAnotherAndKeepsItsReceipt() {
    String marker = UUID.randomUUID().toString().substring(0, 5);
    String existing = submit("Jalan amblas menuju Desa Batur " + marker, Privacy.PUBLIC, LAT + 0.0004, LON + 0.0003,
        "Nyoman Pertama");
    String secret = submit("Rahasia tentang kepala desa " + marker, Privacy.CONFIDENTIAL, LAT, LON, "Wayan Rahasia");

    Page page = browsers.newPage(1280, 900);
    int tilesBefore = TileServer.served();
    page.navigate(url("/lapor?lang=id"));
    page.waitForSelector("#point-map .leaflet-tile-loaded");
    assertThat(TileServer.served()).as("tiles from the configured (test) tile server").isGreaterThan(tilesBefore);
    assertThat(page.textContent("#point-map .leaflet-control-attribution")).contains("Test tiles");

    tapMapAt(page, "#point-map", LAT, LON);
    page.waitForSelector("#nearby:not([hidden])");
    assertThat(Double.parseDouble(page.inputValue("#latitude"))).isCloseTo(LAT, org.assertj.core.data.Offset.offset(0.0002));
    assertThat(Double.parseDouble(page.inputValue("#longitude"))).isCloseTo(LON, org.assertj.core.data.Offset.offset(0.0002));
    assertThat(page.inputValue("#regionCode")).as("the regency suggested from the point").isEqualTo(BANGLI);
    assertThat(page.inputValue("#district")).as("and the kecamatan").isEqualTo("Kintamani");
    assertThat(page.textContent("#use-location-status")).contains("Kintamani", "Kab. Bangli");
    String offered = page.textContent("#nearby-list");
    assertThat(offered).contains("Jalan amblas menuju Desa Batur " + marker).contains("m dari titik Anda")
        .doesNotContain("Rahasia tentang kepala desa");
    assertThat(page.locator("#point-map .leaflet-interactive").count()).as("the nearby report on the map")
        .isGreaterThanOrEqualTo(1);
    Browsers.screenshot(page, "citizen-map-nearby");

    page.locator("#nearby-list li[data-tracking-number='" + existing + "'] button.join").click();
    page.waitForURL("**/lacak/" + existing);
    assertThat(page.textContent(".notice")).contains("dukungan Anda tercatat");
    assertThat(page.textContent("#report-count")).contains("2 orang");
    assertThat(complaints.getByTrackingNumber(existing).getReportCount()).isEqualTo(2);

    // then another problem at the same place
    String email = "made.citra." + marker + "@example.org";
    page.navigate(url("/lapor"));
    page.waitForSelector("#point-map .leaflet-tile-loaded");
    tapMapAt(page, "#point-map", LAT - 0.01, LON + 0.01);
    page.waitForFunction("() => document.getElementById('regionCode').value === '51.06'");
    page.fill("#title", "Tiang listrik miring di Kedisan " + marker);
    page.fill("#description", "Tiang listrik di depan pura miring sejak hujan deras kemarin.");
    page.selectOption("#category", "AIR_LISTRIK");
    page.fill("#name", "Made Citra");
    page.fill("#email", email);
    page.click("form[action$='/lapor'] button[type=submit]");
    page.waitForSelector("#tracking-number");
    String tn = page.textContent("#tracking-number").strip();
    var stored = complaints.getByTrackingNumber(tn).getLocation();
    assertThat(stored.latitude()).isCloseTo(LAT - 0.01, org.assertj.core.data.Offset.offset(0.0002));
    assertThat(stored.district()).isEqualTo("Kintamani");
    Browsers.screenshot(page, "citizen-receipt");

    page.click("#send-receipt button");
    assertThat(page.textContent("#receipt-sent")).contains("dikirim ke email Anda");
    deliver();
    assertThat(mailTo(email).stream().map(CitizenPortalBrowserIntegrationTests::subject))
        .contains("Tanda terima laporan " + tn);

    // "laporan saya", by keyboard
    page.navigate(url("/laporan-saya"));
    page.focus("#contact");
    page.keyboard().type(email);
    page.keyboard().press("Enter");
    assertThat(page.textContent("#mine-asked")).contains("Permintaan diterima");
    deliver();
    MimeMessage mine = mailTo(email).stream().filter(m -> subject(m).equals("Laporan Anda di LAPOR!")).findFirst()
        .orElseThrow();
    assertThat(GreenMailUtil.getBody(mine).replace("=\r\n", "")).contains(tn);

    // the region's public reports: listed and mapped, nothing confidential, nobody named
    page.navigate(url("/laporan?regionCode=" + BANGLI));
    page.waitForSelector("#reports-map[data-markers]");
    String list = page.textContent("#report-list");
    assertThat(list).contains("Jalan amblas menuju Desa Batur " + marker, "Tiang listrik miring di Kedisan " + marker,
        "Kintamani, Kab. Bangli");
    String everything = page.content();
    assertThat(everything).doesNotContain("Rahasia tentang kepala desa", secret, "Nyoman Pertama", "Made Citra", email,
        "Sudah sepekan tidak ada perbaikan");
    assertThat(Integer.parseInt(page.getAttribute("#reports-map", "data-markers"))).isGreaterThanOrEqualTo(2);
    Browsers.screenshot(page, "citizen-reports");
  }

  @Test
  void onAPhoneInEnglishAReportLikeTheTitleBeingTypedIsOffered() {
    String marker = "lumut" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "q");
    String existing = submit("Saluran irigasi " + marker + " jebol", Privacy.PUBLIC, null, null, "Ketut Sawah");
    Page page = browsers.newPage(390, 844);
    page.navigate(url("/lapor?lang=en"));
    page.selectOption("#province", "Provinsi Bali");
    page.selectOption("#regionCode", BANGLI);
    page.locator("#title").pressSequentially("irigasi " + marker + " jebol");
    page.waitForSelector("#nearby-list li[data-tracking-number='" + existing + "']");
    assertThat(page.textContent("#nearby")).contains("Already reported?", "similar to your title");
    Browsers.screenshot(page, "citizen-phone-similar-en");

    page.navigate(url("/laporan?regionCode=" + BANGLI + "&lang=en"));
    assertThat(page.textContent("h1")).isEqualTo("Citizens' reports in Kab. Bangli");
    assertThat(page.textContent("#report-list")).contains("Saluran irigasi " + marker + " jebol", "today");
    Browsers.screenshot(page, "citizen-phone-reports-en");
  }

  @Test
  void everyPortalPageIsAccessibleWorksByKeyboardAndWeighsAtMost150KB() throws Exception {
    var submission = intake.submit(new NewComplaint(Classification.PENGADUAN, "Trotoar rusak di Jalan Nusantara",
        "Trotoar berlubang di depan pasar.", Category.INFRASTRUKTUR, LocalDate.of(2026, 11, 20),
        new Location(BANGLI, "Bangli", -8.4543, 115.3549), Channel.WEB, Privacy.PUBLIC,
        new Complainant("Luh Ayu", "luh.ayu@example.org", null)));
    String tn = submission.trackingNumber();
    String token = submission.followUpToken();
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("beranda", "/");
    pages.put("buat laporan", "/lapor");
    pages.put("lacak", "/lacak");
    pages.put("status publik", "/lacak/" + tn);
    pages.put("status pribadi", "/lacak/" + tn + "?token=" + token);
    pages.put("tanda terima", "/lacak/" + tn + "/tanda-terima?token=" + token);
    pages.put("laporan di sekitar", "/laporan?regionCode=" + BANGLI);
    pages.put("laporan saya", "/laporan-saya");

    List<String> problems = new ArrayList<>();
    StringBuilder weights = new StringBuilder("Portal pages, first visit (empty cache), bytes transferred without map tiles\n");
    for (String lang : List.of("id", "en")) {
      for (var entry : pages.entrySet()) {
        String path = entry.getValue() + (entry.getValue().contains("?") ? "&" : "?") + "lang=" + lang;
        for (boolean phone : List.of(false, true)) {
          Page page = phone ? browsers.newPage(390, 844) : browsers.newPage(1280, 900);
          List<com.microsoft.playwright.Request> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
          page.onRequestFinished(finished::add);
          page.navigate(url(path));
          page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
          AtomicLong bytes = new AtomicLong();
          AtomicLong requests = new AtomicLong();
          for (var request : finished) {
            if (!request.url().contains(":" + TileServer.PORT + "/")) {
              var sizes = request.sizes();
              bytes.addAndGet(sizes.responseBodySize + sizes.responseHeadersSize);
              requests.incrementAndGet();
            }
          }
          String name = entry.getKey() + " (" + lang + (phone ? ", phone" : ", desktop") + ")";
          weights.append(String.format("%-40s %7.1f KB in %d requests%n", name, bytes.get() / 1024.0, requests.get()));
          if (bytes.get() > WEIGHT_LIMIT) {
            problems.add(name + " weighs " + bytes.get() / 1024 + " KB");
          }
          if (!phone) {
            Axe.seriousViolations(page).forEach(v -> problems.add(name + ": " + v));
          }
          page.context().close();
        }
      }
    }
    // a submission with mistakes: errors are announced and the page still passes
    Page errors = browsers.newPage(1280, 900);
    errors.navigate(url("/lapor?lang=id"));
    errors.click("form[action$='/lapor'] button[type=submit]");
    errors.waitForSelector(".error-summary[role=alert]");
    Axe.seriousViolations(errors).forEach(v -> problems.add("buat laporan, with errors: " + v));
    errors.context().close();
    Files.createDirectories(Browsers.SCREENSHOTS.getParent());
    Files.writeString(Browsers.SCREENSHOTS.getParent().resolve("portal-weight.txt"), weights);
    System.out.println(weights);
    assertThat(problems).as("accessibility (axe-core " + Axe.VERSION + ") and weight").isEmpty();

    // keyboard only: Tab through the form, type, choose with the keys, send with Enter
    Page page = browsers.newPage(1280, 900);
    page.navigate(url("/lapor?lang=id"));
    tabTo(page, "title");
    page.keyboard().type("Got tersumbat di Jalan Kusuma Yudha");
    tabTo(page, "description");
    page.keyboard().type("Air got meluap ke jalan setiap hujan sejak awal bulan.");
    tabTo(page, "category");
    page.keyboard().type("Infrastruktur");
    tabTo(page, "province");
    page.keyboard().type("Provinsi Bali");
    tabTo(page, "regionCode");
    page.keyboard().type("Kab. Bangli");
    tabTo(page, "name");
    page.keyboard().type("Kadek Papan");
    tabTo(page, "email");
    page.keyboard().type("kadek.papan@example.org");
    page.keyboard().press("Enter");
    page.waitForSelector("#tracking-number", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
    String kbd = page.textContent("#tracking-number").strip();
    assertThat(complaints.getByTrackingNumber(kbd).getLocation().regionCode()).isEqualTo(BANGLI);
  }

  /** Presses Tab until the element with {@code id} has the focus (at most 80 times). */
  private static void tabTo(Page page, String id) {
    for (int i = 0; i < 80; i++) {
      if (id.equals(page.evaluate("() => document.activeElement && document.activeElement.id"))) {
        return;
      }
      page.keyboard().press("Tab");
    }
    throw new AssertionError("Tab never reached #" + id);
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static {
    try {
      Files.createDirectories(Browsers.SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
