package id.lapor.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.support.LaporTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The webapps' and the portal's scripts, styles and fonts are kept by the browser and only revalidated
 * (Tasklist loaded its 4 MB of libraries anew at every page before: docs/performance.md); pages and
 * answers with data are never stored.
 */
@LaporTest
class StaticCodeCachingIntegrationTests {

  @Autowired TestRestTemplate http;

  @Test
  void codeIsRevalidatedNotLoadedAgain() {
    for (String path : new String[] {"/camunda/lib/deps.js?bust=7.24.0", "/camunda/app/tasklist/scripts/config.js",
        "/camunda/app/cockpit/camunda-cockpit-bootstrap.js?bust=7.24.0",
        "/camunda/app/lapor/scripts/bahasa.js", "/css/portal.css", "/js/portal.js"}) {
      // Cockpit's bundle is for logged-in staff; the others are public
      TestRestTemplate browser = http.withBasicAuth("supervisor.bali", "demo");
      ResponseEntity<byte[]> first = browser.getForEntity(path, byte[].class);
      assertThat(first.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(first.getHeaders().getCacheControl()).as(path).isEqualTo("no-cache");
      assertThat(first.getHeaders().getLastModified()).as(path).isPositive();
      HttpHeaders conditional = new HttpHeaders();
      conditional.setIfModifiedSince(first.getHeaders().getLastModified());
      ResponseEntity<byte[]> again = browser.exchange(path, HttpMethod.GET, new HttpEntity<>(conditional),
          byte[].class);
      assertThat(again.getStatusCode()).as("%s unchanged", path).isEqualTo(HttpStatus.NOT_MODIFIED);
      assertThat(again.getBody()).as(path).isNull();
    }
  }

  @Test
  void pagesAndDataAreNeverStored() {
    for (String path : new String[] {"/login", "/lapor"}) {
      ResponseEntity<String> page = http.getForEntity(path, String.class);
      assertThat(page.getHeaders().getCacheControl()).as(path).contains("no-store");
    }
    ResponseEntity<String> staff = http.withBasicAuth("admin.bangli", "demo").getForEntity("/api/staff/me", String.class);
    assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(staff.getHeaders().getCacheControl()).contains("no-store");
  }
}
