package id.lapor.supervision;

import id.lapor.supervision.Figures.Counts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every report format says, in Indonesian: the columns of the figures and of the complaint
 * list, and the complaint list itself, read with a database cursor one row at a time.
 */
@Component
class ReportContent {

  static final Locale ID = SupervisionFigures.INDONESIAN;
  static final int FETCH_SIZE = 1000;

  /** A column of a table: its Indonesian header and how to read a value. */
  record Column<T>(String header, Function<T, Object> value) {}

  /** The figures' columns, in reports and the dashboard's table. */
  static final List<Column<Counts>> COUNTS = List.of(
      new Column<>("Diterima", Counts::received),
      new Column<>("Diverifikasi", Counts::verified),
      new Column<>("Verifikasi tepat waktu (%)", Counts::verifiedOnTimeRate),
      new Column<>("Diteruskan ke OPD", Counts::forwarded),
      new Column<>("Ditindaklanjuti", Counts::answered),
      new Column<>("Tindak lanjut tepat waktu", Counts::answeredOnTime),
      new Column<>("Tindak lanjut tepat waktu (%)", Counts::answeredOnTimeRate),
      new Column<>("Median waktu tindak lanjut (jam kerja)", Counts::followUpHoursMedian),
      new Column<>("Persentil ke-90 waktu tindak lanjut (jam kerja)", Counts::followUpHoursP90),
      new Column<>("Eskalasi", Counts::escalations),
      new Column<>("Pengaduan tereskalasi", Counts::escalated),
      new Column<>("Dikembalikan OPD", Counts::returns),
      new Column<>("Dialihkan", Counts::transfers),
      new Column<>("Dibuka kembali", Counts::reopened),
      new Column<>("Tingkat dibuka kembali (%)", Counts::reopenRate),
      new Column<>("Rata-rata penilaian (1-5)", Counts::averageRating),
      new Column<>("Dinilai", Counts::rated),
      new Column<>("Selesai", Counts::resolved),
      new Column<>("Diarsipkan", Counts::archived),
      new Column<>("Digabung", Counts::merged),
      new Column<>("Tingkat penyelesaian (%)", Counts::completionRate));

  /** The complaint list's columns (no content, no complainant: the list is for counting, not reading). */
  static final List<String> COMPLAINT_HEADERS = List.of("Nomor pelacakan", "Diterima", "Kode provinsi", "Provinsi",
      "Kode Kab/Kota/Instansi", "Kab/Kota/Instansi", "Kode OPD", "OPD", "Klasifikasi", "Kategori", "Kanal", "Status", "Diverifikasi",
      "Verifikasi tepat waktu", "Diteruskan ke OPD", "Dibuka OPD", "Ditindaklanjuti", "Tindak lanjut tepat waktu",
      "Waktu tindak lanjut (jam kerja)", "Eskalasi", "Eskalasi tertinggi", "Dikembalikan", "Dialihkan",
      "Dibuka kembali", "Penilaian", "Ditutup");

  /** The institutions are named as well as coded (a reader of the list knows names, a spreadsheet joins codes). */
  private static final String COMPLAINT_COLUMNS = "tracking_number, received_at, province_code,"
      + " (select name from institution where code = province_code) as province_name, regency_code,"
      + " (select name from institution where code = regency_code) as regency_name, opd_code,"
      + " (select name from institution where code = opd_code) as opd_name, classification, category, channel, status, verified_at, verified_on_time, forwarded_at,"
      + " opened_at, answered_at, answered_on_time, follow_up_work_minutes, escalation_count, highest_escalation,"
      + " return_count, transfer_count, reopen_count, rating, closed_at";

  /** Reads {@value #FETCH_SIZE} rows at a time (PostgreSQL streams them only within a transaction). */
  private final NamedParameterJdbcTemplate streaming;
  private final MessageSource messages;
  private final TransactionTemplate readOnly;

  ReportContent(DataSource dataSource, MessageSource messages, PlatformTransactionManager transactions) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.setFetchSize(FETCH_SIZE);
    this.streaming = new NamedParameterJdbcTemplate(jdbc);
    this.messages = messages;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** One complaint of the list, as the report shows it. */
  @FunctionalInterface
  interface RowSink {
    void accept(List<Object> row) throws IOException;
  }

  /**
   * Hands the unit's complaints received in the period to {@code sink}, oldest first, one at a time
   * from a cursor (in a read-only transaction, so that PostgreSQL streams instead of loading all).
   *
   * @return how many rows were handed over
   */
  long complaints(Unit unit, Period period, RowSink sink) {
    MapSqlParameterSource params = new MapSqlParameterSource("start", Timestamp.from(period.start()))
        .addValue("end", Timestamp.from(period.end()));
    String scope = unit.condition(params);
    String sql = "select " + COMPLAINT_COLUMNS + " from complaint_projection where received_at >= :start"
        + " and received_at < :end" + scope + " order by received_at, id";
    DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(period.zone());
    long[] count = {0};
    readOnly.executeWithoutResult(tx -> streaming.query(sql, params, rs -> {
      try {
        sink.accept(row(rs, time));
      } catch (IOException e) {
        throw new UncheckedIOException("writing the report failed", e);
      }
      count[0]++;
    }));
    return count[0];
  }

  private List<Object> row(ResultSet rs, DateTimeFormatter time) throws SQLException {
    Long minutes = (Long) rs.getObject("follow_up_work_minutes", Long.class);
    return java.util.Arrays.asList(
        rs.getString("tracking_number"), at(rs, "received_at", time), rs.getString("province_code"),
        rs.getString("province_name"), rs.getString("regency_code"), rs.getString("regency_name"),
        rs.getString("opd_code"), rs.getString("opd_name"),
        label("classification.", rs.getString("classification")), label("category.", rs.getString("category")),
        label("channel.", rs.getString("channel")), label("status.", rs.getString("status")),
        at(rs, "verified_at", time), yesNo(rs, "verified_on_time"), at(rs, "forwarded_at", time),
        at(rs, "opened_at", time), at(rs, "answered_at", time), yesNo(rs, "answered_on_time"),
        minutes == null ? null : Math.round(minutes / 6.0) / 10.0, rs.getInt("escalation_count"),
        label("escalation.", rs.getString("highest_escalation")), rs.getInt("return_count"),
        rs.getInt("transfer_count"), rs.getInt("reopen_count"), rs.getObject("rating", Integer.class),
        at(rs, "closed_at", time));
  }

  private static String at(ResultSet rs, String column, DateTimeFormatter time) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : time.format(t.toInstant());
  }

  private static String yesNo(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value ? "Ya" : "Tidak";
  }

  String label(String prefix, String key) {
    return key == null ? null : messages.getMessage(prefix + key, null, key, ID);
  }

  /** "November 2026" or "Tahun 2026". */
  static String periodName(Integer year, Integer month) {
    if (month == null) {
      return "Tahun " + year;
    }
    return java.time.YearMonth.of(year, month).format(DateTimeFormatter.ofPattern("MMMM yyyy", ID));
  }

  static String generatedAt(Instant now, ZoneId zone) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", ID).withZone(zone).format(now)
        + " " + id.lapor.institutions.Institution.zoneName(zone);
  }
}
