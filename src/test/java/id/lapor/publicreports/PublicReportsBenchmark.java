package id.lapor.publicreports;

import id.lapor.LaporApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports around you with 100,000 complaints in one regency (and as many elsewhere): starts the
 * application on an H2 file database (the embedded default; demo registry, no demo complaints), writes
 * the complaints with SQL (80 % public, 10 % anonymous, 10 % confidential; 40 % with a map point; two
 * years; every status), then times the public page and the GeoJSON the way browsers and apps call them
 * (compressed), 50 times each after 10 warm-ups, and prints the 50th/95th percentile and the largest.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=id.lapor.publicreports.PublicReportsBenchmark [-Dexec.args=100000]} (docs/performance.md).
 */
public final class PublicReportsBenchmark {

  static final String[] STATUSES = {"SUBMITTED", "FORWARDED", "IN_PROGRESS", "ANSWERED", "RESOLVED", "RESOLVED",
      "RESOLVED", "ARCHIVED", "IN_PROGRESS", "FORWARDED"};
  static final String[] CATEGORIES = {"INFRASTRUKTUR", "KESEHATAN", "KEPENDUDUKAN", "PENDIDIKAN", "LINGKUNGAN",
      "AIR_LISTRIK", "BANTUAN_SOSIAL", "KETERTIBAN_UMUM", "PERIZINAN", "LAINNYA"};

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("lapor-public-reports");
    ConfigurableApplicationContext app = new SpringApplicationBuilder(LaporApplication.class).properties(
        "spring.datasource.url=jdbc:h2:file:" + dir.resolve("lapor") + ";WRITE_DELAY=0",
        "server.port=0", "lapor.demo.sample-complaints=false", "camunda.bpm.job-execution.enabled=false",
        "lapor.attachments.dir=" + dir.resolve("attachments"), "logging.level.root=warn",
        "logging.level.id.lapor=warn").run();
    try {
      JdbcTemplate sql = app.getBean(JdbcTemplate.class);
      long start = System.nanoTime();
      for (String region : List.of("51.06", "51.71")) {
        int offset = region.equals("51.06") ? 0 : size;
        sql.execute("insert into complaint (version, tracking_number, follow_up_token_hash, classification, title,"
            + " description, category, region_code, district, latitude, longitude, channel, privacy,"
            + " addressed_region_code, status, handler_code, escalation_level, escalation_count, return_count,"
            + " reopen_count, submitted_at, updated_at, language, report_count, transfer_count, deadline_extended)"
            + " select 0, 'LPR-2026-' || lpad(cast(x + " + offset + " as varchar), 6, '0'), repeat('0', 64), 'PENGADUAN',"
            + " 'Laporan nomor ' || x, 'Isi laporan ' || x,"
            + " casewhen(mod(x, 10) = 0, 'INFRASTRUKTUR', " + categoryCase() + "),"
            + " '" + region + "', 'Kecamatan ' || mod(x, 4), casewhen(mod(x, 5) < 2, -8.45 + mod(x, 100) / 1000.0, null),"
            + " casewhen(mod(x, 5) < 2, 115.35 + mod(x, 77) / 1000.0, null), 'WEB',"
            + " casewhen(mod(x, 10) < 8, 'PUBLIC', casewhen(mod(x, 10) = 8, 'ANONYMOUS', 'CONFIDENTIAL')),"
            + " '" + region + "', " + statusCase() + ", '" + region + "', 'NONE', 0, 0, 0,"
            + " dateadd('MINUTE', -x * 10, timestamp with time zone '2026-11-30 00:00:00+00'),"
            + " dateadd('MINUTE', -x * 10, timestamp with time zone '2026-11-30 00:00:00+00'), 'id', 1, 0, false"
            + " from system_range(1, " + size + ")");
      }
      sql.execute("analyze");
      System.out.printf("%,d complaints in Kab. Bangli and as many in Kota Denpasar written in %.1f s%n", size,
          (System.nanoTime() - start) / 1e9);

      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      HttpClient http = HttpClient.newHttpClient();
      Map<String, String> calls = new LinkedHashMap<>();
      calls.put("page: open reports of the regency (20)", "/laporan?regionCode=51.06");
      calls.put("page: one category, open", "/laporan?regionCode=51.06&category=KESEHATAN");
      calls.put("page: finished, page 50", "/laporan?regionCode=51.06&status=closed&page=50");
      calls.put("page: the province, all states", "/laporan?regionCode=51&status=all");
      calls.put("GeoJSON: open (100)", "/api/public-reports?regionCode=51.06");
      calls.put("GeoJSON: map, with a point (500)", "/api/public-reports?regionCode=51.06&located=true&size=500");
      calls.put("GeoJSON: all states, page 200 (100)", "/api/public-reports?regionCode=51.06&status=all&page=200");
      calls.put("nearby: point", "/api/public-reports/nearby?regionCode=51.06&lat=-8.40&lon=115.38");
      System.out.printf("%n%-40s %8s %8s %8s %9s%n", "call", "p50 ms", "p95 ms", "max ms", "KB (gz)");
      for (var call : calls.entrySet()) {
        List<Double> times = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 60; i++) {
          long t = System.nanoTime();
          HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
              + call.getValue())).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
          double ms = (System.nanoTime() - t) / 1e6;
          if (response.statusCode() != 200) {
            throw new IllegalStateException(call.getValue() + " answered " + response.statusCode());
          }
          if (i >= 10) {
            times.add(ms);
          }
          bytes = response.body().length;
        }
        Collections.sort(times);
        System.out.printf("%-40s %8.1f %8.1f %8.1f %9.1f%n", call.getKey(), times.get(times.size() / 2),
            times.get((int) Math.ceil(times.size() * 0.95) - 1), times.get(times.size() - 1), bytes / 1024.0);
      }
    } finally {
      app.close();
    }
  }

  private static String categoryCase() {
    StringBuilder s = new StringBuilder("case mod(x, 9)");
    for (int i = 0; i < 9; i++) {
      s.append(" when ").append(i).append(" then '").append(CATEGORIES[i + 1]).append("'");
    }
    return s.append(" end").toString();
  }

  private static String statusCase() {
    StringBuilder s = new StringBuilder("case mod(x, " + STATUSES.length + ")");
    for (int i = 0; i < STATUSES.length; i++) {
      s.append(" when ").append(i).append(" then '").append(STATUSES[i]).append("'");
    }
    return s.append(" end").toString();
  }
}
