package id.lapor.supervision;

import id.lapor.institutions.Institutions;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Monthly and yearly reports per institution and region, in Indonesian: the figures (CSV, XLSX,
 * PDF with charts) and the list of complaints received (CSV; also a sheet of the XLSX), written
 * while they are read from the database.
 */
@RestController
@RequestMapping("/api/staff/reports")
@Tag(name = "Reports", description = "Monthly and yearly reports for leaders: CSV, XLSX, PDF")
class ReportsApi {

  static final Map<String, MediaType> FORMATS = Map.of(
      "csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
      "xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      "pdf", MediaType.APPLICATION_PDF);

  private final SupervisionScope scope;
  private final SupervisionFigures figures;
  private final ReportWriters writers;
  private final PdfReport pdf;
  private final Institutions institutions;
  private final Clock clock;

  ReportsApi(SupervisionScope scope, SupervisionFigures figures, ReportWriters writers, PdfReport pdf,
      Institutions institutions, Clock clock) {
    this.scope = scope;
    this.figures = figures;
    this.writers = writers;
    this.pdf = pdf;
    this.institutions = institutions;
    this.clock = clock;
  }

  @Operation(summary = "Yearly report: {format} is csv (figures per unit), xlsx (all sheets) or pdf (with charts)")
  @GetMapping("/{institution}/{year}.{format}")
  ResponseEntity<StreamingResponseBody> yearly(Authentication caller, @PathVariable String institution,
      @PathVariable String year, @PathVariable String format) {
    return figuresReport(caller, institution, year, null, format);
  }

  @Operation(summary = "Monthly report: {format} is csv (figures per unit), xlsx (all sheets) or pdf (with charts)")
  @GetMapping("/{institution}/{year}/{month}.{format}")
  ResponseEntity<StreamingResponseBody> monthly(Authentication caller, @PathVariable String institution,
      @PathVariable String year, @PathVariable String month, @PathVariable String format) {
    return figuresReport(caller, institution, year, month, format);
  }

  @Operation(summary = "The complaints received in a year, one row each (CSV, streamed)")
  @GetMapping("/{institution}/{year}/complaints.csv")
  ResponseEntity<StreamingResponseBody> yearlyComplaints(Authentication caller, @PathVariable String institution,
      @PathVariable String year) {
    return complaintList(caller, institution, year, null);
  }

  @Operation(summary = "The complaints received in a month, one row each (CSV, streamed)")
  @GetMapping("/{institution}/{year}/{month}/complaints.csv")
  ResponseEntity<StreamingResponseBody> monthlyComplaints(Authentication caller, @PathVariable String institution,
      @PathVariable String year, @PathVariable String month) {
    return complaintList(caller, institution, year, month);
  }

  private ResponseEntity<StreamingResponseBody> figuresReport(Authentication caller, String institution, String year,
      String month, String format) {
    MediaType type = FORMATS.get(format);
    Asked asked = asked(caller, institution, year, month, type == null
        ? new FieldProblem("format", "must be csv, xlsx or pdf") : null);
    Report report = new Report(asked.unit(), asked.period(), asked.year(), asked.month(),
        figures.figures(asked.unit(), asked.period()), clock.instant());
    StreamingResponseBody body = switch (format) {
      case "csv" -> out -> writers.figuresCsv(report, out);
      case "xlsx" -> out -> writers.xlsx(report, out);
      default -> out -> pdf.write(report, out);
    };
    return download(report.fileName() + "." + format, type, body);
  }

  /** The complaint list alone: no figures are computed for it. */
  private ResponseEntity<StreamingResponseBody> complaintList(Authentication caller, String institution, String year,
      String month) {
    Asked asked = asked(caller, institution, year, month, null);
    return download(Report.fileName(asked.unit(), asked.year(), asked.month()) + "-daftar.csv", FORMATS.get("csv"),
        out -> writers.complaintsCsv(asked.unit(), asked.period(), out));
  }

  /** What a report request asks for: whose, which year and month, as a period in the unit's zone. */
  private record Asked(Unit unit, Period period, int year, Integer month) {}

  private Asked asked(Authentication caller, String institution, String year, String month, FieldProblem extra) {
    Unit unit = scope.resolve(caller, "institution", institution);
    List<FieldProblem> problems = new ArrayList<>();
    if (extra != null) {
      problems.add(extra);
    }
    Integer y = number(year, 2000, 2100, "year", "a year from 2000 to 2100", problems);
    Integer m = month == null ? null : number(month, 1, 12, "month", "a month from 1 to 12", problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    ZoneId zone = institutions.zoneOf(unit.code());
    return new Asked(unit, m == null ? Period.year(y, zone) : Period.month(y, m, zone), y, m);
  }

  private static Integer number(String text, int min, int max, String field, String what, List<FieldProblem> problems) {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new FieldProblem(field, "must be " + what));
    return null;
  }

  private static ResponseEntity<StreamingResponseBody> download(String fileName, MediaType type,
      StreamingResponseBody body) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }
}
