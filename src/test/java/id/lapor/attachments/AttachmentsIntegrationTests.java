package id.lapor.attachments;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.support.TestFiles;
import id.lapor.casework.ComplaintTasks;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Privacy;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import id.lapor.web.FieldProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Attachments end to end: uploaded through the API, checked by content, photos without location,
 * public only where the complaint is public, staff by scope, nothing left behind by a rolled-back
 * submission, and a file that no longer matches its checksum is not served.
 */
@LaporTest
class AttachmentsIntegrationTests {

  static final Path DIR = Path.of("target/test-attachments");

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ComplaintIntake intake;
  @Autowired Complaints complaints;
  @Autowired Attachments attachments;
  @Autowired AttachmentInspector inspector;
  @Autowired Casework casework;
  @Autowired TransactionTemplate transactions;

  @Test
  void aPublicComplaintsPhotoIsPublicWithoutItsLocationItsVideoIsNot() throws Exception {
    var submission = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI));
    String tn = submission.trackingNumber();

    ResponseEntity<String> added = upload(tn, submission.followUpToken(),
        file("jalan-rusak.jpg", TestFiles.jpegWithLocation(-8.43, 115.35)), file("rekaman", TestFiles.mp4()),
        file("surat.pdf", TestFiles.pdf()));
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode list = json.readTree(added.getBody());
    assertThat(list.findValuesAsText("contentType")).containsExactly("image/jpeg", "video/mp4", "application/pdf");
    assertThat(list.findValuesAsText("fileName")).containsExactly("jalan-rusak.jpg", "rekaman.mp4", "surat.pdf");

    JsonNode status = json.readTree(http.getForObject("/api/complaints/" + tn, String.class));
    assertThat(status.get("attachments").findValuesAsText("fileName")).containsExactly("jalan-rusak.jpg", "surat.pdf");

    String photoUrl = list.get(0).get("url").asText();
    ResponseEntity<byte[]> photo = http.getForEntity(photoUrl, byte[].class);
    assertThat(photo.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(photo.getHeaders().getContentType()).hasToString("image/jpeg");
    assertThat(photo.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(photo.getHeaders().getFirst("Content-Security-Policy")).startsWith("sandbox");
    assertThat(photo.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
    assertThat(((JpegImageMetadata) Imaging.getMetadata(photo.getBody())).getExif().getGpsInfo()).isNull();
    assertThat(AttachmentInspector.sha256(photo.getBody())).isEqualTo(list.get(0).get("sha256").asText());

    String videoUrl = list.get(1).get("url").asText();
    assertThat(http.getForEntity(videoUrl, byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.exchange(videoUrl, HttpMethod.GET, new HttpEntity<>(tokenHeader(submission.followUpToken())),
        byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    // the portal's address for the same photo
    assertThat(http.getForEntity("/lacak/" + tn + "/lampiran/" + list.get(0).get("id").asLong(), byte[].class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aConfidentialOrAnonymousComplaintsFilesAreNeverPublic() throws Exception {
    for (Privacy privacy : new Privacy[] {Privacy.CONFIDENTIAL, Privacy.ANONYMOUS}) {
      var submission = intake.submit(ComplaintFixtures.complaint(BANGLI, privacy));
      String tn = submission.trackingNumber();
      JsonNode list = json.readTree(upload(tn, submission.followUpToken(),
          file("foto.png", TestFiles.pngWithChunks("tEXt", "GPS\0-8.4,115.3"))).getBody());
      String url = list.get(0).get("url").asText();
      assertThat(http.getForEntity(url, byte[].class).getStatusCode()).as(privacy.name()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(http.getForEntity("/lacak/" + tn + "/lampiran/" + list.get(0).get("id").asLong(), byte[].class)
          .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      JsonNode status = json.readTree(http.getForObject("/api/complaints/" + tn, String.class));
      assertThat(status.get("attachments")).as(privacy.name()).isEmpty();
      assertThat(http.exchange(url, HttpMethod.GET, new HttpEntity<>(tokenHeader(submission.followUpToken())),
          byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void staffOpenTheFilesOfComplaintsTheyMaySeeAndTheFormLinksThem() throws Exception {
    var submission = intake.submit(ComplaintFixtures.complaint(BANGLI, Privacy.CONFIDENTIAL));
    String tn = submission.trackingNumber();
    upload(tn, submission.followUpToken(), file("bukti.pdf", TestFiles.pdf()));

    JsonNode detail = json.readTree(http.withBasicAuth("admin.bangli", "demo")
        .getForObject("/api/staff/complaints/" + tn, String.class));
    String url = detail.get("attachments").get(0).get("url").asText();
    assertThat(url).startsWith("/api/staff/complaints/" + tn + "/attachments/");
    ResponseEntity<byte[]> download = http.withBasicAuth("admin.bangli", "demo").getForEntity(url, byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"bukti.pdf\"");
    assertThat(download.getBody()).isEqualTo(TestFiles.pdf());

    assertThat(http.withBasicAuth("admin.banyuwangi", "demo").getForEntity(url, byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity(url, byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    String task = casework.task(tn, ComplaintTasks.VERIFY_COMPLAINT).getId();
    JsonNode form = json.readTree(http.withBasicAuth("admin.bangli", "demo")
        .getForObject("/engine-rest/task/" + task + "/form-variables", String.class));
    assertThat(form.at("/complaintAttachments/value").asText()).startsWith("- [bukti.pdf](" + url + ") — ");
  }

  @Test
  void wrongFilesAreRefusedNamingEachAndNothingIsStored() throws Exception {
    var submission = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI));
    String tn = submission.trackingNumber();
    ResponseEntity<String> refused = upload(tn, submission.followUpToken(), file("ok.pdf", TestFiles.pdf()),
        file("foto.jpg", "bukan foto".getBytes()));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode problem = json.readTree(refused.getBody());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("attachments[1]");
    assertThat(problem.get("errors").get(0).get("message").asText()).startsWith("is not a JPEG, PNG, PDF or MP4 file");
    assertThat(attachments.countOf(complaints.getByTrackingNumber(tn).getId())).isZero();

    assertThat(upload(tn, "not-the-token", file("ok.pdf", TestFiles.pdf())).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(upload(tn, submission.followUpToken()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aSubmissionThatIsNotStoredLeavesNoFileBehind() throws Exception {
    List<FieldProblem> problems = new ArrayList<>();
    var files = inspector.inspect(List.of(new UploadedFile("a.pdf", TestFiles.pdf())), 0, problems);
    List<Path> before = storedFiles();
    transactions.executeWithoutResult(tx -> {
      intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI), files);
      assertThat(storedFiles()).hasSize(before.size() + 1);
      tx.setRollbackOnly();
    });
    assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void aFileChangedOnDiskIsNotServed() throws Exception {
    var submission = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI));
    List<Path> before = storedFiles();
    JsonNode list = json.readTree(upload(submission.trackingNumber(), submission.followUpToken(),
        file("surat.pdf", TestFiles.pdf())).getBody());
    Path stored = storedFiles().stream().filter(p -> !before.contains(p)).findFirst().orElseThrow();
    Files.write(stored, "%PDF-1.4 something else".getBytes());
    assertThat(http.getForEntity(list.get(0).get("url").asText(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
  }

  private ResponseEntity<String> upload(String tn, String token, HttpEntity<?>... files) {
    var body = new LinkedMultiValueMap<String, Object>();
    for (HttpEntity<?> f : files) {
      body.add("files", f);
    }
    HttpHeaders headers = tokenHeader(token);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.postForEntity("/api/complaints/" + tn + "/attachments", new HttpEntity<>(body, headers), String.class);
  }

  static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    // the client's claim is ignored: the content decides
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    headers.setContentDispositionFormData("files", name);
    return new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, headers);
  }

  private static HttpHeaders tokenHeader(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Follow-Up-Token", token);
    return headers;
  }

  private static List<Path> storedFiles() {
    if (!Files.exists(DIR)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(DIR)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
