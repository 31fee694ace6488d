package id.lapor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member's browser against the running application: keeps cookies (the session), does not
 * follow redirects, logs in through the login form with its CSRF token, and calls the webapps' API
 * with Camunda's CSRF header as Tasklist and Cockpit do.
 */
public class StaffBrowser {

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  public StaffBrowser(int port) {
    this.port = port;
  }

  /** Logs in through {@code /login} and opens the webapps once, which hands out Camunda's CSRF cookie. */
  public static StaffBrowser loggedIn(int port, String user) throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    HttpResponse<String> in = browser.login(user, "demo");
    assertThat(in.statusCode()).as("login of " + user).isEqualTo(302);
    assertThat(in.headers().firstValue("Location").orElse("")).as("login of " + user)
        .doesNotContain("error").doesNotContain("held");
    browser.get("/camunda/api/engine/engine/");
    return browser;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/json").GET());
  }

  public HttpResponse<String> post(String path, String form) throws Exception {
    return post(path, form, null);
  }

  public HttpResponse<String> post(String path, String form, String xsrfToken) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded");
    if (xsrfToken != null) {
      request.header("X-XSRF-TOKEN", xsrfToken);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** A JSON request with the given extra headers (e.g. Camunda's X-XSRF-TOKEN, Spring's X-CSRF-TOKEN). */
  public HttpResponse<String> json(String method, String path, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }

  /** A JSON request to the webapps' API, with Camunda's CSRF header as Tasklist and Cockpit send it. */
  public HttpResponse<String> camunda(String method, String path, String body) throws Exception {
    return json(method, path, body, Map.of("X-XSRF-TOKEN", String.valueOf(cookie("XSRF-TOKEN"))));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> login(String user, String password) throws Exception {
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
    assertThat(csrf.find()).as("CSRF token on the login form").isTrue();
    HttpResponse<String> withoutToken = post("/login", "username=" + user + "&password=" + password);
    assertThat(withoutToken.statusCode()).as("a login without the CSRF token is refused").isEqualTo(403);
    return post("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1)));
  }

  public String session() {
    return cookie("JSESSIONID");
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
