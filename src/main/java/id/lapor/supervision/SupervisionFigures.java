package id.lapor.supervision;

import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.supervision.FigureCounts;
import id.lapor.supervision.FiguresDelta;
import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import id.lapor.supervision.Figures.Board;
import id.lapor.supervision.Figures.Breakdown;
import id.lapor.supervision.Figures.Counts;
import id.lapor.supervision.Figures.UnitFigures;
import id.lapor.supervision.Figures.Week;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervisors' figures, computed in the database from the read model ({@code complaint_projection})
 * with one aggregate query per view: nothing is loaded row by row and the process engine's history
 * is never read.
 *
 * <p>Long because every supervisor's view is one aggregate query here, next to the others, so that the
 * figures of all levels are counted the same way; each query is short.
 */
@Service
class SupervisionFigures {

  static final Locale INDONESIAN = Locale.forLanguageTag("id");
  private static final long WEEK_SECONDS = 7 * 24 * 3600;

  /**
   * The counts every view shares; {@code k} is the grouping key. Plain sums (hash aggregation): the
   * follow-up time's percentiles, which need sorting, come from {@link #PERCENTILES} where shown.
   */
  private static final String AGGREGATES = """
      count(*) as received,
      count(verified_at) as verified,
      sum(case when verified_on_time then 1 else 0 end) as verified_on_time,
      count(forwarded_at) as forwarded,
      count(answered_at) as answered,
      sum(case when answered_on_time then 1 else 0 end) as answered_on_time,
      sum(escalation_count) as escalations,
      sum(case when escalation_count > 0 then 1 else 0 end) as escalated,
      sum(return_count) as returns,
      sum(transfer_count) as transfers,
      sum(case when reopen_count > 0 then 1 else 0 end) as reopened,
      sum(coalesce(rating, 0)) as rating_sum,
      count(rating) as rated,
      sum(case when status = 'RESOLVED' then 1 else 0 end) as resolved,
      sum(case when status = 'ARCHIVED' then 1 else 0 end) as archived,
      sum(case when status = 'MERGED' then 1 else 0 end) as merged
      """;

