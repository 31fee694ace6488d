package id.lapor.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lapor.supervision.grading.*}: when an institution's admin account counts as active and
 * how it is graded Baik / Sedang / Kurang. An institution is BAIK when it meets every {@code good}
 * threshold, SEDANG when it meets every {@code fair} one, else KURANG; with no complaint received
 * in the period, its rates are unknown and only activity counts.
 *
 * @param activeDays an admin account is active when one of its users logged in within these days;
 *     activity counts the complaints verified or answered within them too
 * @param periodDays the complaints received in these last days give the on-time and completion rates
 */
@ConfigurationProperties("lapor.supervision.grading")
public record GradingProperties(Integer activeDays, Integer periodDays, Thresholds good, Thresholds fair) {

  /**
   * @param onTimeRate least share of follow-ups in time, percent
   * @param completionRate least share of received complaints resolved, percent
   * @param activity least number of complaints verified or answered in the active days
   */
  public record Thresholds(double onTimeRate, double completionRate, long activity) {}

  public GradingProperties {
    activeDays = activeDays == null ? 30 : activeDays;
    periodDays = periodDays == null ? 90 : periodDays;
    good = good == null ? new Thresholds(80, 70, 5) : good;
    fair = fair == null ? new Thresholds(50, 40, 1) : fair;
    if (activeDays < 1 || periodDays < 1) {
      throw new IllegalArgumentException("lapor.supervision.grading: active-days and period-days are at least 1");
    }
  }

  /** The grade of an institution with these figures ({@code null} rates: no complaint received). */
  Grade grade(Double onTimeRate, Double completionRate, long activity) {
    if (meets(good, onTimeRate, completionRate, activity)) {
      return Grade.BAIK;
    }
    return meets(fair, onTimeRate, completionRate, activity) ? Grade.SEDANG : Grade.KURANG;
  }

  private static boolean meets(Thresholds t, Double onTimeRate, Double completionRate, long activity) {
    return (onTimeRate == null || onTimeRate >= t.onTimeRate())
        && (completionRate == null || completionRate >= t.completionRate())
        && activity >= t.activity();
  }

  /** The national evaluation's grades. */
  public enum Grade { BAIK, SEDANG, KURANG }
}
