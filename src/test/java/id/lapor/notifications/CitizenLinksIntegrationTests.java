package id.lapor.notifications;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import id.lapor.support.StaffBrowser;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Private links sent again on the citizen's request (GreenMail as the mail server): "laporan saya"
 * sends one message with a working private link to each of an address's complaints, answers an
 * unknown address exactly as a known one, sends at most one message per address in 15 minutes; the
 * receipt goes to the contact given with the complaint only when the token is presented. The first
 * token keeps working; only hashes are stored.
 */
@LaporTest
class CitizenLinksIntegrationTests {

  static final Pattern LINK = Pattern.compile("http://localhost:8080/lacak/(LPR-\\d{4}-[A-Z0-9]{6})\\?token=([A-Za-z0-9_-]+)");

  @LocalServerPort int port;
  @Autowired ComplaintIntake intake;
  @Autowired NoticeDeliveryWorker worker;
  @Autowired Casework casework;
  @Autowired LinkNotices links;

  GreenMail smtp;

  @BeforeEach
  void up() {
    casework.setClock(Instant.parse("2026-11-24T03:00:00Z"));
    smtp = new GreenMail(NotificationsIntegrationTests.SMTP);
    smtp.start();
  }

  @AfterEach
  void down() {
    smtp.stop();
    casework.resetClock();
  }

  private ComplaintIntake.Submission submit(String email, String title) {
    NewComplaint base = ComplaintFixtures.complaint(BANGLI, Privacy.PUBLIC);
    return intake.submit(new NewComplaint(base.classification(), title, base.description(), base.category(),
        base.incidentDate(), base.location(), base.channel(), base.privacy(), new Complainant("Ketut Minta", email, null),
        NewComplaint.INDONESIAN, null));
  }

  private void deliver() {
    for (int round = 0; round < 50 && worker.deliverDue(casework.now().plus(Duration.ofSeconds(1))) > 0; round++) {
      // next batch
    }
  }

  private List<MimeMessage> to(String address) {
    return id.lapor.support.Mailbox.to(smtp, address);
  }


  private static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("a CSRF field").isTrue();
    return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
  }

  /** Asks for "laporan saya" as a browser does; answers the page shown afterwards. */
  private String askForMine(String contact) throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    String form = browser.get("/laporan-saya").body();
    var posted = browser.post("/laporan-saya", "_csrf=" + csrf(form) + "&contact="
        + URLEncoder.encode(contact, StandardCharsets.UTF_8));
    assertThat(posted.statusCode()).isEqualTo(302);
    return browser.get("/laporan-saya").body();
  }

  @Test
  void laporanSayaSendsOneMessageWithAWorkingPrivateLinkToEachComplaint() throws Exception {
    String email = "minta-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    var first = submit(email, "Jalan berlubang di Desa Tiga");
    var second = submit(email, "Air PDAM keruh di Susut");
    deliver();
    int receipts = to(email).size();

    String answer = askForMine("  " + email.toUpperCase() + " ");
    String unknown = askForMine("tidak-pernah-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
    assertThat(answer).contains("Permintaan diterima");
    assertThat(strip(unknown)).as("the same answer for an address without reports").isEqualTo(strip(answer));
    deliver();

    List<MimeMessage> mails = to(email);
    assertThat(mails).hasSize(receipts + 1);
    MimeMessage mine = mails.get(mails.size() - 1);
    assertThat(mine.getSubject()).isEqualTo("Laporan Anda di LAPOR!");
    String body = GreenMailUtil.getBody(mine).replace("=\r\n", "").replace("=3D", "=");
    List<String> linked = new ArrayList<>();
    Matcher m = LINK.matcher(body);
    StaffBrowser citizen = new StaffBrowser(port);
    while (m.find()) {
      if (!linked.contains(m.group(1))) {
        linked.add(m.group(1));
        String page = citizen.get("/lacak/" + m.group(1) + "?token=" + m.group(2)).body();
        assertThat(page).as("the link opens the complaint privately").doesNotContain("tidak sah");
        assertThat(citizen.get("/lacak/" + m.group(1) + "/tanda-terima?token=" + m.group(2)).statusCode())
            .as("and its receipt").isEqualTo(200);
      }
    }
    assertThat(linked).containsExactly(second.trackingNumber(), first.trackingNumber());
    assertThat(citizen.get("/lacak/" + first.trackingNumber() + "/tanda-terima?token=" + first.followUpToken())
        .statusCode()).as("the first token still works").isEqualTo(200);

    // asked again at once: nothing more is sent (one message per address in 15 minutes)
    askForMine(email);
    deliver();
    assertThat(to(email)).hasSize(receipts + 1);
  }

  private static String strip(String page) {
    return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
  }

  @Test
  void anInvalidContactIsSaidAndNothingIsStored() throws Exception {
    long before = links.count();
    StaffBrowser browser = new StaffBrowser(port);
    String form = browser.get("/laporan-saya").body();
    var posted = browser.post("/laporan-saya", "_csrf=" + csrf(form) + "&contact=bukan-alamat");
    assertThat(posted.statusCode()).isEqualTo(400);
    assertThat(posted.body()).contains("Tulis alamat email", "bukan-alamat");
    assertThat(links.count()).isEqualTo(before);
  }

  @Test
  void theReceiptIsSentToTheComplaintsOwnContactWithTheTokenOnly() throws Exception {
    String email = "terima-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    var submission = submit(email, "Lampu taman mati");
    String tn = submission.trackingNumber();
    deliver();
    int before = to(email).size();

    StaffBrowser browser = new StaffBrowser(port);
    String receipt = browser.get("/lacak/" + tn + "/tanda-terima?token=" + submission.followUpToken()).body();
    assertThat(receipt).contains("Kirim tanda terima ke email/HP saya");
    var forged = browser.post("/lacak/" + tn + "/tanda-terima/kirim", "_csrf=" + csrf(receipt) + "&token=salah");
    assertThat(forged.statusCode()).isEqualTo(302);
    var sent = browser.post("/lacak/" + tn + "/tanda-terima/kirim", "_csrf=" + csrf(receipt) + "&token="
        + submission.followUpToken());
    assertThat(sent.statusCode()).isEqualTo(302);
    String shown = browser.get(sent.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
        .body();
    assertThat(shown).contains("Tanda terima sedang dikirim ke email Anda");
    deliver();

    List<MimeMessage> mails = to(email);
    assertThat(mails).as("one receipt: the forged request sent nothing").hasSize(before + 1);
    MimeMessage mail = mails.get(mails.size() - 1);
    assertThat(mail.getSubject()).isEqualTo("Tanda terima laporan " + tn);
    Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
    assertThat(link.find()).isTrue();
    assertThat(link.group(1)).isEqualTo(tn);
    assertThat(browser.get("/lacak/" + tn + "/tanda-terima?token=" + link.group(2)).statusCode()).isEqualTo(200);

    // at most three an hour
    for (int i = 0; i < 3; i++) {
      browser.post("/lacak/" + tn + "/tanda-terima/kirim", "_csrf=" + csrf(receipt) + "&token=" + submission.followUpToken());
    }
    deliver();
    assertThat(to(email)).hasSize(before + 3);
  }
}
