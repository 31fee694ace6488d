package id.lapor.routing;

import id.lapor.text.IndonesianText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Top-1 accuracy of {@code processes/Routing.dmn} on the labelled complaints of
 * {@code src/test/resources/routing/complaints-*.csv}, evaluated by Camunda's DMN engine exactly as
 * the application does (same stems, same vote). Files 1–4 were used while writing the rules
 * ("development"); file 5 was written first and never looked at while tuning ("held out").
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=id.lapor.routing.RoutingEvaluation} (docs/performance.md).
 */
public final class RoutingEvaluation {

  static final List<String> FILES = List.of("complaints-1.csv", "complaints-2.csv", "complaints-3.csv",
      "complaints-4.csv", "complaints-5.csv");
  static final String HELD_OUT = "complaints-5.csv";

  record Labelled(String file, String region, String category, String text, String expected) {}

  record Outcome(Labelled complaint, String suggested) {
    boolean correct() {
      return complaint.expected().equals(suggested);
    }
  }

  record Result(List<Outcome> outcomes) {
    double accuracy(java.util.function.Predicate<Outcome> which) {
      List<Outcome> selected = outcomes.stream().filter(which).toList();
      return selected.isEmpty() ? 0 : (double) selected.stream().filter(Outcome::correct).count() / selected.size();
    }

    long count(java.util.function.Predicate<Outcome> which) {
      return outcomes.stream().filter(which).count();
    }
  }

  public static void main(String[] args) throws IOException {
    Result result = evaluate(Path.of("processes", "Routing.dmn"));
    System.out.printf("Routing.dmn top-1 accuracy on %d labelled complaints: %.1f %%%n", result.outcomes().size(),
        100 * result.accuracy(o -> true));
    System.out.printf("  development (files 1-4, %d): %.1f %%%n", result.count(o -> !o.complaint().file().equals(HELD_OUT)),
        100 * result.accuracy(o -> !o.complaint().file().equals(HELD_OUT)));
    System.out.printf("  held out (file 5, %d):      %.1f %%%n", result.count(o -> o.complaint().file().equals(HELD_OUT)),
        100 * result.accuracy(o -> o.complaint().file().equals(HELD_OUT)));
    Map<String, int[]> perInstitution = new TreeMap<>();
    for (Outcome o : result.outcomes()) {
      int[] tally = perInstitution.computeIfAbsent(o.complaint().expected(), k -> new int[2]);
      tally[0]++;
      tally[1] += o.correct() ? 1 : 0;
    }
    System.out.println("  per institution (right/all):");
    perInstitution.forEach((k, v) -> System.out.printf("    %-16s %3d/%3d%n", k, v[1], v[0]));
    if (args.length > 0 && args[0].equals("--misses")) {
      result.outcomes().stream().filter(o -> !o.correct()).forEach(o -> System.out.printf(
          "  MISS %s: expected %s, suggested %s — %s%n", o.complaint().file(), o.complaint().expected(),
          o.suggested(), o.complaint().text()));
    }
  }

  static Result evaluate(Path dmn) throws IOException {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision decision;
    try (InputStream in = Files.newInputStream(dmn)) {
      decision = engine.parseDecision("Routing", in);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Labelled c : load()) {
      var rows = engine.evaluateDecision(decision, Variables.createVariables()
          .putValue("regionCode", c.region())
          .putValue("category", c.category())
          .putValue("keywords", RoutingRules.keywords(IndonesianText.get().stems(c.text()))))
          .getResultList();
      // the demo registry has every institution the table names
      String suggested = RoutingRules.suggest(rows, c.region(), code -> true)
          .map(s -> s.institutionCode().startsWith(c.region() + ".")
              ? s.institutionCode().substring(c.region().length() + 1)
              : s.institutionCode().replaceFirst("^ID\\.", ""))
          .orElse("(none)");
      outcomes.add(new Outcome(c, suggested));
    }
    return new Result(outcomes);
  }

  static List<Labelled> load() throws IOException {
    List<Labelled> all = new ArrayList<>();
    for (String file : FILES) {
      try (var reader = new BufferedReader(new InputStreamReader(
          RoutingEvaluation.class.getResourceAsStream("/routing/" + file), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] f = line.split("\\|");
          if (f.length != 4) {
            throw new IllegalStateException(file + ": not region|category|text|institution: " + line);
          }
          all.add(new Labelled(file, f[0], f[1], f[2], f[3]));
        }
      }
    }
    return all;
  }
}
