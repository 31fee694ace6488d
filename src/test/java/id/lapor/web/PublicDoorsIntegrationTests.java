package id.lapor.web;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.attachments.Attachments;
import id.lapor.complaint.Complaints;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import id.lapor.support.TestFiles;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The public doors hold their limits whatever the request looks like: an alias of the path, a body
 * of unknown length, a webhook without its signature, uploads racing each other.
 */
@LaporTest
class PublicDoorsIntegrationTests {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired ComplaintIntake intake;
  @Autowired Attachments attachments;
  @Autowired Complaints complaints;
  @Autowired TransactionTemplate tx;

  final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aLargeBodyIsRefusedAtEveryAliasOfTheDoorAndWhateverItsTransferEncoding() throws Exception {
    long before = complaints.count();
    byte[] twoMegabytes = json(2 << 20);
    HttpResponse<String> alias = client.send(HttpRequest.newBuilder(uri("/api/%63omplaints"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(twoMegabytes)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(alias.statusCode()).isEqualTo(413);
    assertThat(alias.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

    // no Content-Length: chunked, 3 MB, counted while it is read
    AtomicLong sent = new AtomicLong();
    HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(uri("/api/complaints"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> counting(json(3 << 20), sent))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("request-too-large");
    assertThat(complaints.count()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void theGatewayWebhookRefusesAnUnsignedBodyBeforeReadingIt() throws Exception {
    AtomicLong sent = new AtomicLong();
    long started = System.nanoTime();
    HttpResponse<String> unsigned = client.send(HttpRequest.newBuilder(uri("/channels/gateway/inbound"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> counting(json(20 << 20), sent))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

    HttpResponse<String> signedButHuge = client.send(HttpRequest.newBuilder(uri("/channels/gateway/inbound"))
        .header("Content-Type", "application/json").header("X-Lapor-Signature", "sha256=00")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> counting(json(20 << 20), new AtomicLong()))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signedButHuge.statusCode()).as("read up to the limit only").isEqualTo(413);
  }

  @Test
  void parallelUploadsNeverPutMoreFilesOnAComplaintThanItsLimit() throws Exception {
    var submission = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Integer>> uploads = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int n = i;
      uploads.add(pool.submit((Callable<Integer>) () -> upload(submission.trackingNumber(),
          submission.followUpToken(), n).getStatusCode().value()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : uploads) {
      statuses.add(f.get());
    }
    pool.shutdown();
    long id = complaints.getByTrackingNumber(submission.trackingNumber()).getId();
    assertThat(attachments.countOf(id)).isEqualTo(10);
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
    assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 400 || s == 409);
  }

  private ResponseEntity<String> upload(String trackingNumber, String token, int batch) throws Exception {
    var body = new LinkedMultiValueMap<String, Object>();
    for (int f = 0; f < 5; f++) {
      byte[] png = TestFiles.pngWithChunks("tEXt", "batch " + batch + " file " + f);
      HttpHeaders part = new HttpHeaders();
      part.setContentDispositionFormData("files", "foto-" + batch + "-" + f + ".png");
      body.add("files", new HttpEntity<>(new ByteArrayResource(png) {
        @Override
        public String getFilename() {
          return "foto.png";
        }
      }, part));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.set("Follow-Up-Token", token);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.postForEntity("/api/complaints/" + trackingNumber + "/attachments", new HttpEntity<>(body, headers),
        String.class);
  }

  /** A JSON complaint whose description makes it {@code size} bytes long. */
  private static byte[] json(int size) {
    String head = "{\"classification\":\"PENGADUAN\",\"title\":\"Besar\",\"regionCode\":\"51.06\",\"description\":\"";
    StringBuilder b = new StringBuilder(size).append(head);
    while (b.length() < size - 2) {
      b.append('a');
    }
    return b.append("\"}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static InputStream counting(byte[] content, AtomicLong sent) {
    return new java.io.ByteArrayInputStream(content) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        int n = super.read(b, off, len);
        if (n > 0) {
          sent.addAndGet(n);
        }
        return n;
      }
    };
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
