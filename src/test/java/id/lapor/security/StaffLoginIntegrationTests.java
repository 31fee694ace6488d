package id.lapor.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.support.LaporTest;
import id.lapor.support.StaffBrowser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One login for every staff surface: the form login hands the user to the Camunda webapps; the
 * session id changes at login; responses carry the secure headers and no error shows a stack trace or
 * SQL. (Wrong passwords: StaffSessionIntegrationTests.)
 */
@LaporTest
class StaffLoginIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theFormLoginOpensTasklistAndTheCamundaApiWithoutASecondLogin() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).as("sent to the login page").isEqualTo(302);
    assertThat(tasklist.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);

    HttpResponse<String> page = browser.get("/login");
    assertThat(page.body()).contains("Nama pengguna", "Kata sandi", "name=\"_csrf\"");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    String before = browser.session();

    assertThat(browser.login("petugas.bangli.dinkes", "salah").headers().firstValue("Location").orElseThrow())
        .endsWith("/login?error");
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(2).toMillis()));
    HttpResponse<String> in = browser.login("petugas.bangli.dinkes", "demo");
    assertThat(in.statusCode()).isEqualTo(302);
    assertThat(browser.session()).as("a new session id at login (fixation)").isNotEqualTo(before);

    assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> user = browser.get("/camunda/api/admin/auth/user/default");
    assertThat(user.statusCode()).as("Camunda knows the user without its own login").isEqualTo(200);
    assertThat(user.body()).contains("\"userId\":\"petugas.bangli.dinkes\"").contains("tasklist")
        .doesNotContain("\"cockpit\"");
    assertThat(browser.get("/api/staff/complaints").statusCode()).as("the same session for staff pages")
        .isEqualTo(200);

    // the webapps' logout ends the one session
    HttpResponse<String> out = browser.post("/camunda/api/admin/auth/user/default/logout", "");
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);

    // the login form the webapps show after such a logout opens the same one session again (the page
    // first fetches the engines, which hands out Camunda's CSRF token)
    assertThat(browser.get("/camunda/api/engine/engine/").statusCode()).isEqualTo(200);
    String xsrf = browser.cookie("XSRF-TOKEN");
    assertThat(browser.post("/camunda/api/admin/auth/user/default/login/tasklist",
        "username=petugas.bangli.dinkes&password=salah", xsrf).statusCode()).isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(4).toMillis()));
    HttpResponse<String> relogin = browser.post("/camunda/api/admin/auth/user/default/login/tasklist",
        "username=petugas.bangli.dinkes&password=demo", xsrf);
    assertThat(relogin.statusCode()).as(relogin.headers() + " " + relogin.body()).isEqualTo(200);
    assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("petugas.bangli.dinkes");
    assertThat(browser.get("/api/staff/complaints").statusCode()).isEqualTo(200);
  }

  @Test
  void errorsShowNoStackTraceNoSqlAndNoInternals() {
    ResponseEntity<String> badJson = http.postForEntity("/api/complaints",
        new org.springframework.http.HttpEntity<>("{\"title\": [", jsonHeaders()), String.class);
    ResponseEntity<String> badQuery = http.withBasicAuth("admin.bangli", "demo")
        .getForEntity("/engine-rest/task?maxResults=banyak", String.class);
    ResponseEntity<String> unknown = http.getForEntity("/api/complaints/%27%20or%201=1--", String.class);
    ResponseEntity<String> badStaff = http.withBasicAuth("admin.bangli", "demo")
        .getForEntity("/api/staff/complaints?size=-5", String.class);
    for (ResponseEntity<String> r : java.util.List.of(badJson, badQuery, unknown, badStaff)) {
      assertThat(r.getStatusCode().is4xxClientError()).as(r.getBody()).isTrue();
      assertThat(String.valueOf(r.getBody())).doesNotContain("\tat ", "Exception:", "SQL", "select ", "org.hibernate",
          "java.lang");
    }
  }

  private static org.springframework.http.HttpHeaders jsonHeaders() {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

}
