package id.lapor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/** The operator's logo is served from the configured file, with its type; without one there is none. */
class PortalLookTests {

  @Test
  void servesTheConfiguredLogoOrNone(@TempDir Path dir) throws Exception {
    Path svg = Files.writeString(dir.resolve("logo-bangli.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    var configured = new PortalProperties("LAPOR! Kabupaten Bangli", svg, null);
    var answer = new PortalLook.Logo(configured).logo();
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("image/svg+xml");
    assertThat(new String(answer.getBody())).contains("<svg");
    assertThat(answer.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
    assertThat(configured.hasLogo()).isTrue();

    var none = new PortalProperties("SP4N-LAPOR!", null, null);
    assertThat(none.hasLogo()).isFalse();
    assertThat(new PortalLook.Logo(none).logo().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(new PortalLook.Logo(new PortalProperties("x", dir.resolve("missing.png"), null)).logo()
        .getStatusCode()).as("a configured file that is gone").isEqualTo(HttpStatus.NOT_FOUND);
  }
}
