package id.lapor.intake;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.support.LaporTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The receipt opens with the complaint's follow-up token only (the page again and again, and its
 * PDF); with a wrong or no token the page leads to the public status and the PDF is not found.
 */
@LaporTest
class ReceiptIntegrationTests {

  @Autowired TestRestTemplate http;
  @Autowired ComplaintIntake intake;

  @Test
  void theReceiptAndItsPdfOpenWithTheTokenOnly() {
    var submission = intake.submit(aPublicComplaintIn(BANGLI));
    String tn = submission.trackingNumber();
    String path = "/lacak/" + tn + "/tanda-terima?token=" + submission.followUpToken();
    var page = http.getForEntity(path, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains(tn, aPublicComplaintIn(BANGLI).title(),
        "http://localhost:8080/lacak/" + tn + "?token=" + submission.followUpToken(), "<svg", "CEK " + tn);
    assertThat(http.getForEntity(path, String.class).getBody()).as("again: not shown once only").contains(tn);
    assertThat(page.getBody()).as("the time as staff pages write it: hours.minutes and the zone")
        .containsPattern("\\d{2}\\.\\d{2} WITA");

    var pdf = http.getForEntity("/lacak/" + tn + "/tanda-terima.pdf?token=" + submission.followUpToken(), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(pdf.getHeaders().getCacheControl()).isEqualTo("no-store");

    var wrong = http.getForEntity("/lacak/" + tn + "/tanda-terima?token=not-the-token", String.class);
    assertThat(wrong.getBody()).as("the public status instead").contains(tn)
        .doesNotContain("token=" + submission.followUpToken()).doesNotContain("tanda-terima.pdf");
    assertThat(http.getForEntity("/lacak/" + tn + "/tanda-terima.pdf?token=x", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/lacak/" + tn + "/tanda-terima.pdf", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
