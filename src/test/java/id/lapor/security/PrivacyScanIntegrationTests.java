package id.lapor.security;

import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The privacy scan: a complaint goes through its whole life (verification with the admin looking at
 * the complainant's contact, forwarding, escalation, supervision, follow-up, dispute, second
 * follow-up, acceptance), then every table of the database (every Camunda ACT_* table, history
 * included, and the application's own) and everything logged are searched for the complainant's
 * name, e-mail and phone. Nothing may be found: the contact sits only in the complainant table,
 * encrypted.
 */
@LaporTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyScanIntegrationTests {

  static final String NAME = "Ketut Privasiwati";
  static final String EMAIL = "ketut.privasiwati@example.org";
  static final String PHONE = "+6281299887766";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired Casework casework;
  @Autowired JdbcTemplate jdbc;
  @Autowired Complaints complaints;
  @Autowired TransactionTemplate tx;

  @Test
  void personalDataIsNowhereButEncryptedInItsOwnTable(CapturedOutput output) throws Exception {
    JsonNode submitted = json.readTree(http.postForEntity("/api/complaints", jsonEntity("""
        {"classification":"PENGADUAN","title":"Pungutan liar di puskesmas",
         "description":"Petugas meminta uang tambahan untuk surat rujukan.","category":"KESEHATAN",
         "regionCode":"51.06","location":{"district":"Susut"},"privacy":"PUBLIC",
         "complainant":{"name":"%s","email":"%s","phone":"%s"}}
        """.formatted(NAME, EMAIL, PHONE)), String.class).getBody());
    String tn = submitted.get("trackingNumber").asText();
    String token = submitted.get("followUpToken").asText();

    String verify = casework.task(tn, ComplaintTasks.VERIFY_COMPLAINT).getId();
    ResponseEntity<String> form = http.withBasicAuth("admin.bangli", "demo")
        .getForEntity("/engine-rest/task/" + verify + "/form-variables", String.class);
    assertThat(form.getBody()).as("the verifying admin sees the contact").contains(EMAIL);
    for (String other : java.util.List.of("supervisor.bali", "admin.nasional")) {
      ResponseEntity<String> read = http.withBasicAuth(other, "demo")
          .getForEntity("/engine-rest/task/" + verify + "/form-variables", String.class);
      assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(read.getBody()).as(other + " reads the form but not the contact").doesNotContain(EMAIL, NAME, PHONE)
          .contains("Hanya untuk admin");
    }
    casework.forward(tn, BANGLI_DINKES);
    casework.dispose(tn, "petugas.bangli.dinkes");
    String pi = casework.task(tn, ComplaintTasks.PREPARE_FOLLOW_UP).getProcessInstanceId();
    casework.advanceClockPast(casework.task(tn, ComplaintTasks.PREPARE_FOLLOW_UP).getDueDate());
    casework.fireDueTimers(pi);
    casework.complete(tn, ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT, "supervisor.bali", Map.of(
        ProcessVariables.SUPERVISION_ACTION, "PUSH", ProcessVariables.SUPERVISION_NOTE, "Segera jawab."));
    casework.postFollowUp(tn, "Petugas sudah ditegur; uang dikembalikan.");
    reply(tn, "{\"followUpToken\":\"" + token + "\",\"decision\":\"DISPUTE\",\"rating\":2,"
        + "\"comment\":\"Belum dikembalikan.\"}");
    casework.postFollowUp(tn, "Uang sudah dikembalikan kemarin.");
    reply(tn, "{\"followUpToken\":\"" + token + "\",\"decision\":\"ACCEPT\",\"rating\":5}");
    casework.resetClock();
    assertThat(complaints.getByTrackingNumber(tn).getStatus()).isEqualTo(ComplaintStatus.RESOLVED);

    List<String> found = new ArrayList<>();
    List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
        + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class);
    assertThat(tables).as("the scan covers Camunda's runtime and history tables and the application's")
        .contains("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY", "ACT_HI_OP_LOG",
            "COMPLAINT", "TIMELINE_ENTRY", "COMPLAINANT");
    for (String table : tables) {
      jdbc.query("select * from \"" + table + "\"", rs -> {
        int columns = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= columns; i++) {
          String value = text(rs.getObject(i));
          for (String secret : List.of(NAME, EMAIL, PHONE)) {
            if (value != null && value.contains(secret)) {
              found.add(table + "." + rs.getMetaData().getColumnName(i) + " holds " + secret);
            }
          }
        }
      });
    }
    assertThat(found).as("personal data found in the database").isEmpty();
    assertThat(jdbc.queryForList("select email from complainant", String.class))
        .as("stored encrypted").allMatch(e -> e == null || e.startsWith("v1:"));
    assertThat(output.getAll()).as("logs").doesNotContain(NAME, EMAIL, PHONE);

    // key rotation: operators re-encrypt; the staff API still reads the contact
    assertThat(http.withBasicAuth("demo", "demo").postForEntity("/api/staff/privacy/re-encryption",
        jsonEntity("{}"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("admin.bangli", "demo").getForEntity("/api/staff/complaints/" + tn, String.class)
        .getBody()).contains(EMAIL);
  }

  private void reply(String tn, String body) {
    ResponseEntity<String> r = http.postForEntity("/api/complaints/" + tn + "/reply", jsonEntity(body), String.class);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
  }

  private static String text(Object value) {
    try {
      if (value instanceof byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      if (value instanceof Blob blob) {
        return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
      }
      if (value instanceof Clob clob) {
        return clob.getSubString(1, (int) clob.length());
      }
      return value == null ? null : value.toString();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpEntity<String> jsonEntity(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
