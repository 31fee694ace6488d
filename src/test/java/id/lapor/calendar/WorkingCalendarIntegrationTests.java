package id.lapor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.support.LaporTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Operators keep the holidays current through the API; health says when a year is missing. */
@LaporTest
class WorkingCalendarIntegrationTests {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired WorkingCalendar calendar;

  @Test
  void shipsThe2026HolidaysAndShowsThemToStaff() throws Exception {
    ResponseEntity<String> response = http.withBasicAuth("admin.bangli", "demo")
        .getForEntity("/api/staff/holidays/2026", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode year = json.readTree(response.getBody());
    assertThat(year.get("status").asText()).isEqualTo("LOADED");
    JsonNode holidays = year.get("holidays");
    assertThat(holidays).hasSize(25);
    assertThat(holidays.findValuesAsText("date")).contains("2026-03-19", "2026-03-23", "2026-12-24");
    assertThat(http.getForEntity("/api/staff/holidays/2026", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void letsOnlyOperatorsReplaceAYearAndRefusesABadFileWhole() throws Exception {
    String csv = "date,kind,name\n2030-01-01,LIBUR_NASIONAL,Tahun Baru 2030 Masehi\n";
    assertThat(put("admin.bangli", 2030, csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> bad = put("demo", 2030,
        "date,kind,name\n2030-01-01,LIBUR_NASIONAL,Tahun Baru\n2031-02-01,CUTI_BERSAMA,Salah tahun\n2030-05-xx,LIBUR,X\n");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("line 4", "2031-02-01");
    assertThat(calendar.isLoaded(2030)).as("nothing stored").isFalse();
    assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2030, 1, 1))).as("New Year's Day is law, loaded or not")
        .isFalse();

    ResponseEntity<String> ok = put("demo", 2030, csv);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(ok.getBody()).get("holidays").findValuesAsText("name"))
        .containsExactly("Tahun Baru 2030 Masehi");
    assertThat(calendar.isLoaded(2030)).isTrue();
    assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2030, 5, 1))).as("only the list counts once loaded")
        .isTrue();
  }

  @Test
  void healthWarnsUntilThisAndNextYearHaveHolidays() throws Exception {
    List<Integer> missing = calendar.missingYears();
    if (!missing.isEmpty()) {
      JsonNode health = json.readTree(http.withBasicAuth("demo", "demo")
          .getForEntity("/actuator/health", String.class).getBody());
      assertThat(health.at("/components/workingCalendar/status").asText()).isEqualTo("WARNING");
      assertThat(health.at("/components/workingCalendar/details/missingYears").toString())
          .contains(String.valueOf(missing.get(0)));
      assertThat(health.get("status").asText()).isEqualTo("WARNING");
    }
    for (int year : missing) {
      assertThat(put("demo", year, "date,kind,name\n" + year + "-01-01,LIBUR_NASIONAL,Tahun Baru " + year + "\n")
          .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    ResponseEntity<String> health = http.withBasicAuth("demo", "demo").getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(health.getBody()).at("/components/workingCalendar/status").asText()).isEqualTo("UP");
  }

  private ResponseEntity<String> put(String user, int year, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return http.withBasicAuth(user, "demo").exchange("/api/staff/holidays/" + year, HttpMethod.PUT,
        new HttpEntity<>(csv, headers), String.class);
  }
}
