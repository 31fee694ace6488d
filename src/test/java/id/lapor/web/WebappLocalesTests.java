package id.lapor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Indonesian locale of each Camunda webapp is complete: every label of the English locale that
 * ships in the Camunda webjar (so a Camunda upgrade that adds strings fails here) has an Indonesian
 * value, keeps each placeholder and HTML tag of the English one, and the date locale has every
 * entry of the English one.
 */
class WebappLocalesTests {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  /** {{ name }} interpolations, HTML tags and printf-style parameters must survive a translation. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|<[^>]+>|%[sd]|\\{\\d+}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishLabelHasAnIndonesianOneWithTheSamePlaceholders(String app) throws IOException {
    JsonNode english = read(app, "en", "camunda-webapp-webjar");
    JsonNode indonesian = read(app, "id", "/target/");
    List<String> missing = new ArrayList<>();
    List<String> lostPlaceholders = new ArrayList<>();
    english.get("labels").fields().forEachRemaining(label -> {
      JsonNode value = indonesian.path("labels").get(label.getKey());
      if (value == null || !value.isTextual() || (value.asText().isBlank() && !label.getValue().asText().isBlank())) {
        missing.add(label.getKey());
      } else if (!placeholders(label.getValue().asText()).equals(placeholders(value.asText()))) {
        lostPlaceholders.add(label.getKey() + ": " + label.getValue().asText() + " → " + value.asText());
      }
    });
    assertThat(missing).as("labels of %s without Indonesian", app).isEmpty();
    assertThat(lostPlaceholders).as("Indonesian labels of %s that lost or changed a placeholder", app).isEmpty();
    assertThat(english.get("labels").size()).as("labels of %s", app).isGreaterThan(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void theDateLocaleNamesMonthsDaysAndRelativeTimesInIndonesian(String app) throws IOException {
    JsonNode english = read(app, "en", "camunda-webapp-webjar").get("dateLocales");
    JsonNode indonesian = read(app, "id", "/target/").get("dateLocales");
    assertThat(paths(indonesian, "")).as("date locale entries of %s", app).containsAll(paths(english, ""));
    assertThat(indonesian.get("months").get(0).asText()).isEqualTo("Januari");
    assertThat(indonesian.get("weekdays").get(0).asText()).isEqualTo("Minggu");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theAppOffersIndonesianFirstAndEnglishAsAChoice(String app) throws IOException {
    String config = text(resource("META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js", "/target/"));
    assertThat(config).contains("availableLocales: ['id', 'en']").contains("fallbackLocale: 'id'")
        .contains("'../lapor/scripts/bahasa'");
    String styles = text(resource("META-INF/resources/webjars/camunda/app/" + app + "/styles/user-styles.css", "/target/"));
    assertThat(styles).contains("@import url(\"../../lapor/styles/lapor.css\");");
    String shared = text(resource("META-INF/resources/webjars/camunda/app/lapor/styles/lapor.css", "/target/"));
    assertThat(shared).containsPattern("\\.ce-eol-banner \\{\\s*display: none !important;");
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group().replaceAll("\\s+", ""));
    }
    Collections.sort(found);
    return found;
  }

  private static List<String> paths(JsonNode node, String prefix) {
    List<String> all = new ArrayList<>();
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      node.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
      fields.forEach((key, value) -> all.addAll(paths(value, prefix + "/" + key)));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        all.addAll(paths(node.get(i), prefix + "[" + i + "]"));
      }
    } else {
      all.add(prefix);
    }
    return all;
  }

  private static JsonNode read(String app, String locale, String from) throws IOException {
    return JSON.readTree(text(resource(String.format(LOCALES, app, locale), from)));
  }

  /** The copy of a classpath resource found in the given place (the webjar, or this project's classes). */
  private static URL resource(String name, String from) throws IOException {
    for (URL url : Collections.list(WebappLocalesTests.class.getClassLoader().getResources(name))) {
      if (url.toString().contains(from)) {
        return url;
      }
    }
    throw new AssertionError(name + " not found in " + from);
  }

  private static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }
}
