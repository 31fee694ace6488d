package id.lapor.supervision;

import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.supervision.FigureCounts;
import id.lapor.supervision.FiguresDelta;
import id.lapor.supervision.FiguresDelta.Contribution;
import id.lapor.supervision.FiguresDelta.Key;
import id.lapor.supervision.FollowUpHistogram;
import id.lapor.institutions.InstitutionKind;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national rollup of the figures ({@code figures_total} + {@code figures_delta}): per day of
 * receipt (WIB) and unit every count plus a histogram of follow-up times, per day and value of each
 * breakdown the breakdown's counts. The nation's figures for a period sum these rows (a year: about
 * 20,000) instead of aggregating a quarter million complaints; provinces and below read the read
 * model itself, which is fast enough for them and exact.
 *
 * <p>Complaints write only {@code figures_delta} (inserts, in their own transaction); this service
 * sums claimed deltas into {@code figures_total} every minute, and rebuilds the whole rollup from
 * the read model (after a restore, or to check it). Readers always add the not yet summed deltas,
 * so figures are current to the last committed change.
 *
 * <p>Long because the rollup's three duties — appending, summing every minute, rebuilding from the
 * read model — share one table layout and must agree; each is a short method.
 */
@Service
public class FiguresRollup {

  private static final Logger log = LoggerFactory.getLogger(FiguresRollup.class);
  private static final String COLUMNS = String.join(", ", FigureCounts.COLUMNS);
  private static final int WIDTH = FigureCounts.COLUMNS.size();

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final TransactionTemplate snapshot;
  private final Clock clock;
  private volatile boolean built;

