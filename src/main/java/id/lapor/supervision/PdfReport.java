package id.lapor.supervision;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import id.lapor.supervision.Figures.Breakdown;
import id.lapor.supervision.Figures.Counts;
import id.lapor.supervision.Figures.Week;
import id.lapor.supervision.ReportContent.Column;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.OutputStream;
import java.text.NumberFormat;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * The report for leaders who print: the figures, the units one level down and three charts
 * (weekly trend, rates per unit, complaints per category), drawn as vectors with JFreeChart into
 * the PDF (OpenPDF).
 */
@Component
class PdfReport {

  /** Said wherever the follow-up times come from the national rollup's histogram. */
  static final String APPROXIMATE_NOTE = "Median dan persentil ke-90 tingkat nasional dihitung dari sebaran waktu "
      + "tindak lanjut per hari (selisih paling banyak sekitar 3 % dari nilai persisnya).";

  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
  private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
  private static final Font SMALL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
  private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);
  private static final Color BLUE = new Color(0x1f, 0x5f, 0xa8);
  private static final Color GREEN = new Color(0x2e, 0x8b, 0x57);
  private static final Color ORANGE = new Color(0xe0, 0x8a, 0x1e);

  void write(Report report, OutputStream out) {
    Document document = new Document(PageSize.A4, 36, 36, 36, 36);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle(report.title() + " " + report.periodName());
      document.addCreator("SP4N-LAPOR! case management");
      document.open();
      document.add(new Paragraph(report.title(), TITLE));
      document.add(new Paragraph("Periode: " + report.periodName() + " (pengaduan yang diterima dalam periode ini)"
          + "   ·   Dibuat " + ReportContent.generatedAt(report.generated(), report.zone()), TEXT));
      document.add(new Paragraph(" ", TEXT));

      document.add(heading("Ringkasan"));
      document.add(summary(report));

      PdfContentByte canvas = writer.getDirectContent();
      document.add(figure("Tren mingguan", chart(canvas, weeklyChart(report), 523, 200)));
      if (!report.figures().units().isEmpty()) {
        document.add(figure("Ketepatan waktu dan penyelesaian per unit", chart(canvas, unitChart(report), 523, 230)));
      }
      document.add(figure("Pengaduan per kategori", chart(canvas, categoryChart(report), 523, 210)));

      if (!report.figures().units().isEmpty()) {
        document.newPage();
        document.add(heading("Per unit"));
        document.add(units(report));
      }
      document.add(new Paragraph(" ", TEXT));
      document.add(new Paragraph("Waktu tindak lanjut dihitung dalam jam kerja (08.00–16.00 pada hari kerja) dari "
          + "pengaduan diterima OPD sampai tindak lanjut pertama. Terlambat saat ini: pengaduan terbuka yang "
          + "melewati tenggat instansi pada saat laporan dibuat."
          + (report.figures().followUpHoursApproximate() ? " " + APPROXIMATE_NOTE : ""),
          SMALL));
    } catch (DocumentException e) {
      throw new IllegalStateException("the PDF report could not be written", e);
    } finally {
      document.close();
    }
  }

  private static Paragraph heading(String text) {
    Paragraph heading = new Paragraph(text, HEADING);
    heading.setSpacingBefore(8);
    heading.setSpacingAfter(4);
    return heading;
  }

  /** A chart under its heading, never split between pages. */
  private static PdfPTable figure(String title, Image chart) {
    PdfPTable box = new PdfPTable(1);
    box.setWidthPercentage(100);
    box.setKeepTogether(true);
    box.setSpacingBefore(8);
    PdfPCell heading = new PdfPCell(new Phrase(title, HEADING));
    heading.setBorder(PdfPCell.NO_BORDER);
    heading.setPaddingBottom(4);
    box.addCell(heading);
    PdfPCell image = new PdfPCell(chart, true);
    image.setBorder(PdfPCell.NO_BORDER);
    box.addCell(image);
    return box;
  }

  private static PdfPTable summary(Report report) {
    PdfPTable table = new PdfPTable(new float[] {3, 1});
    table.setWidthPercentage(70);
    table.setHorizontalAlignment(Element.ALIGN_LEFT);
    Counts counts = report.figures().summary();
    for (Column<Counts> c : ReportContent.COUNTS) {
      table.addCell(cell(c.header(), SMALL, Element.ALIGN_LEFT));
      table.addCell(cell(format(c.value().apply(counts)), SMALL, Element.ALIGN_RIGHT));
    }
    table.addCell(cell("Terlambat saat ini", SMALL_BOLD, Element.ALIGN_LEFT));
    table.addCell(cell(format(report.figures().board().overdue()), SMALL_BOLD, Element.ALIGN_RIGHT));
    return table;
  }

  private static PdfPTable units(Report report) {
    String[] headers = {"Instansi", "Diterima", "Tepat waktu (%)", "Penyelesaian (%)", "Median (jam kerja)",
        "Eskalasi", "Terlambat saat ini"};
    PdfPTable table = new PdfPTable(new float[] {4, 1, 1.2f, 1.2f, 1.2f, 1, 1.2f});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String h : headers) {
      table.addCell(cell(h, SMALL_BOLD, Element.ALIGN_CENTER));
    }
    for (Report.Line line : report.lines()) {
      Counts c = line.counts();
      table.addCell(cell(line.name(), SMALL, Element.ALIGN_LEFT));
      for (Object value : new Object[] {c.received(), c.answeredOnTimeRate(), c.completionRate(),
          lessThanAnHour(c.followUpHoursMedian()), c.escalations(), line.overdueNow()}) {
        table.addCell(cell(format(value), SMALL, Element.ALIGN_RIGHT));
      }
    }
    return table;
  }

  /** A follow-up answered outside office hours took no working time: "< 1", not a "0" that reads as broken. */
  private static Object lessThanAnHour(Double hours) {
    return hours != null && hours < 1 ? "< 1" : hours;
  }

  private static PdfPCell cell(String text, Font font, int alignment) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setHorizontalAlignment(alignment);
    cell.setPadding(3);
    return cell;
  }

  static String format(Object value) {
    if (value == null) {
      return "–";
    }
    NumberFormat number = NumberFormat.getNumberInstance(ReportContent.ID);
    number.setMaximumFractionDigits(1);
    return value instanceof Number n ? number.format(n) : value.toString();
  }

  /** The chart drawn as vectors into a template the document places like an image. */
  private static Image chart(PdfContentByte canvas, JFreeChart chart, float width, float height) {
    PdfTemplate template = canvas.createTemplate(width, height);
    Graphics2D g = template.createGraphicsShapes(width, height);
    try {
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    try {
      Image image = Image.getInstance(template);
      image.setSpacingAfter(6);
      return image;
    } catch (com.lowagie.text.BadElementException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JFreeChart weeklyChart(Report report) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMM", ReportContent.ID);
    for (Week w : report.figures().weekly()) {
      String label = day.format(w.weekStart());
      data.addValue(w.received(), "Diterima", label);
      data.addValue(w.answered(), "Ditindaklanjuti", label);
      data.addValue(w.resolved(), "Selesai", label);
    }
    JFreeChart chart = ChartFactory.createLineChart(null, "Minggu mulai", "Pengaduan", data,
        PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = style(chart);
    plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
    LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, BLUE);
    renderer.setSeriesPaint(1, ORANGE);
    renderer.setSeriesPaint(2, GREEN);
    for (int i = 0; i < 3; i++) {
      renderer.setSeriesStroke(i, new BasicStroke(1.8f));
    }
    if (report.figures().weekly().size() > 14) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    }
    return chart;
  }

  private static JFreeChart unitChart(Report report) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Figures.UnitFigures u : report.figures().units()) {
      String name = u.name().length() > 28 ? u.name().substring(0, 27) + "…" : u.name();
      data.addValue(u.counts().answeredOnTimeRate(), "Tindak lanjut tepat waktu (%)", name);
      data.addValue(u.counts().completionRate(), "Penyelesaian (%)", name);
    }
    JFreeChart chart = horizontalBars(data, "%");
    chart.getCategoryPlot().getRangeAxis().setRange(0, 100);
    return chart;
  }

  private static JFreeChart categoryChart(Report report) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Breakdown b : report.figures().byCategory()) {
      data.addValue(b.received(), "Diterima", b.label());
      data.addValue(b.resolved(), "Selesai", b.label());
    }
    return horizontalBars(data, "Pengaduan");
  }

  /** Two series of horizontal bars, blue and green. */
  private static JFreeChart horizontalBars(DefaultCategoryDataset data, String valueAxis) {
    JFreeChart chart = ChartFactory.createBarChart(null, null, valueAxis, data, PlotOrientation.HORIZONTAL, true,
        false, false);
    CategoryPlot plot = style(chart);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.35f);
    plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setSeriesPaint(0, BLUE);
    renderer.setSeriesPaint(1, GREEN);
    return chart;
  }

  private static CategoryPlot style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
    return plot;
  }
}
