package id.lapor.supervision;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.TrafficLight;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.EscalationLevel;
import id.lapor.complaint.Resolution;
import id.lapor.complaint.ArchiveReason;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one change of a complaint adds to the national rollup (per day of receipt, in WIB): its
 * contribution after the change minus before, for its unit (province, or the national body
 * addressed) and for its classification, category and channel. Rows are only ever inserted, in the
 * transaction of the change (like the notice outbox): no row is locked or updated by a lifecycle
 * step, so complaints never wait for each other. {@code FiguresRollup} in the supervision module
 * sums them into {@code figures_total} every minute; figures read both tables.
 */
@Entity
@Table(name = "figures_delta")
class FiguresDelta {

  /** The zone whose days the rollup counts by: the nation's (WIB). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

  /** The row per unit (province, or national body) with every count and the follow-up times. */
  public static final String UNIT = "unit";
  public static final List<String> BREAKDOWNS = List.of("classification", "category", "channel");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "complaint_id")
  private Complaint complaint;

  @Column(name = "received_on", nullable = false)
  private LocalDate day;

  @Column(nullable = false, length = 20)
  private String dimension;

  @Column(nullable = false, length = 40)
  private String item;

  @Embedded
  private FigureCounts counts;

  /** Follow-up times added and removed ({@link FollowUpHistogram}); unit rows only. */
  @Column(name = "follow_up", length = 8000)
  private String followUp;

  protected FiguresDelta() {}

  private FiguresDelta(Complaint complaint, Key key, long[] counts, FollowUpHistogram followUp) {
    this.complaint = complaint;
    this.day = key.day();
    this.dimension = key.dimension();
    this.item = key.item();
    this.counts = new FigureCounts(counts);
    this.followUp = followUp.isEmpty() ? null : followUp.toString();
  }

  /** A row of the rollup: a day of receipt, and a unit or a value of one breakdown. */
  public record Key(LocalDate day, String dimension, String item) {}

  /**
   * The fields of a complaint's read-model row that the rollup counts (a row of
   * {@code complaint_projection}, or the entity).
   */
  public record Source(Instant receivedAt, String provinceCode, String regencyCode, Classification classification,
      Category category, Channel channel, ComplaintStatus status, boolean verified, Boolean verifiedOnTime,
      boolean forwarded, boolean answered, Boolean answeredOnTime, Long followUpWorkMinutes, int escalationCount,
      int returnCount, int transferCount, int reopenCount, Integer rating) {

    static Source of(ComplaintProjection p) {
      return new Source(p.getReceivedAt(), p.getProvinceCode(), p.getRegencyCode(), p.getClassification(),
          p.getCategory(), p.getChannel(), p.getStatus(), p.getVerifiedAt() != null, p.getVerifiedOnTime(),
          p.getForwardedAt() != null, p.getAnsweredAt() != null, p.getAnsweredOnTime(), p.getFollowUpWorkMinutes(),
          p.getEscalationCount(), p.getReturnCount(), p.getTransferCount(), p.getReopenCount(), p.getRating());
    }
  }

  /** What one complaint adds to the rollup: its keys, counts and follow-up time's bucket. */
  public record Contribution(List<Key> keys, long[] counts, Integer followUpBucket) {

    static final Contribution NONE = new Contribution(List.of(), new long[FigureCounts.COLUMNS.size()], null);

    static Contribution of(ComplaintProjection p) {
      return p == null || p.getReceivedAt() == null ? NONE : of(Source.of(p));
    }

    public static Contribution of(Source s) {
      LocalDate day = LocalDate.ofInstant(s.receivedAt(), ZONE);
      String unit = s.provinceCode() != null ? s.provinceCode() : s.regencyCode();
      List<Key> keys = List.of(new Key(day, UNIT, unit),
          new Key(day, BREAKDOWNS.get(0), s.classification().name()),
          new Key(day, BREAKDOWNS.get(1), s.category().name()),
          new Key(day, BREAKDOWNS.get(2), s.channel().name()));
      Long minutes = s.followUpWorkMinutes();
      return new Contribution(keys, FigureCounts.of(s), minutes == null ? null : FollowUpHistogram.bucketOf(minutes));
    }

    /**
     * The counts this complaint adds to {@code key}'s row: all for its unit, a breakdown's for its
     * breakdown values, none for a row it is not in.
     */
    public long[] countsFor(Key key) {
      if (!keys.contains(key)) {
        return new long[FigureCounts.COLUMNS.size()];
      }
      return key.dimension().equals(UNIT) ? counts : FigureCounts.cohortOnly(counts);
    }

    /** The follow-up time's bucket this complaint adds to {@code key}'s row: only its unit's, once answered. */
    public Integer followUpBucketFor(Key key) {
      return keys.contains(key) && key.dimension().equals(UNIT) ? followUpBucket : null;
    }
  }

  /** The rows that turn the rollup from {@code before}'s contribution to {@code after}'s (none if equal). */
  static List<FiguresDelta> between(Complaint complaint, Contribution before, Contribution after) {
    List<FiguresDelta> rows = new ArrayList<>();
    List<Key> keys = new ArrayList<>(after.keys());
    before.keys().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
    for (Key key : keys) {
      long[] plus = after.countsFor(key);
      long[] minus = before.countsFor(key);
      long[] difference = new long[plus.length];
      for (int i = 0; i < plus.length; i++) {
        difference[i] = plus[i] - minus[i];
      }
      FollowUpHistogram followUp = new FollowUpHistogram();
      if (after.followUpBucketFor(key) != null) {
        followUp.add(after.followUpBucketFor(key), 1);
      }
      if (before.followUpBucketFor(key) != null) {
        followUp.add(before.followUpBucketFor(key), -1);
      }
      if (Arrays.stream(difference).anyMatch(v -> v != 0) || !followUp.isEmpty()) {
        rows.add(new FiguresDelta(complaint, key, difference, followUp));
      }
    }
    return rows;
  }

  public LocalDate getDay() {
    return day;
  }

  public String getDimension() {
    return dimension;
  }

  public String getItem() {
    return item;
  }

  public long[] getCounts() {
    return counts.values();
  }

  public String getFollowUp() {
    return followUp;
  }

  @Override
  public String toString() {
    return day + "/" + dimension + "/" + item + Arrays.toString(counts.values()) + Objects.toString(followUp, "");
  }
}
