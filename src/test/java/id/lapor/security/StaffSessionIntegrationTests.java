package id.lapor.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.support.LaporTest;
import id.lapor.support.StaffBrowser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A browser session alone changes nothing (cross-site request forgery), session cookies stay on this
 * site, and wrong passwords slow down the guesser, not the account's owner: nobody can lock staff out
 * for longer than a bounded time, and operators see and clear what is held.
 */
@LaporTest
class StaffSessionIntegrationTests {

  static final String USER = "sesi.uji";
  static final String PASSWORD = "benar-sekali";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired LoginThrottle throttle;

  @BeforeEach
  void aStaffAccount() {
    var user = identityService.newUser(USER);
    user.setPassword(PASSWORD);
    user.setFirstName("Uji");
    user.setLastName("Sesi");
    identityService.saveUser(user);
  }

  @AfterEach
  void removeIt() {
    ClockUtil.reset();
    throttle.clear(USER);
    identityService.deleteUser(USER);
  }

  @Test
  void aSessionCookieAloneChangesNothingOnTheStaffApi() throws Exception {
    StaffBrowser operator = StaffBrowser.loggedIn(port, "demo");
    List<String> writes = List.of("/api/staff/privacy/re-encryption", "/api/staff/supervision/projection/rebuild",
        "/api/staff/notifications/1/retry");
    for (String path : writes) {
      HttpResponse<String> forged = operator.json("POST", path, "{}", Map.of("Origin", "http://evil.example",
          "Sec-Fetch-Site", "cross-site"));
      assertThat(forged.statusCode()).as(path + " with only the session cookie").isEqualTo(403);
    }
    HttpResponse<String> withToken = operator.json("POST", "/api/staff/privacy/re-encryption", "{}",
        Map.of("X-CSRF-TOKEN", csrfToken(operator)));
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);

    // a script with HTTP Basic needs no token; a browser sending remembered Basic credentials from
    // another site's page does
    HttpHeaders crossSite = new HttpHeaders();
    crossSite.set(HttpHeaders.ORIGIN, "http://evil.example");
    assertThat(http.withBasicAuth("demo", "demo").exchange("/api/staff/privacy/re-encryption", HttpMethod.POST,
        new HttpEntity<>(crossSite), String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(http.withBasicAuth("demo", "demo").postForEntity("/api/staff/privacy/re-encryption", null,
        String.class).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void sessionCookiesStayOnThisSiteAndAreSecureBehindTls() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    HttpResponse<String> plain = browser.login("demo", "demo");
    String cookie = sessionCookie(plain);
    assertThat(cookie).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");

    StaffBrowser behindProxy = new StaffBrowser(port);
    String page = behindProxy.get("/login").body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> tls = behindProxy.send(HttpRequest.newBuilder(behindProxy.uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
        .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo&_csrf="
            + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(sessionCookie(tls)).contains("Secure", "SameSite=Lax", "HttpOnly");
  }

  @Test
  void wrongPasswordsSlowTheGuesserDownNotTheAccountsOwner() {
    String guesser = "203.0.113.7";
    for (int attempt = 1; attempt <= 6; attempt++) {
      assertThat(basic(PASSWORD + "x", guesser)).isEqualTo(401);
    }
    assertThat(throttle.heldUntil(USER, guesser)).as("the guesser waits").isPresent();
    assertThat(basic(PASSWORD, guesser)).as("even the right password waits at the guesser's address").isEqualTo(401);
    assertThat(basic(PASSWORD, "198.51.100.9")).as("the owner, elsewhere, is not held").isEqualTo(200);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(15).toMillis() + 1000));
    assertThat(basic(PASSWORD, guesser)).as("never longer than 15 minutes").isEqualTo(200);
  }

  @Test
  void anAccountGuessedFromEverywhereIsHeldBrieflyAndOperatorsClearIt() {
    for (int i = 1; i <= 31; i++) {
      basic(PASSWORD + "x", "192.0.2." + i);
    }
    assertThat(basic(PASSWORD, "198.51.100.9")).as("held for a while from every address").isEqualTo(401);

    ResponseEntity<String> holds = http.withBasicAuth("demo", "demo").getForEntity("/api/staff/login-locks",
        String.class);
    assertThat(holds.getStatusCode().value()).isEqualTo(200);
    assertThat(holds.getBody()).contains("\"kind\":\"account\"", "\"account\":\"" + USER + "\"");
    assertThat(http.withBasicAuth("admin.bangli", "demo").getForEntity("/api/staff/login-locks", String.class)
        .getStatusCode().value()).as("operators only").isEqualTo(403);

    http.withBasicAuth("demo", "demo").delete("/api/staff/login-locks/" + USER);
    assertThat(basic(PASSWORD, "198.51.100.9")).isEqualTo(200);

    for (int i = 1; i <= 31; i++) {
      basic(PASSWORD + "x", "192.0.2." + i);
    }
    // the guessing goes on, each time the account is free again: the holds grow, up to 15 minutes
    java.time.Instant now = java.time.Instant.now();
    for (int round = 0; round < 8; round++) {
      now = throttle.heldUntil(USER, "198.51.100.9").orElseThrow().plusSeconds(1);
      ClockUtil.setCurrentTime(Date.from(now));
      assertThat(basic(PASSWORD + "x", "192.0.2." + (100 + round))).isEqualTo(401);
    }
    assertThat(basic(PASSWORD, "198.51.100.9")).isEqualTo(401);
    assertThat(throttle.heldUntil(USER, "198.51.100.9").orElseThrow()).as("15 minutes, however long the guessing")
        .isEqualTo(now.plus(Duration.ofMinutes(15)));
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(15)).plusSeconds(1)));
    assertThat(basic(PASSWORD, "198.51.100.9")).as("an account is held 15 minutes at most").isEqualTo(200);
  }

  private int basic(String password, String address) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", address);
    return http.withBasicAuth(USER, password).exchange("/api/staff/institutions", HttpMethod.GET,
        new HttpEntity<>(headers), String.class).getStatusCode().value();
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
  }

  /** The CSRF token of the browser's session, as a staff page renders it. */
  private static String csrfToken(StaffBrowser browser) throws Exception {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.get("/login").body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
