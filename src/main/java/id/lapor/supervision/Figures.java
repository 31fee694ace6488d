package id.lapor.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * What supervisors and leaders read about one institution for one period (complaints received in
 * it), with the current overdue count and lights, the breakdowns, the weekly trend and the units one
 * level down. {@code followUpHoursApproximate}: the follow-up times' median and 90th percentile come
 * from the national rollup's histogram (within ≈ 3 %), not from every complaint.
 */
public record Figures(Institution institution, LocalDate from, LocalDate to, Counts summary, Board board,
    List<Breakdown> byClassification, List<Breakdown> byCategory, List<Breakdown> byChannel, List<Week> weekly,
    List<UnitFigures> units, boolean followUpHoursApproximate) {

  public record Institution(String code, String name, String kind) {}

  /**
   * The complaints of one cohort. Rates are percentages with one decimal, {@code null} when there
   * is nothing to divide by; follow-up times are working hours (office hours on working days) from
   * the complaint reaching the OPD that answered to its first follow-up.
   */
  public record Counts(long received, long verified, long verifiedOnTime, Double verifiedOnTimeRate, long forwarded,
      long answered, long answeredOnTime, Double answeredOnTimeRate, Double followUpHoursMedian,
      Double followUpHoursP90, long escalations, long escalated, long returns, long transfers, long reopened,
      Double reopenRate, Double averageRating, long rated, long resolved, long archived, long merged,
      Double completionRate) {

    /** These counts with the follow-up time's median and 90th percentile (working hours). */
    Counts withFollowUpHours(Double median, Double p90) {
      return new Counts(received, verified, verifiedOnTime, verifiedOnTimeRate, forwarded, answered, answeredOnTime,
          answeredOnTimeRate, median, p90, escalations, escalated, returns, transfers, reopened, reopenRate,
          averageRating, rated, resolved, archived, merged, completionRate);
    }
  }

  /**
   * The traffic-light board now: open complaints at OPDs not yet opened (red), opened (yellow),
   * past the deadline (overdue, at any stage the institution must act); green is the period's answered.
   */
  public record Board(long red, long yellow, long green, long overdue) {

    static final Board NONE = new Board(0, 0, 0, 0);

    Board plus(Board other) {
      return new Board(red + other.red, yellow + other.yellow, green + other.green, overdue + other.overdue);
    }

    /** This board with {@code answered} as its green. */
    Board withGreen(long answered) {
      return new Board(red, yellow, answered, overdue);
    }
  }

  /** One value of a classification, category or channel, with its label in Indonesian. */
  public record Breakdown(String key, String label, long received, long answered, long resolved,
      Double completionRate) {}

  /** A week (Monday to Sunday in the institution's zone) of the period. */
  public record Week(LocalDate weekStart, long received, long answered, long resolved) {}

  /** A unit one level down, with the figures a board shows for it. */
  public record UnitFigures(String code, String name, String kind, Counts counts, Board board) {}
}
