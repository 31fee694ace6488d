package id.lapor.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Privacy;
import id.lapor.notifications.NoticeDeliveryWorker;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** SMS and WhatsApp in and out through the gateway (WireMock), end to end. */
@LaporTest
class GatewayWebhookIntegrationTests {

  static final String SECRET = "test-webhook-secret";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired Complaints complaints;
  @Autowired NoticeDeliveryWorker worker;
  @Autowired Casework casework;
  @Autowired TransactionTemplate transactions;

  WireMockServer gateway;

  @BeforeEach
  void gatewayUp() {
    gateway = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(39089));
    gateway.start();
    gateway.stubFor(post(urlEqualTo("/messages")).willReturn(aResponse().withStatus(202)));
  }

  @AfterEach
  void gatewayDown() {
    gateway.stop();
  }

  @Test
  void anSmsReportBecomesAComplaintOnceAndTheReceiptGoesBackBySms() throws Exception {
    String phone = phone();
    String id = UUID.randomUUID().toString();
    String body = message(id, "SMS", phone, "lapor 5106 Jembatan gantung di Desa Songan putus sejak banjir kemarin", null);

    ResponseEntity<String> first = signedPost(body);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode result = json.readTree(first.getBody());
    assertThat(result.get("result").asText()).isEqualTo("ACCEPTED");
    String tn = result.get("trackingNumber").asText();
    long count = complaints.count();

    JsonNode again = json.readTree(signedPost(body).getBody());
    assertThat(again.get("result").asText()).isEqualTo("DUPLICATE");
    assertThat(again.get("trackingNumber").asText()).isEqualTo(tn);
    assertThat(complaints.count()).as("the same message makes one complaint").isEqualTo(count);

    Complaint complaint = transactions.execute(s -> {
      Complaint c = complaints.getByTrackingNumber(tn);
      assertThat(c.getComplainant().orElseThrow().getPhone()).isEqualTo(phone);
      return c;
    });
    assertThat(complaint.getChannel()).isEqualTo(Channel.SMS);
    assertThat(complaint.getAddressedRegionCode()).isEqualTo("51.06");
    assertThat(complaint.getPrivacy()).as("no name given").isEqualTo(Privacy.ANONYMOUS);
    assertThat(complaint.getDescription()).startsWith("Jembatan gantung di Desa Songan");

    deliverAll();
    List<LoggedRequest> sent = to(phone);
    assertThat(sent).hasSize(1);
    JsonNode receipt = json.readTree(sent.get(0).getBodyAsString());
    assertThat(receipt.get("channel").asText()).isEqualTo("SMS");
    assertThat(receipt.get("text").asText()).startsWith("LAPOR! " + tn + ": Laporan diterima.");
  }

  @Test
  void aWhatsappComplainantHearsOfTheFollowUpOnWhatsapp() throws Exception {
    String phone = phone();
    JsonNode result = json.readTree(signedPost(message(UUID.randomUUID().toString(), "WHATSAPP", phone,
        "LAPOR 51.06 Stok obat diabetes di Puskesmas Kintamani kosong dua minggu", "Nyoman Sari")).getBody());
    String tn = result.get("trackingNumber").asText();
    assertThat(complaints.getByTrackingNumber(tn).getPrivacy()).isEqualTo(Privacy.PUBLIC);
    casework.forward(tn, BANGLI_DINKES);
    casework.dispose(tn, "petugas.bangli.dinkes");
    casework.postFollowUp(tn, "Obat diabetes sudah dikirim ke Puskesmas Kintamani hari ini.");

    deliverAll();
    List<String> texts = to(phone).stream().map(r -> read(r).get("text").asText()).toList();
    assertThat(to(phone)).allSatisfy(r -> assertThat(read(r).get("channel").asText()).isEqualTo("WHATSAPP"));
    assertThat(texts).hasSize(3);
    assertThat(texts.get(2)).contains("Tindak lanjut dari Dinas Kesehatan Kab. Bangli",
        "Obat diabetes sudah dikirim");
  }

  @Test
  void anythingElseGetsHelpAndCekAnswersTheStatus() throws Exception {
    String phone = phone();
    assertThat(json.readTree(signedPost(message(UUID.randomUUID().toString(), "SMS", phone, "halo pak", null))
        .getBody()).get("result").asText()).isEqualTo("HELP");
    assertThat(json.readTree(signedPost(message(UUID.randomUUID().toString(), "SMS", phone,
        "LAPOR 99.99 jalan rusak parah sekali di kampung kami", null)).getBody()).get("result").asText())
        .isEqualTo("HELP");
    String tn = json.readTree(signedPost(message(UUID.randomUUID().toString(), "SMS", phone,
        "LAPOR 51.06 Sampah menumpuk di pasar Kidul sudah seminggu", null)).getBody()).get("trackingNumber").asText();
    assertThat(json.readTree(signedPost(message(UUID.randomUUID().toString(), "SMS", phone, "cek " + tn.toLowerCase(), null))
        .getBody()).get("result").asText()).isEqualTo("STATUS");

    List<String> replies = to(phone).stream().map(r -> read(r).get("text").asText()).toList();
    assertThat(replies).hasSize(3);
    assertThat(replies.get(0)).startsWith("LAPOR!: kirim LAPOR <kode wilayah> <isi laporan>");
    assertThat(replies.get(1)).startsWith("Kode wilayah 99.99 tidak dikenal.");
    assertThat(replies.get(2)).isEqualTo("LAPOR! " + tn + ": Menunggu verifikasi. Lacak: http://localhost:8080/lacak?nomor=" + tn);
  }

  @Test
  void unsignedOrWronglySignedMessagesAreRefusedAndNothingIsStored() throws Exception {
    long count = complaints.count();
    String body = message(UUID.randomUUID().toString(), "SMS", phone(), "LAPOR 51.06 palsu palsu palsu palsu", null);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.postForEntity("/channels/gateway/inbound", new HttpEntity<>(body, headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    headers.set("X-Lapor-Signature", "sha256=" + sign(body + " "));
    assertThat(http.postForEntity("/channels/gateway/inbound", new HttpEntity<>(body, headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(complaints.count()).isEqualTo(count);

    ResponseEntity<String> malformed = signedPost("{\"messageId\":\"x\",\"channel\":\"FAX\"}");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(malformed.getBody()).get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("channel", "from", "text");
  }

  @Test
  void theSameMessageDeliveredTwiceAtOnceMakesOneComplaint() throws Exception {
    String body = message(UUID.randomUUID().toString(), "SMS", phone(),
        "LAPOR 51.06 Lampu jalan di Jl. Merdeka mati semua sejak Jumat", null);
    long count = complaints.count();
    var pool = Executors.newFixedThreadPool(4);
    Callable<String> deliver = () -> json.readTree(signedPost(body).getBody()).get("trackingNumber").asText();
    var results = pool.invokeAll(List.of(deliver, deliver, deliver, deliver));
    pool.shutdown();
    var numbers = new java.util.HashSet<String>();
    for (var f : results) {
      numbers.add(f.get());
    }
    assertThat(numbers).hasSize(1);
    assertThat(complaints.count()).isEqualTo(count + 1);
  }

  private ResponseEntity<String> signedPost(String body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("X-Lapor-Signature", "sha256=" + sign(body));
    return http.postForEntity("/channels/gateway/inbound", new HttpEntity<>(body, headers), String.class);
  }

  static String sign(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private String message(String id, String channel, String from, String text, String senderName) throws Exception {
    var node = json.createObjectNode().put("messageId", id).put("channel", channel).put("from", from).put("text", text);
    if (senderName != null) {
      node.put("senderName", senderName);
    }
    return json.writeValueAsString(node);
  }

  private void deliverAll() {
    for (int round = 0; round < 100 && worker.deliverDue(casework.now()) > 0; round++) {
      // next batch
    }
  }

  private List<LoggedRequest> to(String phone) {
    return gateway.findAll(postRequestedFor(urlEqualTo("/messages")).withRequestBody(matchingJsonPath("$.to", equalTo(phone))))
        .stream().sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
  }

  private JsonNode read(LoggedRequest request) {
    try {
      return json.readTree(request.getBodyAsString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String phone() {
    return "+6285" + (100000000 + (int) (Math.random() * 899999999));
  }
}
