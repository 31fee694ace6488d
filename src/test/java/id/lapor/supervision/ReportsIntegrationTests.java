package id.lapor.supervision;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.lapor.complaint.Complaints;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Leaders' reports: the same figures as the dashboard, in CSV, XLSX and PDF, scoped like them. */
@id.lapor.support.LaporTest
class ReportsIntegrationTests {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired Complaints complaints;

  String year;
  String month;
  String tn;

  @BeforeEach
  void aComplaintThisMonth() {
    tn = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(tn, BANGLI_DINKES);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
    year = String.valueOf(today.getYear());
    month = String.valueOf(today.getMonthValue());
  }

  @Test
  void csvHasTheFiguresOfTheRegencyAndEachOpdAndTheComplaintListEveryComplaint() throws Exception {
    JsonNode figures = figures(BANGLI, year + "-01-01", year + "-12-31");
    ResponseEntity<byte[]> csv = get("admin.bangli", "/api/staff/reports/51.06/" + year + ".csv");
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("laporan-pengaduan-51.06-" + year + ".csv");
    List<CSVRecord> rows = parse(csv.getBody());
    assertThat(rows.get(0).get(0)).isEqualTo("Kode");
    assertThat(rows.get(0).values()).contains("Diterima", "Tingkat penyelesaian (%)", "Terlambat saat ini");
    assertThat(rows.get(1).get(0)).isEqualTo(BANGLI);
    int received = rows.get(0).toList().indexOf("Diterima");
    assertThat(Long.parseLong(rows.get(1).get(received))).isEqualTo(figures.at("/summary/received").asLong());
    assertThat(rows).hasSize(2 + figures.get("units").size());
    assertThat(rows.stream().map(r -> r.get(0))).contains(BANGLI_DINKES);

    ResponseEntity<byte[]> list = get("admin.bangli", "/api/staff/reports/51.06/" + year + "/complaints.csv");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<CSVRecord> complaintRows = parse(list.getBody());
    assertThat(complaintRows).hasSize(1 + (int) figures.at("/summary/received").asLong());
    assertThat(complaintRows.get(0).get(0)).isEqualTo("Nomor pelacakan");
    assertThat(complaintRows.stream().map(r -> r.get(0))).contains(tn);
    CSVRecord row = complaintRows.stream().filter(r -> r.get(0).equals(tn)).findFirst().orElseThrow();
    assertThat(List.of(complaintRows.get(0).get(4), complaintRows.get(0).get(5))).as("headers")
        .containsExactly("Kode Kab/Kota/Instansi", "Kab/Kota/Instansi");
    assertThat(List.of(row.get(2), row.get(3), row.get(4), row.get(5))).as("institutions by code and by name")
        .containsExactly("51", "Provinsi Bali", BANGLI, "Kab. Bangli");
    String text = new String(list.getBody(), StandardCharsets.UTF_8);
    assertThat(text).as("no contents or complainants in the list").doesNotContain(aPublicComplaintIn(BANGLI).title())
        .doesNotContain(aPublicComplaintIn(BANGLI).description());
  }

  @Test
  void xlsxHasEverySheetAndTheMonthlyListAndPdfPrintsTheFigures() throws Exception {
    JsonNode figures = figures(BANGLI, LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), 1).toString(),
        LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), 1).plusMonths(1).minusDays(1).toString());
    ResponseEntity<byte[]> xlsx = get("supervisor.bali", "/api/staff/reports/51.06/" + year + "/" + month + ".xlsx");
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(6)))
          .containsExactly("Ringkasan", "Unit", "Daftar pengaduan");
      Sheet summary = workbook.getSheet("Ringkasan");
      double received = -1;
      for (Row row : summary) {
        if (row.getCell(0) != null && "Diterima".equals(row.getCell(0).getStringCellValue())) {
          received = row.getCell(1).getNumericCellValue();
        }
      }
      assertThat(received).isEqualTo(figures.at("/summary/received").asDouble());
      assertThat(cellsOf(summary)).as("a regency's follow-up times are exact").doesNotContain("Catatan");
      Sheet list = workbook.getSheet("Daftar pengaduan");
      assertThat(list.getLastRowNum()).isEqualTo(figures.at("/summary/received").asInt());
      assertThat(workbook.getSheet("Tren mingguan").getLastRowNum()).isEqualTo(figures.get("weekly").size());
    }

    // the nation's follow-up times come from the rollup's histogram, and the report says so
    ResponseEntity<byte[]> national = get("admin.nasional", "/api/staff/reports/ID/" + year + "/" + month + ".xlsx");
    assertThat(national.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(national.getBody()))) {
      assertThat(cellsOf(workbook.getSheet("Ringkasan"))).contains("Catatan", PdfReport.APPROXIMATE_NOTE);
    }

    ResponseEntity<byte[]> pdf = get("supervisor.bali", "/api/staff/reports/51/" + year + "/" + month + ".pdf");
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    PdfReader reader = new PdfReader(pdf.getBody());
    try {
      String first = new PdfTextExtractor(reader).getTextFromPage(1);
      assertThat(first).contains("Laporan Pengelolaan Pengaduan Provinsi Bali").contains("Ringkasan")
          .contains("Tingkat penyelesaian (%)");
      assertThat(new PdfTextExtractor(reader).getTextFromPage(reader.getNumberOfPages())).contains("Kab. Bangli");
    } finally {
      reader.close();
    }
  }

  @Test
  void isScopedAndNamesWhatIsWrong() {
    assertThat(get("supervisor.bali", "/api/staff/reports/35/" + year + ".csv").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("admin.bangli", "/api/staff/reports/51/" + year + ".pdf").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("penghubung.bangli.dinkes", "/api/staff/reports/51.06/" + year + "/complaints.csv").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/api/staff/reports/51.06/" + year + ".csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertProblem(get("admin.bangli", "/api/staff/reports/51.06/" + year + ".docx"), "format");
    assertProblem(get("admin.bangli", "/api/staff/reports/51.06/" + year + "/13.csv"), "month");
    assertProblem(get("admin.bangli", "/api/staff/reports/51.06/tahun-ini.csv"), "year");
    assertProblem(get("admin.bangli", "/api/staff/reports/99.99/" + year + ".csv"), "institution");
  }

  private static List<String> cellsOf(Sheet sheet) {
    List<String> texts = new java.util.ArrayList<>();
    for (Row row : sheet) {
      row.forEach(cell -> texts.add(cell.toString()));
    }
    return texts;
  }

  private void assertProblem(ResponseEntity<byte[]> response, String field) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).contains("\"" + field + "\"");
  }

  private JsonNode figures(String code, String from, String to) throws Exception {
    return json.readTree(http.withBasicAuth("admin.bangli", "demo").getForEntity(
        "/api/staff/supervision/figures?institution=" + code + "&from=" + from + "&to=" + to, String.class).getBody());
  }

  private static List<CSVRecord> parse(byte[] body) throws Exception {
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\ufeff");
    return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
  }

  private ResponseEntity<byte[]> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
  }
}