  FiguresRollup(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.snapshot = new TransactionTemplate(transactionManager);
    // one snapshot for reading the read model and deleting the rollup: a change committed meanwhile
    // keeps its delta, one committed before is in the snapshot (see rebuild)
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /** Whether the nation's figures for {@code period} can come from the rollup. */
  boolean covers(Unit unit, Period period) {
    return unit.kind() == InstitutionKind.NATIONAL && period.zone().equals(FiguresDelta.ZONE) && isBuilt();
  }

  /** Whether the rollup has been built from the read model (it has, unless complaints predate it). */
  boolean isBuilt() {
    if (!built) {
      built = jdbc.queryForObject("select count(*) from figures_rollup_state where built_at is not null", Map.of(),
          Long.class) > 0;
    }
    return built;
  }

  // ---------------------------------------------------------------- reading

  /** Counts and follow-up times summed over any rows of the rollup. */
  static final class Sum {
    final long[] counts = new long[WIDTH];
    final FollowUpHistogram followUp = new FollowUpHistogram();

    void add(long[] values, FollowUpHistogram followUps) {
      for (int i = 0; i < WIDTH; i++) {
        counts[i] += values[i];
      }
      followUp.addAll(followUps);
    }

    boolean isZero() {
      return Arrays.stream(counts).allMatch(v -> v == 0) && followUp.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sum s && Arrays.equals(s.counts, counts) && s.followUp.equals(followUp);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(counts);
    }
  }

  /**
   * The nation's cohort of a period from the unit rows: the total, each unit's (province, or
   * national body), and each day's.
   */
  record Cohort(Sum total, Map<String, Sum> byUnit, Map<LocalDate, Sum> byDay) {}

  Cohort cohort(Period period) {
    Sum total = new Sum();
    Map<String, Sum> byUnit = new HashMap<>();
    Map<LocalDate, Sum> byDay = new TreeMap<>();
    jdbc.query(totalsAndDeltas("received_on, item, " + COLUMNS + ", follow_up",
        "dimension = :dimension and received_on >= :from and received_on <= :to"),
        days(period).addValue("dimension", FiguresDelta.UNIT), rs -> {
          long[] values = counts(rs);
          FollowUpHistogram followUp = followUp(rs);
          total.add(values, followUp);
          byUnit.computeIfAbsent(rs.getString("item"), k -> new Sum()).add(values, followUp);
          byDay.computeIfAbsent(rs.getDate("received_on").toLocalDate(), k -> new Sum()).add(values, NO_FOLLOW_UP);
        });
    return new Cohort(total, byUnit, byDay);
  }

  /** The nation's counts of a period per value of one breakdown ({@code classification}, {@code category}, {@code channel}). */
  Map<String, long[]> breakdown(Period period, String dimension) {
    Map<String, long[]> result = new HashMap<>();
    jdbc.query("select item, " + FigureCounts.COLUMNS.stream().map(c -> "sum(" + c + ") as " + c)
        .collect(Collectors.joining(", ")) + " from (" + totalsAndDeltas("item, " + COLUMNS,
        "dimension = :dimension and received_on >= :from and received_on <= :to") + ") r group by item",
        days(period).addValue("dimension", dimension),
        rs -> {
          result.put(rs.getString("item"), counts(rs));
        });
    return result;
  }

  /**
   * The rows of the rollup as they stand — totals and the deltas not yet summed, in one statement
   * (one snapshot: a summing run is seen entirely or not at all).
   */
  private static String totalsAndDeltas(String columns, String where) {
    String select = "select " + columns + " from %s where " + where;
    return select.formatted("figures_total") + " union all " + select.formatted("figures_delta");
  }

  private static MapSqlParameterSource days(Period period) {
    return new MapSqlParameterSource("from", Date.valueOf(period.from())).addValue("to", Date.valueOf(period.to()));
  }

  private static final FollowUpHistogram NO_FOLLOW_UP = new FollowUpHistogram();

  private static FollowUpHistogram followUp(ResultSet rs) throws SQLException {
    return FollowUpHistogram.parse(rs.getString("follow_up"));
  }

  /** A row's counts, in the order of {@link FigureCounts#COLUMNS} (rollup rows and the read model's aggregates). */
  static long[] counts(ResultSet rs) throws SQLException {
    long[] values = new long[WIDTH];
    for (int i = 0; i < WIDTH; i++) {
      values[i] = rs.getLong(FigureCounts.COLUMNS.get(i));
    }
    return values;
  }

  // ---------------------------------------------------------------- summing the deltas

  /** Deltas not summed yet: the rollup's lag (a minute's changes normally; growing means summing fails). */
  public long pendingDeltas() {
    return jdbc.queryForObject("select count(*) from figures_delta where batch is null", Map.of(), Long.class);
  }

  /** Every minute: sums the deltas written since into the totals. */
  @Scheduled(fixedDelayString = "${lapor.supervision.rollup.compact-interval:PT1M}",
      initialDelayString = "${lapor.supervision.rollup.compact-interval:PT1M}")
  void compactOnSchedule() {
    try {
      compact();
    } catch (RuntimeException e) {
      // another node summing the same rows, or a rebuild: the deltas stay and are summed next time
      log.warn("Summing the figures' deltas failed; they are summed at the next run: {}", e.toString());
    }
  }

  /**
   * Sums the deltas committed so far into the totals, in one transaction: it claims them (rows
   * committed later stay unclaimed, for the next run), adds their sums to the totals and deletes
   * them. Readers see either the deltas or the totals that include them, never both.
   *
   * @return the deltas summed
   */
  public int compact() {
    Integer done = transactions.execute(tx -> {
      long batch = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
      MapSqlParameterSource claim = new MapSqlParameterSource("batch", batch);
      int claimed = jdbc.update("update figures_delta set batch = :batch where batch is null", claim);
      if (claimed == 0) {
        return 0;
      }
      // totals locked in one order (two nodes summing at once wait for each other instead of deadlocking)
      Map<Key, Sum> sums = new TreeMap<>(Comparator.comparing(Key::dimension).thenComparing(Key::day)
          .thenComparing(Key::item));
      jdbc.query("select received_on, dimension, item, " + COLUMNS + ", follow_up from figures_delta where batch = :batch",
          claim, rs -> {
            sums.computeIfAbsent(key(rs), k -> new Sum()).add(counts(rs), followUp(rs));
          });
      sums.forEach(this::addToTotal);
      jdbc.update("delete from figures_delta where batch = :batch", claim);
      return claimed;
    });
    return done == null ? 0 : done;
  }

  private static Key key(ResultSet rs) throws SQLException {
    return new Key(rs.getDate("received_on").toLocalDate(), rs.getString("dimension"), rs.getString("item"));
  }

  private void addToTotal(Key key, Sum sum) {
    MapSqlParameterSource params = keyParams(key);
    List<String> current = jdbc.query("select follow_up from figures_total where dimension = :dimension"
        + " and received_on = :day and item = :item for update", params, (rs, i) -> Objects.toString(rs.getString(1), ""));
    FollowUpHistogram followUp = new FollowUpHistogram().addAll(sum.followUp);
    current.forEach(followUp::addAll);
    rowParams(params, sum.counts, followUp);
    if (current.isEmpty()) {
      jdbc.update(INSERT_TOTAL, params);
    } else {
      jdbc.update("update figures_total set " + FigureCounts.COLUMNS.stream().map(c -> c + " = " + c + " + :" + c)
          .collect(Collectors.joining(", ")) + ", follow_up = :follow_up"
          + " where dimension = :dimension and received_on = :day and item = :item", params);
    }
  }

  private static MapSqlParameterSource keyParams(Key key) {
    return new MapSqlParameterSource("dimension", key.dimension()).addValue("day", Date.valueOf(key.day()))
        .addValue("item", key.item());
  }

  /** {@code params} with a row's counts and follow-up histogram. */
  private static MapSqlParameterSource rowParams(MapSqlParameterSource params, long[] counts,
      FollowUpHistogram followUp) {
    for (int i = 0; i < WIDTH; i++) {
      params.addValue(FigureCounts.COLUMNS.get(i), counts[i]);
    }
    return params.addValue("follow_up", followUp.isEmpty() ? null : followUp.toString());
  }

  private static final String INSERT_TOTAL = "insert into figures_total (received_on, dimension, item, " + COLUMNS
      + ", follow_up) values (:day, :dimension, :item, "
      + FigureCounts.COLUMNS.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ", :follow_up)";

  // ---------------------------------------------------------------- rebuilding from the read model

  /**
   * What a rebuild found.
   *
   * @param complaints read-model rows counted
   * @param rows rows of the rollup written
   * @param differing rows that differed from the rollup as it stood (now repaired)
   * @param examples up to 20 of them ({@code day/dimension/item})
   */
  public record Result(long complaints, long rows, long differing, List<String> examples) {}

  /** At start: builds the rollup if complaints existed before it (an upgraded installation). */
  @EventListener(ApplicationReadyEvent.class)
  void buildAtStart() {
    if (!isBuilt()) {
      try {
        rebuild(); // logs what it built
      } catch (RuntimeException e) {
        // figures keep reading the read model; the operator's rebuild retries
        log.error("Building the figures rollup failed; the nation's figures read the read model until a rebuild", e);
      }
    }
  }

  /**
   * Recomputes the whole rollup from the read model, a month at a time, in one transaction with one
   * snapshot (repeatable read): a complaint changed meanwhile keeps the delta its change wrote,
   * since its new state is not in the snapshot; one changed before has its delta deleted and its new
   * state counted. Reports the rows that differed from what stood.
   */
  public Result rebuild() {
    Result result = snapshot.execute(tx -> {
      Tally tally = new Tally();
      Set<LocalDate> standingDays = new HashSet<>(jdbc.queryForList(
          "select distinct received_on from figures_total union select distinct received_on from figures_delta", Map.of(),
          LocalDate.class));
      List<LocalDate> range = jdbc.queryForObject(
          "select min(received_at) as first, max(received_at) as last from complaint_projection", Map.of(),
          (rs, i) -> rs.getTimestamp("first") == null ? null : List.of(day(rs.getTimestamp("first")),
              day(rs.getTimestamp("last"))));
      if (range != null) {
        LocalDate first = range.get(0);
        LocalDate last = range.get(1);
        for (LocalDate month = first.withDayOfMonth(1); !month.isAfter(last); month = month.plusMonths(1)) {
          Period period = new Period(month, month.plusMonths(1).minusDays(1), FiguresDelta.ZONE);
          rebuildMonth(period, tally);
          standingDays.removeIf(d -> !d.isBefore(period.from()) && !d.isAfter(period.to()));
        }
      }
      for (LocalDate day : standingDays) {
        // rows for days no complaint was received on: all differ
        Period period = new Period(day, day, FiguresDelta.ZONE);
        standing(period).keySet().forEach(k -> tally.differs(k));
        deleteRows(period);
      }
      jdbc.update("update figures_rollup_state set built_at = :now", Map.of("now", Timestamp.from(clock.instant())));
      return tally.result();
    });
    built = true;
    log.info("Figures rollup rebuilt: {} complaints, {} rows, {} differed", result.complaints(), result.rows(),
        result.differing());
    return result;
  }

  private static LocalDate day(Timestamp at) {
    return LocalDate.ofInstant(at.toInstant(), FiguresDelta.ZONE);
  }

  private void rebuildMonth(Period month, Tally tally) {
    Map<Key, Sum> rebuilt = new HashMap<>();
    MapSqlParameterSource params = new MapSqlParameterSource("start", Timestamp.from(month.start()))
        .addValue("end", Timestamp.from(month.end()));
    jdbc.query("select received_at, province_code, regency_code, classification, category, channel, status,"
        + " verified_at, verified_on_time, forwarded_at, answered_at, answered_on_time, follow_up_work_minutes,"
        + " escalation_count, return_count, transfer_count, reopen_count, rating from complaint_projection"
        + " where received_at >= :start and received_at < :end", params, rs -> {
          Contribution c = Contribution.of(source(rs));
          tally.complaints++;
          for (Key key : c.keys()) {
            Sum sum = rebuilt.computeIfAbsent(key, k -> new Sum());
            sum.add(c.countsFor(key), NO_FOLLOW_UP);
            if (c.followUpBucketFor(key) != null) {
              sum.followUp.add(c.followUpBucketFor(key), 1);
            }
          }
        });
    Map<Key, Sum> standing = standing(month);
    Set<Key> keys = new HashSet<>(rebuilt.keySet());
    keys.addAll(standing.keySet());
    for (Key key : keys) {
      Sum now = standing.getOrDefault(key, new Sum());
      Sum should = rebuilt.getOrDefault(key, new Sum());
      if (!now.equals(should)) {
        tally.differs(key);
      }
    }
    deleteRows(month);
    List<MapSqlParameterSource> rows = new ArrayList<>();
    rebuilt.forEach((key, sum) -> rows.add(rowParams(keyParams(key), sum.counts, sum.followUp)));
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(INSERT_TOTAL, rows.toArray(MapSqlParameterSource[]::new));
    }
    tally.rows += rows.size();
  }

