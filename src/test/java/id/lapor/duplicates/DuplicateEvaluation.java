package id.lapor.duplicates;

import id.lapor.text.IndonesianText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Precision and recall of the duplicate candidates on labelled pairs: 152 pairs of the same problem
 * reported twice ({@code src/test/resources/duplicates/pairs-*.csv}: reworded, misspelt,
 * abbreviated) and 300 pairs of different problems drawn from the routing set (200 about the same
 * institution, the hard ones, and 100 at random), all compared as if in the same regency, a day apart,
 * without map points.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=id.lapor.duplicates.DuplicateEvaluation} (docs/performance.md).
 */
public final class DuplicateEvaluation {

  record Pair(String textA, String categoryA, String textB, String categoryB, boolean duplicate) {}

  record Figures(double threshold, int truePositives, int falsePositives, int falseNegatives) {
    double precision() {
      return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
      return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
    }
  }

  public static void main(String[] args) throws IOException {
    List<Pair> pairs = pairs();
    System.out.printf("Duplicate candidates on %d duplicate and %d non-duplicate pairs:%n",
        pairs.stream().filter(Pair::duplicate).count(), pairs.stream().filter(p -> !p.duplicate()).count());
    for (double t = 0.25; t <= 0.701; t += 0.05) {
      Figures f = evaluate(pairs, t);
      System.out.printf("  threshold %.2f: precision %5.1f %%, recall %5.1f %%%s%n", t, 100 * f.precision(),
          100 * f.recall(), Math.abs(t - DuplicateScoring.THRESHOLD) < 1e-9 ? "   <- chosen" : "");
    }
    if (args.length > 0 && args[0].equals("--errors")) {
      for (Pair p : pairs) {
        double s = score(p);
        if ((s >= DuplicateScoring.THRESHOLD) != p.duplicate()) {
          System.out.printf("  %s %.2f: %s || %s%n", p.duplicate() ? "MISSED" : "FALSE ", s, p.textA(), p.textB());
        }
      }
    }
  }

  static Figures evaluate(List<Pair> pairs, double threshold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Pair p : pairs) {
      boolean flagged = score(p) >= threshold;
      if (flagged && p.duplicate()) {
        tp++;
      } else if (flagged) {
        fp++;
      } else if (p.duplicate()) {
        fn++;
      }
    }
    return new Figures(threshold, tp, fp, fn);
  }

  static double score(Pair p) {
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    return DuplicateScoring.score(
        new DuplicateScoring.Report(p.categoryA(), IndonesianText.get().stems(p.textA()), null, null, null, t),
        new DuplicateScoring.Report(p.categoryB(), IndonesianText.get().stems(p.textB()), null, null, null,
            t.plusSeconds(86_400)));
  }

  static List<Pair> pairs() throws IOException {
    List<Pair> pairs = new ArrayList<>();
    for (String file : List.of("pairs-1.csv", "pairs-2.csv", "pairs-3.csv")) {
      for (String[] f : read("/duplicates/" + file, 5)) {
        pairs.add(new Pair(f[2], f[1], f[4], f[3], true));
      }
    }
    List<String[]> routing = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      routing.addAll(read("/routing/complaints-" + i + ".csv", 4));
    }
    Random random = new Random(20261123);
    int sameInstitution = 0;
    int any = 0;
    while (sameInstitution < 200 || any < 100) {
      String[] a = routing.get(random.nextInt(routing.size()));
      String[] b = routing.get(random.nextInt(routing.size()));
      if (a == b || a[2].equals(b[2])) {
        continue;
      }
      boolean same = a[3].equals(b[3]);
      if (same && sameInstitution < 200) {
        sameInstitution++;
      } else if (!same && any < 100) {
        any++;
      } else {
        continue;
      }
      pairs.add(new Pair(a[2], a[1], b[2], b[1], false));
    }
    return pairs;
  }

  private static List<String[]> read(String resource, int fields) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (var reader = new BufferedReader(new InputStreamReader(DuplicateEvaluation.class.getResourceAsStream(resource),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\|");
        if (f.length != fields) {
          throw new IllegalStateException(resource + ": expected " + fields + " fields: " + line);
        }
        rows.add(f);
      }
    }
    return rows;
  }
}
