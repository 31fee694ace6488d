package id.lapor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.complaint.Complaints;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Each finding of the outside test, as a case: bad types, impossible numbers and dates are refused
 * with the field named instead of being stored; every error of the API is problem+json, whatever part
 * of the stack answers it (Spring Security, no handler, a wrong method or media type).
 */
@LaporTest
class ApiErrorsIntegrationTests {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired Complaints complaints;
  @Autowired ComplaintIntake intake;

  @Test
  void jsonTypesNumbersAndDatesAreWhatTheApiDocuments() throws Exception {
    long before = complaints.count();
    assertRefused(complaint(Map.of("title", 123)), "title");
    assertRefused(complaint(Map.of("location", Map.of("latitude", "NaN", "longitude", 115.3))), "location.latitude");
    assertRefused("{\"classification\":\"PENGADUAN\",\"title\":\"t\",\"description\":\"d\",\"category\":\"KESEHATAN\","
        + "\"regionCode\":\"51.06\",\"privacy\":\"ANONYMOUS\",\"location\":{\"latitude\":1e400,\"longitude\":1}}",
        "location.latitude");
    assertRefused(complaint(Map.of("incidentDate", "-999999999-01-01")), "incidentDate");
    assertRefused(complaint(Map.of("incidentDate", "1949-12-31")), "incidentDate");
    assertThat(complaints.count()).as("nothing stored").isEqualTo(before);

    var s = intake.submit(ComplaintFixtures.aPublicComplaintIn(ComplaintFixtures.BANGLI));
    ResponseEntity<String> rating = post("/api/complaints/" + s.trackingNumber() + "/reply",
        "{\"followUpToken\":\"" + s.followUpToken() + "\",\"decision\":\"ACCEPT\",\"rating\":1.5}");
    assertThat(rating.getStatusCode().value()).isEqualTo(400);
    assertThat(rating.getBody()).contains("rating");
  }

  @Test
  void everyErrorOfTheApiIsAProblemWithItsStatus() throws Exception {
    assertProblem(http.getForEntity("/api/staff/complaints?page=2147483647&size=200", String.class), 401);
    assertProblem(http.withBasicAuth("demo", "demo").getForEntity("/api/staff/complaints?page=2147483647&size=200",
        String.class), 400);
    assertProblem(http.withBasicAuth("admin.bangli", "demo").getForEntity("/api/staff/notifications", String.class),
        403);
    assertProblem(http.getForEntity("/api/nothing-here", String.class), 404);
    assertProblem(http.exchange("/api/complaints", HttpMethod.DELETE, null, String.class), 405);
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    assertProblem(http.postForEntity("/api/complaints", new HttpEntity<>("hallo", text), String.class), 415);
    HttpHeaders browser = new HttpHeaders();
    browser.setAccept(java.util.List.of(MediaType.TEXT_HTML));
    assertProblem(http.exchange("/api/nothing-here", HttpMethod.GET, new HttpEntity<>(browser), String.class), 404);
    HttpHeaders noBoundary = new HttpHeaders();
    noBoundary.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data");
    noBoundary.set("Follow-Up-Token", "x");
    var s = intake.submit(ComplaintFixtures.aPublicComplaintIn(ComplaintFixtures.BANGLI));
    assertProblem(http.postForEntity("/api/complaints/" + s.trackingNumber() + "/attachments",
        new HttpEntity<>("--x--", noBoundary), String.class), 400);
  }

  private void assertRefused(String body, String field) throws Exception {
    ResponseEntity<String> r = post("/api/complaints", body);
    assertThat(r.getStatusCode().value()).as(body).isEqualTo(400);
    JsonNode problem = json.readTree(r.getBody());
    assertThat(problem.path("errors").findValuesAsText("field")).as(r.getBody()).contains(field);
  }

  private void assertProblem(ResponseEntity<String> r, int status) throws Exception {
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
    assertThat(r.getHeaders().getContentType()).as(r.getBody()).isNotNull();
    assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(r.getBody());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
  }

  private String complaint(Map<String, Object> override) throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("classification", "PENGADUAN", "title",
        "Jalan rusak", "description", "Jalan berlubang di depan sekolah.", "category", "INFRASTRUKTUR",
        "regionCode", "51.06", "privacy", "ANONYMOUS", "incidentDate", "2026-11-01"));
    body.putAll(override);
    return json.writeValueAsString(body);
  }

  private ResponseEntity<String> post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}
