package id.lapor.intake;

import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.support.Browsers;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import id.lapor.support.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen on a phone, with JavaScript off, in a real headless Chromium: a submission with
 * mistakes shows each next to its field and keeps what was typed; the corrected one gets a tracking
 * number and the private link; the tracking page shows the timeline; after the follow-up the
 * complainant disputes without a reason (refused), then accepts with a rating. The language switch
 * works. Screenshots: {@code target/browser-screenshots/portal-*.png}.
 */
@LaporTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIntegrationTests {

  @LocalServerPort int port;
  @Autowired Casework casework;
  @Autowired Complaints complaints;
  @Autowired ComplaintIntake intake;

  Browsers browsers;

  @BeforeAll
  void browser() {
    browsers = Browsers.launch();
  }

  @AfterAll
  void close() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void aCitizenSubmitsTracksAndRepliesOnAPhoneWithoutJavaScript() {
    Page page = browsers.newPhoneWithoutJavaScript();
    page.navigate(url("/"));
    assertThat(page.textContent("h1")).isEqualTo("Sampaikan pengaduan Anda");
    Browsers.screenshot(page, "portal-home");

    page.click("text=Buat laporan >> nth=0");
    page.fill("#title", "Lampu jalan mati di Jl. Merdeka");
    page.fill("#email", "bukan-email");
    page.setInputFiles("#attachments", new FilePayload("foto.jpg", "image/jpeg",
        "ini teks, bukan foto".getBytes(StandardCharsets.UTF_8)));
    page.click("button[type=submit]");
    Browsers.screenshot(page, "portal-submit-errors");
    assertThat(page.textContent(".error-summary")).contains("belum terkirim");
    assertThat(page.inputValue("#title")).as("what was typed is kept").isEqualTo("Lampu jalan mati di Jl. Merdeka");
    assertThat(page.textContent("#description-error")).contains("Wajib diisi");
    assertThat(page.locator("#email").evaluate("e => e.previousElementSibling.textContent").toString())
        .contains("email tidak valid");
    assertThat(page.textContent("#attachments-error")).contains("dilihat dari isinya");
    assertThat(page.textContent("main")).contains("Pilih lagi lampiran Anda");

    page.fill("#description", "Sudah seminggu lampu jalan di depan SD 2 mati, anak-anak pulang les dalam gelap.");
    page.selectOption("#category", "INFRASTRUKTUR");
    page.selectOption("#regionCode", "51.06");
    page.fill("#district", "Susut");
    page.fill("#name", "Made Warga");
    page.fill("#email", "made.warga@example.org");
    page.selectOption("#targetInstitution", "51.06.pupr");
    try {
      page.setInputFiles("#attachments", new FilePayload("lampu-mati.jpg", "image/jpeg",
          TestFiles.jpegWithLocation(-8.45, 115.36)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    page.click("button[type=submit]");
    Browsers.screenshot(page, "portal-submitted");
    String tn = page.textContent("#tracking-number").strip();
    assertThat(tn).matches("LPR-\\d{4}-[A-Z0-9]{6}");
    // the receipt: the full private link (the configured public address), copy button, QR code, PDF
    String fullLink = page.getAttribute("#private-link", "href");
    assertThat(fullLink).startsWith("http://localhost:8080/lacak/" + tn + "?token=");
    assertThat(page.inputValue("#private-link-text")).isEqualTo(fullLink);
    assertThat(page.locator("figure.qr svg path").count()).isEqualTo(1);
    assertThat(page.textContent("main")).contains("Simpan tautan ini", "CEK " + tn, "Lampu jalan mati di Jl. Merdeka");
    assertThat(page.url()).as("a receipt that can be reloaded").contains("/lacak/" + tn + "/tanda-terima?token=");
    page.reload();
    assertThat(page.textContent("#tracking-number").strip()).isEqualTo(tn);
    String pdfHref = page.getAttribute("a[href*='tanda-terima.pdf']", "href");
    assertThat(page.evaluate("href => fetch(href).then(r => r.status + ' ' + r.headers.get('content-type'))", pdfHref))
        .isEqualTo("200 application/pdf");
    String privateLink = java.net.URI.create(fullLink).getRawPath() + "?" + java.net.URI.create(fullLink).getRawQuery();

    page.navigate(url(privateLink));
    assertThat(page.textContent("#status")).isEqualTo("Menunggu verifikasi");
    assertThat(page.isVisible("#reply")).isFalse();
    assertThat(page.textContent("#attachments")).contains("lampu-mati.jpg");
    // 32×24 pixels, shown upright as 24 wide: the photo kept its orientation when it lost its location
    assertThat(page.evaluate("() => document.querySelector('#attachments img').naturalWidth")).isEqualTo(24);
    assertThat(complaints.getByTrackingNumber(tn).getTargetInstitutionCode()).contains("51.06.pupr");
    Browsers.screenshot(page, "portal-track");

    casework.forward(tn, BANGLI_DINKES);
    casework.dispose(tn, "petugas.bangli.dinkes");
    casework.postFollowUp(tn, "Lampu sudah diganti oleh Dinas PUPR hari ini.");
    page.navigate(url(privateLink));
    assertThat(page.textContent("main")).contains("Lampu sudah diganti oleh Dinas PUPR hari ini.");
    assertThat(page.textContent("#comment-visibility")).as("said before replying")
        .contains("tampil di halaman status publik", "tanpa nama Anda");
    page.check("#decision-dispute");
    page.click("#reply button[type=submit]");
    assertThat(page.textContent(".error-summary")).contains("Wajib diisi");
    page.check("#decision-accept");
    page.check("#rating-5");
    page.click("#reply button[type=submit]");
    Browsers.screenshot(page, "portal-replied");
    assertThat(page.textContent(".notice")).contains("tanggapan Anda tercatat");
    assertThat(page.textContent("#status")).isEqualTo("Selesai");
    assertThat(complaints.getByTrackingNumber(tn).getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
  }

  @Test
  void withJavaScriptTheProvinceNarrowsTheRegenciesAndTheRegencyItsInstitutionsAndDistricts() {
    Page page = browsers.newPage(412, 915);
    page.navigate(url("/lapor?lang=id"));
    page.waitForLoadState();
    assertThat(page.isVisible("#province")).as("the province picker needs JavaScript").isTrue();
    page.selectOption("#province", "Provinsi Jawa Timur");
    assertThat(visibleOptionGroups(page, "#regionCode")).containsExactly("Provinsi Jawa Timur");
    page.selectOption("#regionCode", "35.10");
    assertThat(visibleOptionGroups(page, "#targetInstitution")).containsExactly("Kab. Banyuwangi");
    @SuppressWarnings("unchecked")
    List<String> districts = (List<String>) page.evaluate(
        "() => Array.from(document.querySelectorAll('#district-list option')).map(o => o.value)");
    assertThat(districts).as("Banyuwangi's 25 kecamatan (geo/districts.csv)").hasSize(25)
        .contains("Banyuwangi", "Genteng", "Muncar", "Blimbingsari").isSorted();
    page.selectOption("#targetInstitution", "35.10.dinkes");
    page.selectOption("#province", "Provinsi Bali");
    assertThat(page.inputValue("#regionCode")).as("a regency of another province is cleared").isEmpty();
    assertThat(page.inputValue("#targetInstitution")).as("and so is its institution").isEmpty();
    Browsers.screenshot(page, "portal-submit-pickers");
  }

  @SuppressWarnings("unchecked")
  private static List<String> visibleOptionGroups(Page page, String select) {
    return (List<String>) page.evaluate("s => Array.from(document.querySelectorAll(s + ' optgroup'))"
        + ".filter(g => !g.hidden).map(g => g.label)", select);
  }

  @Test
  void scriptAndTemplateCodeInAComplaintShowAsTextOnItsPublicPage() {
    var base = id.lapor.support.ComplaintFixtures.aPublicComplaintIn("51.06");
    String title = "<img src=x onerror=\"window.__xss='title'\"> Jalan rusak";
    String text = "<script>window.__xss='text'</script> [[${7*7}]] [(${7*7})] {{7*7}}";
    String tn = intake.submit(new id.lapor.complaint.NewComplaint(base.classification(), title, text,
        base.category(), base.incidentDate(), base.location(), base.channel(), base.privacy(), base.complainant()))
        .trackingNumber();
    Page page = browsers.newPage(1280, 900);
    page.navigate(url("/lacak/" + tn));
    Browsers.screenshot(page, "portal-track-script-text");
    assertThat(page.textContent("main")).contains(title, text);
    assertThat(page.evaluate("() => window.__xss === undefined")).as("no script ran").isEqualTo(true);
    assertThat(page.textContent("section p.text")).as("shown exactly as typed, templates not evaluated")
        .isEqualTo(text);
  }

  @Test
  void switchesBetweenIndonesianAndEnglish() {
    Page page = browsers.newPage(1280, 900);
    page.navigate(url("/lapor"));
    assertThat(page.textContent("h1")).isEqualTo("Buat laporan");
    page.click("header >> text=EN");
    // the form is long (every regency's institutions): read it once the whole page has arrived
    page.waitForLoadState();
    assertThat(page.textContent("h1")).isEqualTo("Submit a complaint");
    assertThat(page.textContent("main")).contains("Who may see this complaint");
    page.navigate(url("/"));
    assertThat(page.textContent("h1")).as("remembered").isEqualTo("Tell us what went wrong");
    Browsers.screenshot(page, "portal-home-en");
    page.click("header >> text=ID");
    assertThat(page.textContent("h1")).isEqualTo("Sampaikan pengaduan Anda");
  }

  private String url(String path) {
    return path.startsWith("http") ? path : "http://localhost:" + port + path;
  }
}
