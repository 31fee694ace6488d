package id.lapor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.support.LaporTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The examples of docs/api.md run, so that the docs cannot drift from the API again: every {@code curl}
 * command of a {@code bash} block is executed with the real curl against the application (its
 * {@code localhost:8080} pointed at the test server) and must succeed; a JSON answer shown after one
 * (a block, or a {@code # …} line) names no field the real answer lacks; the request example of
 * {@code POST /api/complaints} is posted and answered {@code 201}, and the answers shown for it and for
 * {@code GET /api/complaints/{trackingNumber}} name no field the real ones lack.
 */
@LaporTest
class ApiDocsExamplesIntegrationTests {

  static final Path DOCS = Path.of("docs", "api.md");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  /** A fenced block of the document: its language, text, and the heading it stands under. */
  record Block(String language, String text, String heading) {}

  static List<Block> blocks() throws Exception {
    List<Block> blocks = new ArrayList<>();
    String heading = "";
    String language = null;
    StringBuilder text = null;
    for (String line : Files.readAllLines(DOCS)) {
      if (text == null && line.startsWith("#")) {
        heading = line;
      } else if (text == null && line.startsWith("```")) {
        language = line.substring(3).strip();
        text = new StringBuilder();
      } else if (text != null && line.startsWith("```")) {
        blocks.add(new Block(language, text.toString(), heading));
        text = null;
      } else if (text != null) {
        text.append(line).append('\n');
      }
    }
    return blocks;
  }

  @Test
  void everyCurlExampleSucceedsAndAnswersAtLeastTheFieldsShown() throws Exception {
    List<Block> blocks = blocks();
    int run = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (!block.language().equals("bash")) {
        continue;
      }
      // commands, with their continuation lines joined; "# {...}" comment lines show an answer
      String[] lines = block.text().replace("\\\n", " ").split("\n");
      for (int l = 0; l < lines.length; l++) {
        String command = lines[l].strip();
        if (!command.startsWith("curl ")) {
          continue;
        }
        String answer = run(command);
        run++;
        String shown = l + 1 < lines.length && lines[l + 1].strip().startsWith("# {")
            ? lines[l + 1].strip().substring(2)
            : i + 1 < blocks.size() && blocks.get(i + 1).language().equals("json") && l == lines.length - 1
                && blocks.get(i + 1).heading().equals(block.heading())
                ? blocks.get(i + 1).text() : null;
        if (shown != null) {
          assertFieldsShownExist(json.readTree(shown), json.readTree(answer), command);
        }
      }
    }
    assertThat(run).as("curl examples in " + DOCS).isGreaterThanOrEqualTo(3);
  }

  @Test
  void theComplaintExamplesArePostedAndAnsweredAsShown() throws Exception {
    List<Block> section = blocks().stream().filter(b -> b.language().equals("json")
        && b.heading().contains("`POST /api/complaints`")).toList();
    assertThat(section).as("request and answer of POST /api/complaints").hasSizeGreaterThanOrEqualTo(2);
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/complaints")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(section.get(0).text())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode answer = json.readTree(created.body());
    assertFieldsShownExist(json.readTree(section.get(1).text()), answer, "POST /api/complaints");

    Block status = blocks().stream().filter(b -> b.language().equals("json")
        && b.heading().contains("`GET /api/complaints/{trackingNumber}`")).findFirst().orElseThrow();
    HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + answer.get("statusUrl").asText())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).isEqualTo(200);
    assertFieldsShownExist(json.readTree(status.text()), json.readTree(read.body()), "GET /api/complaints/{tn}");
  }

  /** Every field the example shows (top level, and of the first element of arrays) is in the real answer. */
  private static void assertFieldsShownExist(JsonNode shown, JsonNode real, String where) {
    Set<String> missing = new TreeSet<>();
    collect(shown, real, "", missing);
    assertThat(missing).as("fields the docs show for " + where + " that the answer lacks").isEmpty();
  }

  private static void collect(JsonNode shown, JsonNode real, String path, Set<String> missing) {
    if (shown.isArray() && real.isArray() && shown.size() > 0 && real.size() > 0) {
      collect(shown.get(0), real.get(0), path + "[0]", missing);
    } else if (shown.isObject() && real.isObject()) {
      shown.fieldNames().forEachRemaining(name -> {
        if (!real.has(name)) {
          missing.add(path + "." + name);
        } else if (!name.equals("features") || real.get(name).size() > 0) {
          collect(shown.get(name), real.get(name), path + "." + name, missing);
        }
      });
    }
  }

  /** Runs the example with curl against the test server; answers its body, failing unless it succeeded. */
  private String run(String command) throws Exception {
    String local = command.replace("localhost:8080", "localhost:" + port);
    Path body = Files.createTempFile("api-example", ".out");
    Process curl = new ProcessBuilder("bash", "-c", local + " -o '" + body + "' -w '%{http_code}'")
        .redirectErrorStream(true).start();
    assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String status = new String(curl.getInputStream().readAllBytes()).strip();
    String answer = Files.readString(body);
    assertThat(status).as(command + "\n→ " + answer).matches("2\\d\\d");
    return answer;
  }
}
