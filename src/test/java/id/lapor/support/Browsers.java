package id.lapor.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for browser tests: Debian's {@code chromium} (installed by {@code .ci/run}),
 * or the one {@code LAPOR_CHROMIUM} points to. Playwright downloads no browser. Without Chromium
 * the tests are skipped locally, with a message, and fail in CI ({@code CI=true}).
 */
public final class Browsers implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--no-first-run");

  private final Playwright playwright;
  private final Browser browser;

  private Browsers(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static Browsers launch() {
    Path chromium = Path.of(System.getenv().getOrDefault("LAPOR_CHROMIUM", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      String message = "No Chromium at " + chromium + ": install Debian's chromium (bash .ci/run does) or set "
          + "LAPOR_CHROMIUM";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message);
      }
      Assumptions.abort(message + "; browser tests skipped");
    }
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(chromium).setHeadless(true).setArgs(FLAGS));
    return new Browsers(playwright, browser);
  }

  /** A fresh browser window (own cookies) of a desktop or phone size. */
  public Page newPage(int width, int height) {
    return newPage(width, height, "Asia/Makassar");
  }

  /** A fresh desktop window in an Indonesian browser whose clock runs in {@code zone} (WIB, WITA, WIT). */
  public Page newPage(int width, int height, String zone) {
    Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
        .setLocale("id-ID").setTimezoneId(zone)).newPage();
    List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    page.onConsoleMessage(m -> {
      if (!"log".equals(m.type()) && !"info".equals(m.type())) {
        events.add("console " + m.type() + ": " + m.text());
      }
    });
    page.onResponse(r -> {
      if (r.status() >= 400) {
        events.add(r.status() + " " + r.request().method() + " " + r.url());
      }
    });
    page.onRequestFailed(r -> events.add("failed " + r.method() + " " + r.url() + ": " + r.failure()));
    DIAGNOSTICS.put(page, events);
    return page;
  }

  private static final java.util.Map<Page, List<String>> DIAGNOSTICS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** What went wrong in the page so far (console errors and warnings, answers of 400 and more, failed requests). */
  public static List<String> diagnostics(Page page) {
    return List.copyOf(DIAGNOSTICS.getOrDefault(page, List.of()));
  }

  /** A phone-sized window with JavaScript switched off, as on a basic phone browser. */
  public Page newPhoneWithoutJavaScript() {
    return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("id-ID")
        .setJavaScriptEnabled(false).setIsMobile(true)).newPage();
  }

  /** Saves a screenshot for review under {@code target/browser-screenshots/}. */
  public static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