  /** The rollup as it stands for the days of {@code period}, totals and deltas summed per key (zero sums left out). */
  private Map<Key, Sum> standing(Period period) {
    Map<Key, Sum> sums = new HashMap<>();
    jdbc.query(totalsAndDeltas("received_on, dimension, item, " + COLUMNS + ", follow_up",
        "received_on >= :from and received_on <= :to"), days(period), rs -> {
          sums.computeIfAbsent(key(rs), k -> new Sum()).add(counts(rs), followUp(rs));
        });
    sums.values().removeIf(Sum::isZero);
    return sums;
  }

  private void deleteRows(Period period) {
    jdbc.update("delete from figures_total where received_on >= :from and received_on <= :to", days(period));
    jdbc.update("delete from figures_delta where received_on >= :from and received_on <= :to", days(period));
  }

  private static FiguresDelta.Source source(ResultSet rs) throws SQLException {
    long minutes = rs.getLong("follow_up_work_minutes");
    Long followUp = rs.wasNull() ? null : minutes;
    int rating = rs.getInt("rating");
    Integer rated = rs.wasNull() ? null : rating;
    return new FiguresDelta.Source(rs.getTimestamp("received_at").toInstant(), rs.getString("province_code"),
        rs.getString("regency_code"), Classification.valueOf(rs.getString("classification")),
        Category.valueOf(rs.getString("category")), Channel.valueOf(rs.getString("channel")),
        ComplaintStatus.valueOf(rs.getString("status")), rs.getTimestamp("verified_at") != null,
        nullableBoolean(rs, "verified_on_time"), rs.getTimestamp("forwarded_at") != null,
        rs.getTimestamp("answered_at") != null, nullableBoolean(rs, "answered_on_time"), followUp,
        rs.getInt("escalation_count"), rs.getInt("return_count"), rs.getInt("transfer_count"),
        rs.getInt("reopen_count"), rated);
  }

  private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  private static final class Tally {
    long complaints;
    long rows;
    long differing;
    final List<String> examples = new ArrayList<>();

    void differs(Key key) {
      differing++;
      if (examples.size() < 20) {
        examples.add(key.day() + "/" + key.dimension() + "/" + key.item());
      }
    }

    Result result() {
      return new Result(complaints, rows, differing, List.copyOf(examples));
    }
  }
}
