package id.lapor.duplicates;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How alike two reports are, from 0 to 1: the text (stems shared, and shared letter triples of the
 * stems, which forgive misspellings), then small corrections for the same category, the same
 * district, the distance between map points and the time between them. Pure: the evaluation and the
 * benchmark call it as the application does.
 */
final class DuplicateScoring {

  /** Pairs scoring at least this are listed as candidates (chosen on the evaluation set, docs/performance.md). */
  public static final double THRESHOLD = 0.35;
  /** Only complaints submitted within this window of each other are compared. */
  public static final Duration WINDOW = Duration.ofDays(60);

  private DuplicateScoring() {}

  /** What scoring needs of a report. {@code latitude}/{@code longitude} may be null. */
  public record Report(String category, List<String> stems, String district, Double latitude, Double longitude,
      Instant submittedAt) {}

  public static double score(Report a, Report b) {
    double text = Math.max(cosine(set(a.stems()), set(b.stems())), 0.85 * dice(trigrams(a.stems()), trigrams(b.stems())));
    double score = text;
    if (a.category() != null && a.category().equals(b.category())) {
      score += 0.05;
    }
    if (a.district() != null && b.district() != null && a.district().equalsIgnoreCase(b.district().strip())) {
      score += 0.05;
    }
    if (a.latitude() != null && b.latitude() != null) {
      double km = id.lapor.institutions.Districts.kilometres(a.latitude(), a.longitude(), b.latitude(), b.longitude());
      score += km <= 0.3 ? 0.15 : km <= 1 ? 0.08 : km > 5 ? -0.5 : 0;
    }
    if (a.submittedAt() != null && b.submittedAt() != null
        && Duration.between(a.submittedAt(), b.submittedAt()).abs().compareTo(WINDOW) > 0) {
      score -= 0.6;
    }
    return Math.max(0, Math.min(1, score));
  }

  static double cosine(Set<String> a, Set<String> b) {
    return a.isEmpty() || b.isEmpty() ? 0 : shared(a, b) / Math.sqrt((double) a.size() * b.size());
  }

  static double dice(Set<String> a, Set<String> b) {
    return a.isEmpty() || b.isEmpty() ? 0 : 2.0 * shared(a, b) / (a.size() + b.size());
  }

  private static int shared(Set<String> a, Set<String> b) {
    int shared = 0;
    for (String s : a) {
      if (b.contains(s)) {
        shared++;
      }
    }
    return shared;
  }

  /** Letter triples of each stem ("lubang" → " lu", "lub", "uba", …). */
  static Set<String> trigrams(List<String> stems) {
    Set<String> grams = new HashSet<>();
    for (String stem : stems) {
      String padded = " " + stem + " ";
      for (int i = 0; i + 3 <= padded.length(); i++) {
        grams.add(padded.substring(i, i + 3));
      }
    }
    return grams;
  }

  private static Set<String> set(List<String> stems) {
    return new HashSet<>(stems);
  }
}
