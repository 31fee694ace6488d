package id.lapor.supervision;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many complaints took how long to follow up, in buckets of working minutes: 2 minutes wide
 * below 64 minutes, then 32 buckets per doubling (each at most 1/32 ≈ 3 % of its values), so that
 * a day's follow-up times of a whole province fit in one short text and any period's median and
 * 90th percentile come from summing such texts instead of sorting every complaint.
 *
 * <p>Written as {@code "bucket:count,bucket:count"} (ascending buckets, no zero counts); counts may
 * be negative in a delta (a complaint leaving a bucket).
 */
final class FollowUpHistogram {

  /** Sub-buckets per doubling above {@link #LINEAR_END} minutes. */
  static final int PER_OCTAVE = 32;
  /** Below this, buckets are 2 minutes wide. */
  static final int LINEAR_END = 64;
  private static final int LINEAR_WIDTH = 2;
  /** The bucket of the longest time there is. */
  static final int MAX_BUCKET = bucketOf(Long.MAX_VALUE);

  /** Counts by bucket (index); grown as buckets come. Summing a year of a province's days adds arrays. */
  private long[] counts = new long[0];

  public FollowUpHistogram() {}

  /** The bucket of a follow-up time in working minutes (negative times count as 0). */
  public static int bucketOf(long minutes) {
    long m = Math.max(0, minutes);
    if (m < LINEAR_END) {
      return (int) (m / LINEAR_WIDTH);
    }
    int octave = 63 - Long.numberOfLeadingZeros(m); // 2^octave <= m < 2^(octave+1), octave >= 6
    long width = 1L << (octave - 5);
    return LINEAR_END / LINEAR_WIDTH + (octave - 6) * PER_OCTAVE + (int) ((m - (1L << octave)) / width);
  }

  /** The first minute of a bucket. */
  static long lowerBound(int bucket) {
    int linear = LINEAR_END / LINEAR_WIDTH;
    if (bucket < linear) {
      return (long) bucket * LINEAR_WIDTH;
    }
    int octave = 6 + (bucket - linear) / PER_OCTAVE;
    long width = 1L << (octave - 5);
    return (1L << octave) + (long) ((bucket - linear) % PER_OCTAVE) * width;
  }

  /** The width of a bucket in minutes. */
  static long width(int bucket) {
    return lowerBound(bucket + 1) - lowerBound(bucket);
  }

  /** Adds {@code n} (possibly negative) complaints to a bucket. */
  public FollowUpHistogram add(int bucket, long n) {
    if (bucket < 0 || bucket > MAX_BUCKET) {
      throw new IllegalArgumentException("no bucket " + bucket);
    }
    if (n != 0) {
      if (bucket >= counts.length) {
        counts = Arrays.copyOf(counts, Math.max(bucket + 1, counts.length * 2));
      }
      counts[bucket] += n;
    }
    return this;
  }

  /** Adds every count of {@code other}. */
  public FollowUpHistogram addAll(FollowUpHistogram other) {
    for (int b = 0; b < other.counts.length; b++) {
      add(b, other.counts[b]);
    }
    return this;
  }

  /** Adds the counts written in {@code text} (as {@link #toString()} writes them; null or empty for none). */
  public FollowUpHistogram addAll(String text) {
    if (text == null || text.isEmpty()) {
      return this;
    }
    int start = 0;
    while (start < text.length()) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      int colon = text.indexOf(':', start);
      if (colon < 0 || colon > end) {
        throw new IllegalArgumentException("not a follow-up histogram: " + text);
      }
      add(Integer.parseInt(text, start, colon, 10), Long.parseLong(text, colon + 1, end, 10));
      start = end + 1;
    }
    return this;
  }

  public static FollowUpHistogram parse(String text) {
    return new FollowUpHistogram().addAll(text);
  }

  public boolean isEmpty() {
    return Arrays.stream(counts).allMatch(n -> n == 0);
  }

  /** The number of complaints counted. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** The counts by bucket, ascending (no zero counts). */
  public Map<Integer, Long> counts() {
    Map<Integer, Long> nonZero = new TreeMap<>();
    for (int b = 0; b < counts.length; b++) {
      if (counts[b] != 0) {
        nonZero.put(b, counts[b]);
      }
    }
    return nonZero;
  }

  /**
   * The {@code p}-quantile in minutes, interpolated as SQL's {@code percentile_cont} does between
   * the neighbouring ranks, each complaint placed evenly within its bucket; {@code null} when empty.
   * It differs from the exact value by less than the width of the bucket (≤ 2 minutes or ≈ 3 %).
   */
  public Double percentile(double p) {
    long n = total();
    if (n <= 0) {
      return null;
    }
    double rank = p * (n - 1);
    long below = (long) Math.floor(rank);
    double fraction = rank - below;
    double lower = valueAt(below);
    return fraction == 0 ? lower : lower + fraction * (valueAt(below + 1) - lower);
  }

  /** The estimated value of the complaint at 0-based rank {@code rank}. */
  private double valueAt(long rank) {
    long seen = 0;
    int last = 0;
    for (int b = 0; b < counts.length; b++) {
      long c = counts[b];
      if (c <= 0) {
        continue;
      }
      if (rank < seen + c) {
        long position = rank - seen;
        return lowerBound(b) + (position + 0.5) * width(b) / c;
      }
      seen += c;
      last = b;
    }
    return lowerBound(last) + width(last);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int b = 0; b < counts.length; b++) {
      if (counts[b] != 0) {
        if (!text.isEmpty()) {
          text.append(',');
        }
        text.append(b).append(':').append(counts[b]);
      }
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FollowUpHistogram h && h.counts().equals(counts());
  }

  @Override
  public int hashCode() {
    return counts().hashCode();
  }
}
