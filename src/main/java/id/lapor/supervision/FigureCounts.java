package id.lapor.supervision;

import id.lapor.complaint.ComplaintStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What one complaint adds to supervisors' counts of the day it was received (or, as a difference,
 * what a change of it adds): the columns of the national rollup ({@code figures_delta},
 * {@code figures_total}), each the sum over complaints of what {@link #of} gives one of them. The
 * same definitions as the queries over the read model in {@code SupervisionFigures}.
 */
@Embeddable
class FigureCounts {

  @Column(nullable = false)
  private long received;
  @Column(nullable = false)
  private long verified;
  @Column(name = "verified_on_time", nullable = false)
  private long verifiedOnTime;
  @Column(nullable = false)
  private long forwarded;
  @Column(nullable = false)
  private long answered;
  @Column(name = "answered_on_time", nullable = false)
  private long answeredOnTime;
  @Column(nullable = false)
  private long escalations;
  @Column(nullable = false)
  private long escalated;
  @Column(nullable = false)
  private long returns;
  @Column(nullable = false)
  private long transfers;
  @Column(nullable = false)
  private long reopened;
  @Column(name = "rating_sum", nullable = false)
  private long ratingSum;
  @Column(nullable = false)
  private long rated;
  @Column(nullable = false)
  private long resolved;
  @Column(nullable = false)
  private long archived;
  @Column(nullable = false)
  private long merged;

  protected FigureCounts() {}

  /** The counts in the order of {@link #COLUMNS}. */
  FigureCounts(long[] values) {
    received = values[0];
    verified = values[1];
    verifiedOnTime = values[2];
    forwarded = values[3];
    answered = values[4];
    answeredOnTime = values[5];
    escalations = values[6];
    escalated = values[7];
    returns = values[8];
    transfers = values[9];
    reopened = values[10];
    ratingSum = values[11];
    rated = values[12];
    resolved = values[13];
    archived = values[14];
    merged = values[15];
  }

  /** The rollup's count columns, in the order of {@link #values()}. */
  public static final java.util.List<String> COLUMNS = java.util.List.of("received", "verified", "verified_on_time",
      "forwarded", "answered", "answered_on_time", "escalations", "escalated", "returns", "transfers", "reopened",
      "rating_sum", "rated", "resolved", "archived", "merged");

  /** One complaint's counts as its read-model row stands. */
  static long[] of(FiguresDelta.Source p) {
    return new long[] {
        1,
        p.verified() ? 1 : 0,
        Boolean.TRUE.equals(p.verifiedOnTime()) ? 1 : 0,
        p.forwarded() ? 1 : 0,
        p.answered() ? 1 : 0,
        Boolean.TRUE.equals(p.answeredOnTime()) ? 1 : 0,
        p.escalationCount(),
        p.escalationCount() > 0 ? 1 : 0,
        p.returnCount(),
        p.transferCount(),
        p.reopenCount() > 0 ? 1 : 0,
        p.rating() == null ? 0 : p.rating(),
        p.rating() == null ? 0 : 1,
        p.status() == ComplaintStatus.RESOLVED ? 1 : 0,
        p.status() == ComplaintStatus.ARCHIVED ? 1 : 0,
        p.status() == ComplaintStatus.MERGED ? 1 : 0};
  }

  /** The counts a breakdown (classification, category, channel) shows: received, answered, resolved. */
  static long[] cohortOnly(long[] all) {
    long[] some = new long[all.length];
    some[0] = all[0];
    some[4] = all[4];
    some[13] = all[13];
    return some;
  }

  public long[] values() {
    return new long[] {received, verified, verifiedOnTime, forwarded, answered, answeredOnTime, escalations,
        escalated, returns, transfers, reopened, ratingSum, rated, resolved, archived, merged};
  }
}