  /** Median and 90th percentile of the working minutes to follow-up, over the answered only. */
  private static final String PERCENTILES = """
      percentile_cont(0.5) within group (order by follow_up_work_minutes) as p50,
      percentile_cont(0.9) within group (order by follow_up_work_minutes) as p90
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final Institutions institutions;
  private final MessageSource messages;
  private final Clock clock;
  private final FiguresRollup rollup;

  SupervisionFigures(NamedParameterJdbcTemplate jdbc, Institutions institutions, MessageSource messages, Clock clock,
      FiguresRollup rollup) {
    this.jdbc = jdbc;
    this.institutions = institutions;
    this.messages = messages;
    this.clock = clock;
    this.rollup = rollup;
  }

  /** Everything about {@code unit} for {@code period}. */
  @Transactional(readOnly = true)
  public Figures figures(Unit unit, Period period) {
    return figures(unit, period, source(unit, period));
  }

  /** Everything about {@code unit} for {@code period}, read from the read model itself (never the rollup). */
  @Transactional(readOnly = true)
  Figures figuresFromReadModel(Unit unit, Period period) {
    return figures(unit, period, new ReadModel(unit, period));
  }

  private Figures figures(Unit unit, Period period, Cohort cohort) {
    Counts summary = cohort.withPercentiles(null).getOrDefault(ALL, empty());
    // the boards of the units one level down; the unit's own is their sum (one statement fewer)
    Map<String, Board> boards = boards(unit, unit.childColumn());
    Board board = boards.values().stream().reduce(Board.NONE, Board::plus).withGreen(summary.answered());
    return new Figures(new Figures.Institution(unit.code(), unit.name(), unit.kind().name()), period.from(),
        period.to(), summary, board,
        breakdown(cohort, "classification", Classification.values(), "classification."),
        breakdown(cohort, "category", Category.values(), "category."),
        breakdown(cohort, "channel", Channel.values(), "channel."),
        cohort.weekly(), units(unit, cohort, boards), cohort instanceof Rollup);
  }

  /** The unit's cohort counted per value of a read-model column. */
  @Transactional(readOnly = true)
  Map<String, Counts> countsBy(Unit unit, Period period, String column) {
    return source(unit, period).counts(column);
  }

  /** The units one level down (none below an OPD), each with its counts and board ({@code boards} by unit). */
  private List<UnitFigures> units(Unit unit, Cohort cohort, Map<String, Board> boards) {
    if (unit.childColumn() == null) {
      return List.of();
    }
    Map<String, Counts> counts = cohort.withPercentiles(unit.childColumn());
    List<UnitFigures> rows = new ArrayList<>();
    for (Unit child : children(unit)) {
      rows.add(unitFigures(child.code(), child.name(), child.kind().name(), counts, boards));
    }
    if (unit.kind().verifiesComplaints()) {
      // complaints at no OPD: still with the regency's admins (verification, after a return)
      rows.add(unitFigures(unit.code(), "Admin " + unit.name() + " (belum di OPD)", unit.kind().name(),
          keyed(counts, null, unit.code()), keyed(boards, null, unit.code())));
    }
    return rows;
  }

  /**
   * Where a view's cohort is counted: the nation's from the rollup (once built), everything else
   * from the read model.
   */
  private Cohort source(Unit unit, Period period) {
    return rollup.covers(unit, period) ? new Rollup(unit, period) : new ReadModel(unit, period);
  }

  /** A period's cohort of one unit, counted. */
  private interface Cohort {

    /** The counts per value of {@code groupBy} (all under {@link #ALL} when null). */
    Map<String, Counts> counts(String groupBy);

    /** The counts with the follow-up time's median and 90th percentile. */
    Map<String, Counts> withPercentiles(String groupBy);

    List<Week> weekly();
  }

  /** The cohort counted over the read model's rows (exact). */
  private final class ReadModel implements Cohort {
    private final Unit unit;
    private final Period period;

    ReadModel(Unit unit, Period period) {
      this.unit = unit;
      this.period = period;
    }

    @Override
    public Map<String, Counts> counts(String groupBy) {
      return cohort(unit, period, groupBy);
    }

    @Override
    public Map<String, Counts> withPercentiles(String groupBy) {
      return SupervisionFigures.this.withPercentiles(cohort(unit, period, groupBy), unit, period, groupBy);
    }

    @Override
    public List<Week> weekly() {
      return SupervisionFigures.this.weekly(unit, period);
    }
  }

  /**
   * The nation's cohort summed from the rollup's rows (see {@link FiguresRollup}); counts are
   * exact, the follow-up time's percentiles come from its histogram (within a bucket: ≈ 3 %).
   */
  private final class Rollup implements Cohort {
    private final Unit unit;
    private final Period period;
    private FiguresRollup.Cohort cohort;

    Rollup(Unit unit, Period period) {
      this.unit = unit;
      this.period = period;
    }

    private FiguresRollup.Cohort cohort() {
      if (cohort == null) {
        cohort = rollup.cohort(period);
      }
      return cohort;
    }

    @Override
    public Map<String, Counts> counts(String groupBy) {
      if (groupBy == null) {
        return Map.of(ALL, counts(cohort().total()));
      }
      if (FiguresDelta.BREAKDOWNS.contains(groupBy)) {
        Map<String, Counts> result = new HashMap<>();
        rollup.breakdown(period, groupBy).forEach((item, values) -> result.put(item, SupervisionFigures.counts(values)));
        return result;
      }
      if (groupBy.equals(unit.childColumn())) {
        // the nation's units: provinces, and national bodies (which have no province)
        Map<String, Counts> result = new HashMap<>();
        cohort().byUnit().forEach((code, sum) -> result.put(code, counts(sum)));
        return result;
      }
      return new ReadModel(unit, period).counts(groupBy); // a grouping the rollup does not keep
    }

    @Override
    public Map<String, Counts> withPercentiles(String groupBy) {
      return counts(groupBy);
    }

    private static Counts counts(FiguresRollup.Sum sum) {
      return SupervisionFigures.counts(sum.counts).withFollowUpHours(
          hours(sum.followUp.percentile(0.5)), hours(sum.followUp.percentile(0.9)));
    }

    @Override
    public List<Week> weekly() {
      LocalDate firstMonday = firstMonday(period);
      Map<Long, long[]> byWeek = new HashMap<>();
      cohort().byDay().forEach((day, sum) -> {
        long[] week = byWeek.computeIfAbsent(ChronoUnit.DAYS.between(firstMonday, day) / 7, w -> new long[3]);
        week[0] += sum.counts[RECEIVED];
        week[1] += sum.counts[ANSWERED];
        week[2] += sum.counts[RESOLVED];
      });
      return weeks(period, w -> {
        long[] week = byWeek.get(w);
        return week == null ? null : new Week(firstMonday.plusWeeks(w), week[0], week[1], week[2]);
      });
    }
  }

  /** The institutions one level down. */
  List<Unit> children(Unit unit) {
    List<Institution> below = switch (unit.kind()) {
      case NATIONAL -> institutions.findByParentCodeOrderByCode(Institution.NATIONAL_CODE).stream()
          .filter(i -> i.getKind() == InstitutionKind.PROVINCE || i.getKind() == InstitutionKind.AGENCY).toList();
      case PROVINCE -> institutions.regenciesOf(unit.code());
      case REGENCY, CITY, AGENCY -> institutions.opdsOf(unit.code());
      case OPD -> List.of();
    };
    return below.stream().map(Unit::of).toList();
  }

  private static <V> Map<String, V> keyed(Map<String, V> byKey, String key, String as) {
    V value = byKey.get(key);
    return value == null ? Map.of() : Map.of(as, value);
  }

  private UnitFigures unitFigures(String code, String name, String kind, Map<String, Counts> counts,
      Map<String, Board> boards) {
    Counts c = counts.getOrDefault(code, empty());
    return new UnitFigures(code, name, kind, c, boards.getOrDefault(code, Board.NONE).withGreen(c.answered()));
  }

  private static final String ALL = "*";

  /** The grouping key's expression: the column, or {@link #ALL} for one row. */
  private static String key(String groupBy) {
    return groupBy == null ? "'" + ALL + "'" : groupBy;
  }

  private static String groupBy(String groupBy) {
    return groupBy == null ? "" : " group by " + groupBy;
  }

  /** The cohort's counts, per value of {@code groupBy} (or all under {@link #ALL}). */
  private Map<String, Counts> cohort(Unit unit, Period period, String groupBy) {
    MapSqlParameterSource params = new MapSqlParameterSource("start", Timestamp.from(period.start()))
        .addValue("end", Timestamp.from(period.end()));
    String sql = "select " + key(groupBy) + " as k, " + AGGREGATES
        + " from complaint_projection where received_at >= :start and received_at < :end" + unit.condition(params)
        + groupBy(groupBy);
    Map<String, Counts> result = new HashMap<>();
    jdbc.query(sql, params, rs -> {
      result.put(rs.getString("k"), counts(rs));
    });
    return result;
  }

  /**
   * Adds the follow-up time's median and 90th percentile per key: a second query over the answered
   * complaints' two narrow columns, which sorts far less than the counts' whole rows would.
   */
  private Map<String, Counts> withPercentiles(Map<String, Counts> counts, Unit unit, Period period, String groupBy) {
    if (counts.values().stream().allMatch(c -> c.answered() == 0)) {
      return counts;
    }
    MapSqlParameterSource params = new MapSqlParameterSource("start", Timestamp.from(period.start()))
        .addValue("end", Timestamp.from(period.end()));
    String sql = "select " + key(groupBy) + " as k, " + PERCENTILES + " from complaint_projection"
        + " where received_at >= :start and received_at < :end and follow_up_work_minutes is not null"
        + unit.condition(params) + groupBy(groupBy);
    Map<String, Counts> result = new HashMap<>(counts);
    jdbc.query(sql, params, rs -> {
      Counts c = result.get(rs.getString("k"));
      if (c != null) {
        result.put(rs.getString("k"), c.withFollowUpHours(hours(rs, "p50"), hours(rs, "p90")));
      }
    });
    return result;
  }

  /** Open complaints where the institution must act: lights and overdue, now. */
  private Map<String, Board> boards(Unit unit, String groupBy) {
    MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(clock.instant()));
    String sql = "select " + key(groupBy) + " as k,"
        + " sum(case when institution_due_at < :now then 1 else 0 end) as overdue,"
        + " sum(case when light = 'RED' and institution_due_at >= :now then 1 else 0 end) as red,"
        + " sum(case when light = 'YELLOW' and institution_due_at >= :now then 1 else 0 end) as yellow"
        + " from complaint_projection where institution_due_at is not null" + unit.condition(params)
        + groupBy(groupBy);
    Map<String, Board> result = new HashMap<>();
    jdbc.query(sql, params, rs -> {
      result.put(rs.getString("k"), new Board(rs.getLong("red"), rs.getLong("yellow"), 0, rs.getLong("overdue")));
    });
    return result;
  }

  /**
   * The lights, now, of the complaints received since {@code since} that reached an OPD, per unit one
   * level down: red and yellow while at the OPD and within its deadline, overdue past it, green once
   * answered.
   */
  @Transactional(readOnly = true)
  Map<String, Board> lights(Unit unit, Instant since) {
    MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(clock.instant()))
        .addValue("since", Timestamp.from(since));
    String sql = "select " + key(unit.childColumn()) + " as k,"
        + " sum(case when light = 'RED' and institution_due_at >= :now then 1 else 0 end) as red,"
        + " sum(case when light = 'YELLOW' and institution_due_at >= :now then 1 else 0 end) as yellow,"
        + " sum(case when light = 'GREEN' then 1 else 0 end) as green,"
        + " sum(case when light in ('RED', 'YELLOW') and institution_due_at < :now then 1 else 0 end) as overdue"
        + " from complaint_projection where opd_code is not null and received_at >= :since" + unit.condition(params)
        + groupBy(unit.childColumn());
    Map<String, Board> result = new HashMap<>();
    jdbc.query(sql, params, rs -> {
      result.put(rs.getString("k"), new Board(rs.getLong("red"), rs.getLong("yellow"), rs.getLong("green"),
          rs.getLong("overdue")));
    });
    return result;
  }

  private <E extends Enum<E>> List<Breakdown> breakdown(Cohort cohort, String column, E[] values,
      String labelPrefix) {
    Map<String, Counts> byValue = cohort.counts(column);
    List<Breakdown> rows = new ArrayList<>();
    for (E value : values) {
      Counts c = byValue.getOrDefault(value.name(), empty());
      rows.add(new Breakdown(value.name(), messages.getMessage(labelPrefix + value.name(), null, value.name(),
          INDONESIAN), c.received(), c.answered(), c.resolved(), c.completionRate()));
    }
    return rows;
  }

  /** Received, answered and resolved per week of receipt (weeks start on Monday in the unit's zone). */
  private List<Week> weekly(Unit unit, Period period) {
    LocalDate firstMonday = firstMonday(period);
    Instant origin = firstMonday.atStartOfDay(period.zone()).toInstant();
    MapSqlParameterSource params = new MapSqlParameterSource("start", Timestamp.from(period.start()))
        .addValue("end", Timestamp.from(period.end()));
    // numbers computed here, written into the SQL so that select and group by are the same expression
    String week = "floor((extract(epoch from received_at) - " + origin.getEpochSecond() + ") / " + WEEK_SECONDS + ")";
    String sql = "select " + week + " as w, count(*) as received, count(answered_at) as answered,"
        + " sum(case when status = 'RESOLVED' then 1 else 0 end) as resolved"
        + " from complaint_projection where received_at >= :start and received_at < :end" + unit.condition(params)
        + " group by " + week;
    Map<Long, Week> byWeek = new HashMap<>();
    jdbc.query(sql, params, rs -> {
      long w = rs.getLong("w");
      byWeek.put(w, new Week(firstMonday.plusWeeks(w), rs.getLong("received"), rs.getLong("answered"),
          rs.getLong("resolved")));
    });
    return weeks(period, byWeek::get);
  }

  private static LocalDate firstMonday(Period period) {
    return period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /**
   * Every week of the period up to this one, in order, each as {@code counted} has it (by index from
   * the first) or zero: weeks still to come are not plotted as weeks without complaints.
   */
  private List<Week> weeks(Period period, java.util.function.LongFunction<Week> counted) {
    LocalDate firstMonday = firstMonday(period);
    LocalDate today = LocalDate.ofInstant(clock.instant(), period.zone());
    LocalDate last = period.to().isAfter(today) ? today : period.to();
    List<Week> weeks = new ArrayList<>();
    for (LocalDate monday = firstMonday; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
      Week week = counted.apply(ChronoUnit.WEEKS.between(firstMonday, monday));
      weeks.add(week != null ? week : new Week(monday, 0, 0, 0));
    }
    return weeks;
  }

  private static final int RECEIVED = FigureCounts.COLUMNS.indexOf("received");
  private static final int ANSWERED = FigureCounts.COLUMNS.indexOf("answered");
  private static final int RESOLVED = FigureCounts.COLUMNS.indexOf("resolved");

  /** The counts of one row of {@link #AGGREGATES} (the rollup's columns, {@link FigureCounts#COLUMNS}). */
  static Counts counts(ResultSet rs) throws SQLException {
    return counts(FiguresRollup.counts(rs));
  }

  /** Counts from sums in the order of {@link FigureCounts#COLUMNS}. */
  static Counts counts(long[] v) {
    long received = v[0];
    long verified = v[1];
    long verifiedOnTime = v[2];
    long answered = v[4];
    long answeredOnTime = v[5];
    long reopened = v[10];
    long ratingSum = v[11];
    long rated = v[12];
    long resolved = v[13];
    Double averageRating = rated == 0 ? null : Math.round(ratingSum * 100.0 / rated) / 100.0;
    return new Counts(received, verified, verifiedOnTime, rate(verifiedOnTime, verified), v[3],
        answered, answeredOnTime, rate(answeredOnTime, answered), null, null,
        v[6], v[7], v[8], v[9], reopened, rate(reopened, answered), averageRating, rated, resolved, v[14], v[15],
        rate(resolved, received));
  }

  private static Double hours(ResultSet rs, String column) throws SQLException {
    double minutes = rs.getDouble(column);
    return rs.wasNull() ? null : hours(minutes);
  }

  private static Double hours(Double minutes) {
    return minutes == null ? null : Math.round(minutes / 60.0 * 10) / 10.0;
  }

  /** {@code part} of {@code whole} in percent with one decimal; {@code null} when whole is 0. */
  static Double rate(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  static Counts empty() {
    return counts(new long[FigureCounts.COLUMNS.size()]);
  }
}
