package id.lapor.supervision;

import id.lapor.supervision.Figures.Counts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A monthly or yearly report of one institution: its figures and those of the units one level
 * down, for leaders who evaluate by them. The complaint list is read separately, as it is written.
 */
record Report(Unit unit, Period period, Integer year, Integer month, Figures figures, Instant generated) {

  ZoneId zone() {
    return period.zone();
  }

  String title() {
    return "Laporan Pengelolaan Pengaduan " + unit.name();
  }

  String periodName() {
    return ReportContent.periodName(year, month);
  }

  /** File name without extension: laporan-pengaduan-51.06-2026-11. */
  String fileName() {
    return fileName(unit, year, month);
  }

  static String fileName(Unit unit, int year, Integer month) {
    return "laporan-pengaduan-" + unit.code() + "-" + year + (month == null ? "" : "-%02d".formatted(month));
  }

  /** The headers of a line's {@link Line#values()}: every count, then the overdue now. */
  static List<String> lineHeaders() {
    List<String> headers = new ArrayList<>();
    ReportContent.COUNTS.forEach(c -> headers.add(c.header()));
    headers.add("Terlambat saat ini");
    return headers;
  }

  /** A labelled row of the figures table: the institution itself first, then its units. */
  record Line(String code, String name, Counts counts, long overdueNow) {

    /** Every count, then the overdue now (as {@link #lineHeaders()} names them). */
    List<Object> values() {
      List<Object> values = new ArrayList<>();
      ReportContent.COUNTS.forEach(c -> values.add(c.value().apply(counts)));
      values.add(overdueNow);
      return values;
    }
  }

  List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(unit.code(), unit.name() + " (seluruhnya)", figures.summary(), figures.board().overdue()));
    for (Figures.UnitFigures u : figures.units()) {
      lines.add(new Line(u.code(), u.name(), u.counts(), u.board().overdue()));
    }
    return lines;
  }
}
