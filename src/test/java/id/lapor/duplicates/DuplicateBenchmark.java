package id.lapor.duplicates;

import id.lapor.text.IndonesianText;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Candidate lookup latency with 100,000 open complaints in one regency: builds the same in-memory
 * {@link DuplicateIndex} the application uses from synthetic complaints (the 305 labelled texts with
 * varying places, times and extra words, so that many share most of their stems — the hard case), then
 * times 2,000 lookups (stemming the query text included) after 500 warm-up lookups.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=id.lapor.duplicates.DuplicateBenchmark [-Dexec.args=100000]} (docs/performance.md).
 */
public final class DuplicateBenchmark {

  static final String[] PLACES = {"Desa Songan", "Kintamani", "Susut", "Tembuku", "Bangli", "Kawan", "Cempaga",
      "Bebalang", "Taman Bali", "Demulih", "Abuan", "Apuan", "Sulahan", "Penglipuran", "Kubu", "Landih", "Tiga",
      "Peninjoan", "Yangapi", "Undisan", "Pengotan", "Jehem", "Selat", "Tamanbali", "Pura Kehen", "Batur",
      "Trunyan", "Abang", "Belantih", "Catur"};
  static final String[] EXTRA = {"mohon segera ditindaklanjuti", "sudah lapor ke desa tapi belum ada tindakan",
      "warga resah", "terima kasih", "tolong pak", "sudah berlangsung lama", "kami mohon perhatian",
      "kejadian berulang", "banyak warga mengeluh", "sejak bulan lalu", "dari kemarin", "setiap hari"};

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    List<String> texts = texts();
    Random random = new Random(42);
    Instant now = Instant.parse("2026-11-23T00:00:00Z");
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();
    long start = System.nanoTime();
    try (DuplicateIndex index = new DuplicateIndex()) {
      for (int i = 0; i < size; i++) {
        String text = synthetic(texts, random);
        var report = new DuplicateScoring.Report("LAINNYA", IndonesianText.get().stems(text), null, null, null,
            now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60))));
        index.put(new DuplicateIndex.Entry(i, "LPR-2026-" + i, text.substring(0, Math.min(60, text.length())),
            "SUBMITTED", "51.06", null, report), text);
      }
      index.refresh();
      long built = System.nanoTime() - start;
      System.gc();
      long heapAfter = runtime.totalMemory() - runtime.freeMemory();
      System.out.printf("Indexed %,d open complaints of one regency in %.1f s (heap +%d MiB)%n", index.size(),
          built / 1e9, (heapAfter - heapBefore) >> 20);

      int warmup = 500;
      int measured = 2_000;
      long[] nanos = new long[measured];
      int candidates = 0;
      for (int i = 0; i < warmup + measured; i++) {
        String query = synthetic(texts, random);
        long t0 = System.nanoTime();
        var report = new DuplicateScoring.Report("LAINNYA", IndonesianText.get().stems(query), null, null, null, now);
        var hits = index.similar(report, "51.06", null, -1, DuplicateScoring.THRESHOLD, DuplicateCandidates.LIMIT);
        long t = System.nanoTime() - t0;
        if (i >= warmup) {
          nanos[i - warmup] = t;
          candidates += hits.size();
        }
      }
      Arrays.sort(nanos);
      System.out.printf("Candidate lookup over %,d lookups: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; "
              + "%.1f candidates per lookup on average%n", measured, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
          nanos[measured - 1] / 1e6, (double) candidates / measured);
    }
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
  }

  static String synthetic(List<String> texts, Random random) {
    return texts.get(random.nextInt(texts.size())) + " di " + PLACES[random.nextInt(PLACES.length)] + ", "
        + EXTRA[random.nextInt(EXTRA.length)];
  }

  static List<String> texts() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      try (var reader = new BufferedReader(new InputStreamReader(
          DuplicateBenchmark.class.getResourceAsStream("/routing/complaints-" + i + ".csv"), StandardCharsets.UTF_8))) {
        reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> texts.add(l.split("\\|")[2]));
      }
    }
    return texts;
  }
}
