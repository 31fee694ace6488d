package id.lapor.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The follow-up histogram behind the nation's medians: buckets, text form, percentiles. */
class FollowUpHistogramTests {

  @Test
  void everyTimeFallsInItsBucketAndBucketsAreAtMostThreePercentWide() {
    for (long m = 0; m < 200_000; m += m < 5000 ? 1 : 97) {
      int b = FollowUpHistogram.bucketOf(m);
      long lower = FollowUpHistogram.lowerBound(b);
      long width = FollowUpHistogram.width(b);
      assertThat(m).as("minute %d in bucket %d", m, b).isBetween(lower, lower + width - 1);
      assertThat(width).as("width at %d", m).isLessThanOrEqualTo(Math.max(2, m / 32));
      if (m > 0) {
        assertThat(b).isGreaterThanOrEqualTo(FollowUpHistogram.bucketOf(m - 1));
      }
    }
    assertThat(FollowUpHistogram.bucketOf(-5)).isZero();
  }

  @Test
  void isWrittenAndReadBackAndCancelsOut() {
    FollowUpHistogram h = new FollowUpHistogram().add(40, 3).add(7, 1).add(300, -2);
    assertThat(h.toString()).isEqualTo("7:1,40:3,300:-2");
    assertThat(FollowUpHistogram.parse(h.toString())).isEqualTo(h);
    h.addAll("300:2,7:-1");
    assertThat(h.toString()).isEqualTo("40:3");
    assertThat(FollowUpHistogram.parse(null).isEmpty()).isTrue();
    assertThatThrownBy(() -> FollowUpHistogram.parse("12")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FollowUpHistogram.parse("99999999:1")).isInstanceOf(IllegalArgumentException.class);
    assertThat(FollowUpHistogram.lowerBound(FollowUpHistogram.MAX_BUCKET)).isPositive();
  }

  @Test
  void percentilesAreWithinABucketOfTheExactOnes() {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(round < 100 ? 10 : 5000);
      long[] minutes = new long[n];
      FollowUpHistogram h = new FollowUpHistogram();
      for (int i = 0; i < n; i++) {
        // skewed like follow-up times: most within days, a tail of weeks
        minutes[i] = (long) (Math.pow(random.nextDouble(), 2.5) * 20_000);
        h.add(FollowUpHistogram.bucketOf(minutes[i]), 1);
      }
      Arrays.sort(minutes);
      for (double p : new double[] {0.5, 0.9}) {
        double exact = percentileCont(minutes, p);
        double tolerance = Math.max(2, exact / 32);
        assertThat(h.percentile(p)).as("p%s of %d times", p, n).isCloseTo(exact,
            org.assertj.core.data.Offset.offset(tolerance));
      }
    }
    assertThat(new FollowUpHistogram().percentile(0.5)).isNull();
  }

  /** SQL's percentile_cont over sorted values. */
  private static double percentileCont(long[] sorted, double p) {
    double rank = p * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    double fraction = rank - below;
    return below + 1 < sorted.length ? sorted[below] + fraction * (sorted[below + 1] - sorted[below]) : sorted[below];
  }
}
