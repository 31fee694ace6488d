package id.lapor.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The automated WCAG 2.1 AA check (axe-core, Deque's engine, from the npm registry) run inside a page
 * of a browser test. axe-core is installed under {@code target/axe-core} on first use ({@code npm
 * install}, as {@code .ci/run} and the BPMN lint do); without npm the check is skipped locally and
 * fails in CI.
 */
public final class Axe {

  public static final String VERSION = "4.10.3";
  static final Path HOME = Path.of("target", "axe-core");
  static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");
  private static String source;

  private Axe() {}

  private static synchronized String source() {
    if (source != null) {
      return source;
    }
    try {
      if (!Files.isReadable(SCRIPT)) {
        Files.createDirectories(HOME);
        Process npm = new ProcessBuilder("npm", "install", "--prefix", HOME.toString(), "--no-audit", "--no-fund",
            "--loglevel=error", "axe-core@" + VERSION).inheritIO().start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
          throw new IOException("npm install axe-core@" + VERSION + " failed");
        }
      }
      source = Files.readString(SCRIPT);
      return source;
    } catch (IOException e) {
      String message = "axe-core is not available (" + e.getMessage() + "): install Node.js/npm, or run bash .ci/run";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new UncheckedIOException(message, e);
      }
      Assumptions.abort(message + "; accessibility check skipped");
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The serious and critical WCAG 2.0/2.1 A and AA violations on the page as it is now, one line each
   * (rule, impact, where); empty when there are none.
   */
  @SuppressWarnings("unchecked")
  public static List<String> seriousViolations(Page page) {
    if (Boolean.FALSE.equals(page.evaluate("() => !!window.axe"))) {
      page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
    }
    Object result = page.evaluate("() => axe.run(document, { runOnly: { type: 'tag', values: "
        + "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then(r => r.violations"
        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        + ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))");
    List<String> found = new ArrayList<>();
    for (Object v : (List<Object>) result) {
      Map<String, Object> violation = (Map<String, Object>) v;
      found.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help") + " at "
          + violation.get("nodes"));
    }
    return found;
  }
}
