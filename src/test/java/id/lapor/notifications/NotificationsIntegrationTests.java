package id.lapor.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.lapor.notifications.ComplainantNotice;
import id.lapor.notifications.ComplainantNotices;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.NewComplaint;
import id.lapor.notifications.NoticeMedium;
import id.lapor.notifications.NoticeState;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.TimelineEventType;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices reach the complainant once, by email (GreenMail, a real SMTP server) and by SMS/WhatsApp
 * (WireMock as the gateway), in the complainant's language, and survive outages of either.
 */
@LaporTest
class NotificationsIntegrationTests {

  static final ServerSetup SMTP = new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  @Autowired ComplaintIntake intake;
  @Autowired NoticeDeliveryWorker worker;
  @Autowired ComplainantNotices notices;
  @Autowired Complaints complaints;
  @Autowired Casework casework;
  @Autowired TransactionTemplate transactions;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired NotificationProperties properties;

  GreenMail smtp;
  WireMockServer gateway;

  @BeforeEach
  void serversUp() {
    casework.setClock(Instant.parse("2026-11-23T03:00:00Z"));
    smtp = new GreenMail(SMTP);
    smtp.start();
    gateway = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(39089));
    gateway.start();
    gateway.stubFor(post(urlEqualTo("/messages")).willReturn(aResponse().withStatus(202)));
  }

  @AfterEach
  void serversDown() {
    if (smtp != null) {
      smtp.stop();
    }
    gateway.stop();
    casework.resetClock();
  }

  @Test
  void theReceiptArrivesOnceAsTextAndHtmlInIndonesian() throws Exception {
    String email = uniqueEmail();
    String tn = submit(email, null, NewComplaint.INDONESIAN, Privacy.PUBLIC);

    deliverAll(casework.now());
    deliverAll(casework.now().plus(Duration.ofHours(3)));

    List<MimeMessage> received = to(email);
    assertThat(received).hasSize(1);
    MimeMessage mail = received.get(0);
    assertThat(mail.getSubject()).isEqualTo("[LAPOR!] " + tn + ": Laporan diterima");
    String text = part(mail, "text/plain");
    String html = part(mail, "text/html");
    assertThat(text).contains("Nomor pelacakan: " + tn)
        .contains("Admin daerah akan memverifikasi")
        .contains(properties.publicUrl() + "/lacak?nomor=" + tn + "&lang=id");
    assertThat(html).contains("<strong>" + tn + "</strong>").contains("lang=\"id\"");
    assertThat(notice(tn, TimelineEventType.SUBMITTED, NoticeMedium.EMAIL).getState()).isEqualTo(NoticeState.SENT);
  }

  @Test
  void forwardingAndTheFollowUpAreToldInEnglishToAnEnglishComplainant() throws Exception {
    String email = uniqueEmail();
    String tn = submit(email, null, NewComplaint.ENGLISH, Privacy.CONFIDENTIAL);
    casework.forward(tn, BANGLI_DINKES);
    casework.dispose(tn, "petugas.bangli.dinkes");
    casework.postFollowUp(tn, "The medicine was delivered to Puskesmas Susut I on Monday.");

    deliverAll(casework.now());

    List<String> subjects = to(email).stream().map(NotificationsIntegrationTests::subject).toList();
    assertThat(subjects).containsExactly(
        "[LAPOR!] " + tn + ": Report received",
        "[LAPOR!] " + tn + ": Forwarded to Dinas Kesehatan Kab. Bangli",
        "[LAPOR!] " + tn + ": Follow-up from Dinas Kesehatan Kab. Bangli");
    String followUp = GreenMailUtil.getBody(to(email).get(2));
    assertThat(followUp).contains("The medicine was delivered to Puskesmas Susut I on Monday.")
        .contains("accept or dispute");
    // internal steps (disposition to an officer) tell the complainant nothing
    assertThat(notices.findByComplaintOrderById(complaints.getByTrackingNumber(tn)).stream()
        .map(ComplainantNotice::getEventType)).doesNotContain(TimelineEventType.DISPOSED);
  }

  @Test
  void anSmtpOutageDelaysTheEmailButNeitherLosesNorDoublesIt() throws Exception {
    smtp.stop();
    String email = uniqueEmail();
    Instant now = casework.now();
    String tn = submit(email, null, NewComplaint.INDONESIAN, Privacy.PUBLIC);
    assertThat(complaints.existsByTrackingNumber(tn)).as("the complaint does not wait for the mail server").isTrue();

    deliverAll(now);
    ComplainantNotice waiting = notice(tn, TimelineEventType.SUBMITTED, NoticeMedium.EMAIL);
    assertThat(waiting.getState()).isEqualTo(NoticeState.PENDING);
    assertThat(waiting.getAttempts()).isEqualTo(1);
    assertThat(waiting.getLastError()).startsWith("SMTP:");
    assertThat(waiting.getNextAttemptAt()).isEqualTo(now.plus(properties.firstRetry()));

    // still down a minute later: the wait doubles
    deliverAll(now.plus(Duration.ofMinutes(1)));
    waiting = notice(tn, TimelineEventType.SUBMITTED, NoticeMedium.EMAIL);
    assertThat(waiting.getAttempts()).isEqualTo(2);
    assertThat(waiting.getNextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(3)));

    smtp = new GreenMail(SMTP);
    smtp.start();
    deliverAll(now.plus(Duration.ofMinutes(2)));
    assertThat(to(email)).as("not before its time").isEmpty();
    deliverAll(now.plus(Duration.ofMinutes(3)));
    deliverAll(now.plus(Duration.ofMinutes(30)));
    ComplainantNotice n = notice(tn, TimelineEventType.SUBMITTED, NoticeMedium.EMAIL);
    assertThat(to(email)).as("%s %s %s %s", n.getState(), n.getAttempts(), n.getNextAttemptAt(), n.getLastError())
        .hasSize(1);
    assertThat(notice(tn, TimelineEventType.SUBMITTED, NoticeMedium.EMAIL).getState()).isEqualTo(NoticeState.SENT);
  }

  @Test
  void aNoticeThatKeepsFailingIsShownToOperatorsWhoCanRetryIt() throws Exception {
    smtp.stop();
    String email = uniqueEmail();
    String tn = submit(email, null, NewComplaint.INDONESIAN, Privacy.PUBLIC);
    Instant at = casework.now();
    for (int attempt = 0; attempt < properties.maxAttempts(); attempt++) {
      deliverAll(at);
      at = at.plus(properties.maxRetry());
    }
    ComplainantNotice failed = notice(tn, TimelineEventType.SUBMITTED, NoticeMedium.EMAIL);
    assertThat(failed.getState()).isEqualTo(NoticeState.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(properties.maxAttempts());

    TestRestTemplate operator = http.withBasicAuth("demo", "demo");
    JsonNode list = json.readTree(operator.getForObject("/api/staff/notifications?state=FAILED&limit=500", String.class));
    JsonNode listed = find(list, failed.getId());
    assertThat(listed.get("trackingNumber").asText()).isEqualTo(tn);
    assertThat(listed.get("lastError").asText()).startsWith("SMTP:");
    assertThat(list.toString()).as("no recipient in the operators' list").doesNotContain(email);
    assertThat(json.readTree(operator.getForObject("/actuator/metrics/lapor.notifications.outbox?tag=state:FAILED",
        String.class)).at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
    assertThat(http.withBasicAuth("admin.bangli", "demo")
        .getForEntity("/api/staff/notifications", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    smtp = new GreenMail(SMTP);
    smtp.start();
    ResponseEntity<String> retried = operator.postForEntity("/api/staff/notifications/" + failed.getId() + "/retry",
        null, String.class);
    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(operator.postForEntity("/api/staff/notifications/" + failed.getId() + "/retry", null, String.class)
        .getStatusCode()).as("a pending notice is not retried").isEqualTo(HttpStatus.CONFLICT);
    deliverAll(casework.now().plus(Duration.ofDays(30)));
    assertThat(to(email)).hasSize(1);
    assertThat(operator.postForEntity("/api/staff/notifications/999999999/retry", null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aComplainantWithAPhoneGetsAnSmsThroughTheGatewayOnceEvenIfItWasDown() {
    gateway.stubFor(post(urlEqualTo("/messages")).willReturn(aResponse().withStatus(503)));
    String phone = "+6281" + (100000000 + (int) (Math.random() * 899999999));
    String tn = submit(null, phone, NewComplaint.INDONESIAN, Privacy.PUBLIC);
    Instant now = casework.now();

    deliverAll(now);
    ComplainantNotice sms = notice(tn, TimelineEventType.SUBMITTED, NoticeMedium.SMS);
    assertThat(sms.getState()).isEqualTo(NoticeState.PENDING);
    assertThat(sms.getLastError()).isEqualTo("gateway answered 503");

    gateway.stubFor(post(urlEqualTo("/messages")).willReturn(aResponse().withStatus(202)));
    deliverAll(now.plus(Duration.ofMinutes(1)));
    deliverAll(now.plus(Duration.ofMinutes(10)));

    var sent = gateway.findAll(postRequestedFor(urlEqualTo("/messages"))
        .withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    // the first attempt reached the (failing) gateway too; the gateway dedupes by Idempotency-Key
    assertThat(sent).hasSize(2);
    assertThat(sent).allSatisfy(r -> {
      assertThat(r.getHeader("Idempotency-Key")).isEqualTo("lapor-notice-" + sms.getId());
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer test-gateway-token");
    });
    String text = sent.get(1).getBodyAsString();
    assertThat(text).contains("\"channel\":\"SMS\"").contains("LAPOR! " + tn + ": Laporan diterima");
    assertThat(notice(tn, TimelineEventType.SUBMITTED, NoticeMedium.SMS).getState()).isEqualTo(NoticeState.SENT);
  }

  @Test
  void aMessageTheGatewayRefusesFailsAtOnce() {
    gateway.stubFor(post(urlEqualTo("/messages")).willReturn(aResponse().withStatus(400)));
    String tn = submit(null, "+62 812 0000 4000", NewComplaint.INDONESIAN, Privacy.PUBLIC);
    deliverAll(casework.now());
    ComplainantNotice sms = notice(tn, TimelineEventType.SUBMITTED, NoticeMedium.SMS);
    assertThat(sms.getState()).isEqualTo(NoticeState.FAILED);
    assertThat(sms.getAttempts()).isEqualTo(1);
  }

  @Test
  void anAnonymousComplainantWithoutContactGetsNothingAndNothingFails() {
    NewComplaint base = ComplaintFixtures.complaint(BANGLI, Privacy.ANONYMOUS);
    String tn = intake.submit(new NewComplaint(base.classification(), base.title(), base.description(),
        base.category(), base.incidentDate(), base.location(), base.channel(), base.privacy(), null)).trackingNumber();
    casework.forward(tn, BANGLI_DINKES);
    casework.dispose(tn, "petugas.bangli.dinkes");
    casework.postFollowUp(tn, "Sudah ditangani.");
    assertThat(notices.findByComplaintOrderById(complaints.getByTrackingNumber(tn))).isEmpty();
  }

  private String submit(String email, String phone, String language, Privacy privacy) {
    NewComplaint base = ComplaintFixtures.complaint(BANGLI, privacy);
    return intake.submit(new NewComplaint(base.classification(), base.title(), base.description(), base.category(),
        base.incidentDate(), base.location(), base.channel(), base.privacy(),
        new Complainant("Wayan Surat", email, phone), language, null)).trackingNumber();
  }

  /** Rounds of delivery at {@code now} until nothing due is left (other tests' notices included). */
  private void deliverAll(Instant now) {
    for (int round = 0; round < 100 && worker.deliverDue(now) > 0; round++) {
      // next batch
    }
  }

  private ComplainantNotice notice(String tn, TimelineEventType type, NoticeMedium medium) {
    return transactions.execute(s -> {
      var found = notices.findByComplaintOrderById(complaints.getByTrackingNumber(tn)).stream()
          .filter(n -> n.getEventType() == type && n.getMedium() == medium).toList();
      assertThat(found).as("%s notice by %s of %s", type, medium, tn).hasSize(1);
      return found.get(0);
    });
  }

  private List<MimeMessage> to(String address) {
    return id.lapor.support.Mailbox.to(smtp, address);
  }


  /** The first body part of this type, however deeply the multiparts nest. */
  private static String part(jakarta.mail.Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode find(JsonNode list, long id) {
    for (JsonNode n : list) {
      if (n.get("id").asLong() == id) {
        return n;
      }
    }
    throw new AssertionError("notice " + id + " not listed in " + list);
  }

  private static String uniqueEmail() {
    return "pelapor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }
}
