package id.lapor.supervision;

import id.lapor.supervision.Figures.Breakdown;
import id.lapor.supervision.Figures.Week;
import id.lapor.supervision.ReportContent.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * CSV and XLSX reports. CSV is RFC 4180 in UTF-8 with a byte-order mark (so that Excel reads the
 * names right), numbers with a decimal point. XLSX is written with POI's streaming workbook: only
 * {@value #WINDOW} rows are in memory at any time, however long the complaint list.
 */
@Component
class ReportWriters {

  static final int WINDOW = 200;
  /** Excel's last row is 1,048,576; the list stops before and says how many more the CSV has. */
  static final int XLSX_MAX_COMPLAINTS = 1_000_000;

  private final ReportContent content;

  ReportWriters(ReportContent content) {
    this.content = content;
  }

  /** The figures table: the institution, then each unit one level down. */
  void figuresCsv(Report report, OutputStream out) throws IOException {
    try (CSVPrinter csv = printer(out)) {
      List<String> header = new ArrayList<>(List.of("Kode", "Instansi", "Periode"));
      header.addAll(Report.lineHeaders());
      csv.printRecord(header);
      for (Report.Line line : report.lines()) {
        List<Object> row = new ArrayList<>(List.of(line.code(), line.name(), report.periodName()));
        row.addAll(line.values());
        csv.printRecord(row);
      }
    }
  }

  /** Every complaint received in the period, streamed. */
  void complaintsCsv(Unit unit, Period period, OutputStream out) throws IOException {
    try (CSVPrinter csv = printer(out)) {
      csv.printRecord(ReportContent.COMPLAINT_HEADERS);
      content.complaints(unit, period, csv::printRecord);
    }
  }

  private static CSVPrinter printer(OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\ufeff');
    return new CSVPrinter(writer, CSVFormat.RFC4180);
  }

  /** Summary, units, breakdowns, weekly trend and the complaint list, one sheet each. */
  void xlsx(Report report, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    try {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);

      Sheet summary = workbook.createSheet("Ringkasan");
      int r = 0;
      r = pair(summary, r, report.title(), null, bold);
      r = pair(summary, r, "Periode", report.periodName(), null);
      r = pair(summary, r, "Dibuat", ReportContent.generatedAt(report.generated(), report.zone()), null);
      r++;
      for (Column<Figures.Counts> c : ReportContent.COUNTS) {
        r = pair(summary, r, c.header(), c.value().apply(report.figures().summary()), null);
      }
      r = pair(summary, r, "Terlambat saat ini", report.figures().board().overdue(), null);
      r = pair(summary, r, "Merah (belum dibuka OPD)", report.figures().board().red(), null);
      r = pair(summary, r, "Kuning (dibuka, belum ditindaklanjuti)", report.figures().board().yellow(), null);
      if (report.figures().followUpHoursApproximate()) {
        pair(summary, r + 1, "Catatan", PdfReport.APPROXIMATE_NOTE, null);
      }
      summary.setColumnWidth(0, 48 * 256);
      summary.setColumnWidth(1, 24 * 256);

      Sheet units = workbook.createSheet("Unit");
      List<Object> header = new ArrayList<>(List.of("Kode", "Instansi"));
      header.addAll(Report.lineHeaders());
      row(units, 0, header, bold);
      int u = 1;
      for (Report.Line line : report.lines()) {
        List<Object> values = new ArrayList<>(List.of(line.code(), line.name()));
        values.addAll(line.values());
        row(units, u++, values, null);
      }
      units.setColumnWidth(1, 40 * 256);

      breakdown(workbook.createSheet("Klasifikasi"), "Klasifikasi", report.figures().byClassification(), bold);
      breakdown(workbook.createSheet("Kategori"), "Kategori", report.figures().byCategory(), bold);
      breakdown(workbook.createSheet("Kanal"), "Kanal", report.figures().byChannel(), bold);

      Sheet weekly = workbook.createSheet("Tren mingguan");
      row(weekly, 0, List.of("Minggu mulai", "Diterima", "Ditindaklanjuti", "Selesai"), bold);
      int w = 1;
      for (Week week : report.figures().weekly()) {
        row(weekly, w++, List.of(week.weekStart().toString(), week.received(), week.answered(), week.resolved()), null);
      }

      SXSSFSheet list = workbook.createSheet("Daftar pengaduan");
      row(list, 0, new ArrayList<>(ReportContent.COMPLAINT_HEADERS), bold);
      int[] next = {1};
      long total = content.complaints(report.unit(), report.period(), values -> {
        if (next[0] <= XLSX_MAX_COMPLAINTS) {
          row(list, next[0], values, null);
        }
        next[0]++;
      });
      if (total > XLSX_MAX_COMPLAINTS) {
        row(list, XLSX_MAX_COMPLAINTS + 1, List.of("… dan " + (total - XLSX_MAX_COMPLAINTS)
            + " pengaduan lainnya: unduh daftar lengkap sebagai CSV"), bold);
      }
      workbook.write(out);
    } finally {
      workbook.dispose();
      workbook.close();
    }
  }

  private static void breakdown(Sheet sheet, String title, List<Breakdown> rows, CellStyle bold) {
    row(sheet, 0, List.of(title, "Diterima", "Ditindaklanjuti", "Selesai", "Tingkat penyelesaian (%)"), bold);
    int r = 1;
    for (Breakdown b : rows) {
      row(sheet, r++, java.util.Arrays.asList(b.label(), b.received(), b.answered(), b.resolved(),
          b.completionRate()), null);
    }
    sheet.setColumnWidth(0, 36 * 256);
  }

  private static int pair(Sheet sheet, int r, String label, Object value, CellStyle style) {
    row(sheet, r, java.util.Arrays.asList(label, value), style);
    return r + 1;
  }

  private static void row(Sheet sheet, int index, List<?> values, CellStyle style) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      Cell cell = row.createCell(i);
      if (value instanceof Number n) {
        cell.setCellValue(n.doubleValue());
      } else if (value != null) {
        cell.setCellValue(value.toString());
      }
      if (style != null) {
        cell.setCellStyle(style);
      }
    }
  }
}
