package id.lapor.intake;

import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintProcess;
import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.Complaints;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The complaint API as a client sees it, over HTTP, against the whole application. */
@LaporTest
class ComplaintApiIntegrationTests {

  static final String VALID = """
      {"classification":"PENGADUAN","title":"Obat kosong di puskesmas",
       "description":"Obat hipertensi sudah dua minggu tidak tersedia di Puskesmas Susut I.",
       "category":"KESEHATAN","regionCode":"51.06","privacy":"%s","incidentDate":"2026-11-01",
       "location":{"district":"Susut","latitude":-8.43,"longitude":115.35},
       "complainant":{"name":"Komang Testarini","email":"komang.testarini@example.org","phone":"+6281234500001"}}
      """;

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired Casework casework;
  @Autowired Complaints complaints;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;

  @Test
  void submittedComplaintReachesTheRegencyAdminAndEndsResolvedWithItsWholeTimeline() throws Exception {
    ResponseEntity<String> created = post("/api/complaints", VALID.formatted("PUBLIC"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(created.getBody());
    String trackingNumber = body.get("trackingNumber").asText();
    String token = body.get("followUpToken").asText();
    assertThat(trackingNumber).matches("LPR-2026-[2-9A-HJKMNP-Z]{6}");
    assertThat(token).hasSizeGreaterThanOrEqualTo(40);
    assertThat(body.get("statusUrl").asText()).isEqualTo("/api/complaints/" + trackingNumber);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/complaints/" + trackingNumber);

    Task verify = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber).singleResult();
    assertThat(verify.getTaskDefinitionKey()).isEqualTo(ComplaintTasks.VERIFY_COMPLAINT);
    assertThat(verify.getDueDate()).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(verify.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("regency-admins-51.06");

    casework.forward(trackingNumber, BANGLI_DINKES);
    casework.dispose(trackingNumber, "petugas.bangli.dinkes");
    casework.postFollowUp(trackingNumber, "Obat sudah tersedia kembali sejak 20 November.");
    JsonNode answered = getJson("/api/complaints/" + trackingNumber);
    assertThat(answered.get("status").asText()).isEqualTo("ANSWERED");
    assertThat(answered.get("currentDeadline").isTextual()).isTrue();

    ResponseEntity<String> reply = post("/api/complaints/" + trackingNumber + "/reply",
        "{\"followUpToken\":\"" + token + "\",\"decision\":\"ACCEPT\",\"rating\":5}");
    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<String> status = http.getForEntity("/api/complaints/" + trackingNumber, String.class);
    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = json.readTree(status.getBody());
    assertThat(view.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(view.get("laporStatus").asText()).isEqualTo("selesai");
    assertThat(view.get("open").asBoolean()).isFalse();
    assertThat(view.get("resolution").asText()).isEqualTo("ACCEPTED");
    assertThat(view.get("timeline").findValuesAsText("type")).containsExactly("SUBMITTED", "FORWARDED",
        "OPENED", "DISPOSED", "FOLLOW_UP_POSTED", "FOLLOW_UP_ACCEPTED", "RESOLVED");
    assertThat(view.get("timeline").get(1).get("label").asText()).isEqualTo("Diteruskan ke Dinas Kesehatan Kab. Bangli");
    assertThat(view.get("timeline").get(4).get("note").asText()).contains("Obat sudah tersedia");
    assertThat(view.get("trafficLight").asText()).isEqualTo("GREEN");
    assertThat(status.getBody()).doesNotContain("Komang", "example.org", "+62812", "admin.bangli", "petugas.bangli");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).rootProcessInstances().count()).isZero();
  }

  static Stream<Arguments> invalidSubmissions() {
    String valid = VALID.formatted("PUBLIC");
    return Stream.of(
        Arguments.of("missing title and description",
            valid.replace("\"title\":\"Obat kosong di puskesmas\",", "")
                .replaceAll("\"description\":\"[^\"]*\",", ""), List.of("title", "description")),
        Arguments.of("title over 150", valid.replace("Obat kosong di puskesmas", "x".repeat(151)), List.of("title")),
        Arguments.of("description over 4000",
            valid.replaceAll("\"description\":\"[^\"]*\"", "\"description\":\"" + "y".repeat(4001) + "\""),
            List.of("description")),
        Arguments.of("unknown region", valid.replace("\"51.06\"", "\"99.99\""), List.of("regionCode")),
        Arguments.of("province is not a regency", valid.replace("\"51.06\"", "\"51\""), List.of("regionCode")),
        Arguments.of("invalid enums", valid.replace("PENGADUAN", "KELUHAN").replace("\"PUBLIC\"", "\"SECRET\"")
            .replace("KESEHATAN", "health"), List.of("classification", "privacy", "category")),
        Arguments.of("future incident date", valid.replace("2026-11-01", "2099-01-01"), List.of("incidentDate")),
        Arguments.of("malformed date", valid.replace("2026-11-01", "kemarin"), List.of("incidentDate")),
        Arguments.of("latitude without longitude", valid.replace(",\"longitude\":115.35", ""),
            List.of("location.longitude")),
        Arguments.of("latitude not a number", valid.replace("-8.43", "\"utara\""), List.of("location.latitude")),
        Arguments.of("public complaint without contact", valid.replaceAll(",\\s*\"complainant\":\\{[^}]*\\}", ""),
            List.of("complainant")),
        Arguments.of("bad email", valid.replace("komang.testarini@example.org", "komang@"),
            List.of("complainant.email")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSubmissions")
  void rejectsInvalidSubmissionNamingEveryInvalidFieldAndStoresNothing(String name, String body,
      List<String> fields) throws Exception {
    long complaintsBefore = complaints.count();
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<String> response = post("/api/complaints", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrderElementsOf(fields);
    assertThat(problem.get("detail").asText()).contains(fields);
    assertThat(complaints.count()).isEqualTo(complaintsBefore);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void rejectsMalformedJsonAndEmptyBodies() throws Exception {
    for (String body : List.of("{\"classification\":", "", "[1,2]")) {
      ResponseEntity<String> response = post("/api/complaints", body);
      assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(response.getBody()).doesNotContain("Exception", "jackson", "at [Source");
    }
  }

  @Test
  void answersUnknownTrackingNumberWith404Problem() throws Exception {
    ResponseEntity<String> response = http.getForEntity("/api/complaints/LPR-2026-ZZZZZZ", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(post("/api/complaints/LPR-2026-ZZZZZZ/reply", "{\"followUpToken\":\"x\",\"decision\":\"ACCEPT\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void acceptsSupplementOnlyWithTheFollowUpTokenAndOnlyWhileInformationIsAskedFor() throws Exception {
    JsonNode created = submit("PUBLIC");
    String tn = created.get("trackingNumber").asText();
    String token = created.get("followUpToken").asText();
    String supplement = "{\"followUpToken\":\"%s\",\"text\":\"Puskesmas Susut I, loket farmasi.\"}";

    assertThat(post("/api/complaints/" + tn + "/supplement", supplement.formatted(token)).getStatusCode())
        .as("nothing asked yet").isEqualTo(HttpStatus.CONFLICT);
    casework.complete(tn, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "REQUEST_INFORMATION",
        ProcessVariables.INFORMATION_REQUEST, "Puskesmas mana?"));

    assertThat(post("/api/complaints/" + tn + "/supplement", supplement.formatted("tebakan")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("/api/complaints/" + tn + "/supplement", "{\"text\":\"tanpa token\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("/api/complaints/" + tn + "/supplement", "{\"followUpToken\":\"" + token + "\"}")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(getJson("/api/complaints/" + tn).get("status").asText()).isEqualTo("AWAITING_INFORMATION");

    assertThat(post("/api/complaints/" + tn + "/supplement", supplement.formatted(token)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode view = getJson("/api/complaints/" + tn);
    assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(view.get("timeline").findValuesAsText("type")).endsWith("INFORMATION_REQUESTED", "SUPPLEMENTED");
    assertThat(casework.task(tn, ComplaintTasks.VERIFY_COMPLAINT)).isNotNull();
    assertThat(post("/api/complaints/" + tn + "/supplement", supplement.formatted(token)).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void refusesRepliesWithoutTokenBeforeAFollowUpOrWithInvalidFields() throws Exception {
    JsonNode created = submit("PUBLIC");
    String tn = created.get("trackingNumber").asText();
    String token = created.get("followUpToken").asText();
    String url = "/api/complaints/" + tn + "/reply";

    assertThat(post(url, "{\"followUpToken\":\"salah\",\"decision\":\"ACCEPT\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> early = post(url, "{\"followUpToken\":\"" + token + "\",\"decision\":\"ACCEPT\"}");
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json.readTree(early.getBody()).get("complaintStatus").asText()).isEqualTo("SUBMITTED");

    ResponseEntity<String> invalid = post(url, "{\"followUpToken\":\"" + token + "\",\"decision\":\"DISPUTE\",\"rating\":6}");
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(invalid.getBody()).get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("rating", "comment");
    assertThat(post(url, "{\"followUpToken\":\"" + token + "\",\"decision\":\"MAYBE\"}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void showsNoContentOfAConfidentialComplaintWithoutTheToken() throws Exception {
    JsonNode created = submit("CONFIDENTIAL");
    String tn = created.get("trackingNumber").asText();
    casework.forward(tn, BANGLI_DINKES);

    String anonymousView = http.getForEntity("/api/complaints/" + tn, String.class).getBody();
    JsonNode view = json.readTree(anonymousView);
    assertThat(view.has("title")).isFalse();
    assertThat(view.has("description")).isFalse();
    assertThat(view.has("regionName")).isFalse();
    assertThat(view.get("status").asText()).isEqualTo("FORWARDED");
    assertThat(view.get("timeline").findValuesAsText("type")).containsExactly("SUBMITTED", "FORWARDED");
    assertThat(anonymousView).doesNotContain("Obat", "Dinas Kesehatan", "Bangli");

    HttpHeaders headers = new HttpHeaders();
    headers.set("Follow-Up-Token", created.get("followUpToken").asText());
    ResponseEntity<String> mine = http.exchange("/api/complaints/" + tn, HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
    assertThat(json.readTree(mine.getBody()).get("title").asText()).isEqualTo("Obat kosong di puskesmas");
    headers.set("Follow-Up-Token", "tebakan");
    assertThat(http.exchange("/api/complaints/" + tn, HttpMethod.GET, new HttpEntity<>(headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void storesNothingWhileAnOperatorHasSuspendedComplaintHandling() throws Exception {
    long complaintsBefore = complaints.count();
    repositoryService.suspendProcessDefinitionByKey(ComplaintProcess.PROCESS_KEY);
    try {
      ResponseEntity<String> response = post("/api/complaints", VALID.formatted("PUBLIC"));
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(response.getBody()).doesNotContain("Exception", "ENGINE-");
    } finally {
      repositoryService.activateProcessDefinitionByKey(ComplaintProcess.PROCESS_KEY);
    }
    assertThat(complaints.count()).isEqualTo(complaintsBefore);
    assertThat(post("/api/complaints", VALID.formatted("PUBLIC")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void engineRestNeedsHttpBasicAgainstCamundaUsers() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("supervisor.jatim", "salah").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("admin.bangli", "demo").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void taskFormShowsTheComplaintAndRefusesAnIncompleteDecisionWith400() throws Exception {
    JsonNode created = submit("ANONYMOUS");
    String tn = created.get("trackingNumber").asText();
    String taskId = casework.task(tn, ComplaintTasks.VERIFY_COMPLAINT).getId();
    TestRestTemplate admin = http.withBasicAuth("admin.bangli", "demo");

    ResponseEntity<String> variables = admin.getForEntity("/engine-rest/task/" + taskId + "/form-variables",
        String.class);
    JsonNode form = json.readTree(variables.getBody());
    assertThat(form.at("/complaintTitle/value").asText()).isEqualTo("Obat kosong di puskesmas");
    assertThat(form.at("/complaintTrackingNumber/value").asText()).isEqualTo(tn);
    assertThat(form.at("/complaintComplainant/value").asText())
        .as("the verifying admin may contact an anonymous complainant, with a warning")
        .startsWith("Anonim").contains("Komang", "example.org");
    assertThat(form.at("/opdOptions/type").asText()).isEqualTo("Json");
    assertThat(json.readTree(form.at("/opdOptions/value").asText()).findValuesAsText("value"))
        .contains("51.06.dinkes", "51.06.pupr").allMatch(code -> code.startsWith("51.06."));
    assertThat(http.withBasicAuth("supervisor.bali", "demo").getForEntity("/engine-rest/task/" + taskId
        + "/form-variables", String.class).getBody()).as("nobody else").doesNotContain("Komang", "example.org");

    ResponseEntity<String> refused = admin.postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        jsonEntity("{\"variables\":{\"verificationDecision\":{\"value\":\"FORWARD\"}}}"), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("opdCode");
    assertThat(casework.task(tn, ComplaintTasks.VERIFY_COMPLAINT).getId()).isEqualTo(taskId);

    ResponseEntity<String> accepted = admin.postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        jsonEntity("{\"variables\":{\"verificationDecision\":{\"value\":\"FORWARD\"},\"opdCode\":{\"value\":\"51.06.dinkes\"}}}"),
        String.class);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode view = getJson("/api/complaints/" + tn);
    assertThat(view.get("status").asText()).isEqualTo("FORWARDED");

    String disposeId = casework.task(tn, ComplaintTasks.DISPOSE_COMPLAINT).getId();
    JsonNode disposeForm = json.readTree(http.withBasicAuth("penghubung.bangli.dinkes", "demo")
        .getForEntity("/engine-rest/task/" + disposeId + "/form-variables", String.class).getBody());
    assertThat(disposeForm.has("complaintComplainant")).isFalse();
    assertThat(json.readTree(disposeForm.at("/officerOptions/value").asText()).findValuesAsText("value"))
        .containsExactly("petugas.bangli.dinkes");
  }

  @Test
  void publishesOpenApiAndKeepsOperatorEndpointsClosed() {
    ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
    assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(docs.getBody()).contains("/api/complaints/{trackingNumber}/reply");
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("demo", "demo").getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndMakesNoSecondComplaint() throws Exception {
    String key = java.util.UUID.randomUUID().toString();
    String body = VALID.formatted("PUBLIC");
    long before = complaints.count();
    ResponseEntity<String> first = postWithKey(key, body);
    ResponseEntity<String> retry = postWithKey(key, body);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    JsonNode a = json.readTree(first.getBody());
    JsonNode b = json.readTree(retry.getBody());
    assertThat(b.get("trackingNumber")).isEqualTo(a.get("trackingNumber"));
    assertThat(b.get("followUpToken")).as("the same token, so the app can still reply").isEqualTo(a.get("followUpToken"));
    assertThat(complaints.count()).isEqualTo(before + 1);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(a.get("trackingNumber").asText()).count()).isOne();

    ResponseEntity<String> other = postWithKey(key, body.replace("Obat kosong", "Obat habis"));
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(other.getBody()).contains("urn:lapor:problem:idempotency-key-reused");
    assertThat(postWithKey(" ", body).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(complaints.count()).isEqualTo(before + 1);
  }

  @Test
  void concurrentRequestsWithOneIdempotencyKeyMakeOneComplaint() throws Exception {
    String key = java.util.UUID.randomUUID().toString();
    String body = VALID.formatted("PUBLIC");
    long before = complaints.count();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var answers = pool.invokeAll(java.util.Collections.nCopies(4,
          (java.util.concurrent.Callable<ResponseEntity<String>>) () -> postWithKey(key, body)));
      java.util.Set<String> trackingNumbers = new java.util.HashSet<>();
      for (var answer : answers) {
        ResponseEntity<String> r = answer.get();
        assertThat(r.getStatusCode().value()).as(r.getBody()).isIn(201, 409);
        if (r.getStatusCode().value() == 201) {
          trackingNumbers.add(json.readTree(r.getBody()).get("trackingNumber").asText());
        }
      }
      assertThat(trackingNumbers).hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(complaints.count()).as("one complaint, and no orphan process instance").isEqualTo(before + 1);
  }

  private ResponseEntity<String> postWithKey(String key, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    return http.postForEntity("/api/complaints", new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode submit(String privacy) throws Exception {
    ResponseEntity<String> created = post("/api/complaints", VALID.formatted(privacy));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody());
  }

  private ResponseEntity<String> post(String url, String body) {
    return http.postForEntity(url, jsonEntity(body), String.class);
  }

  private JsonNode getJson(String url) throws Exception {
    ResponseEntity<String> response = http.getForEntity(url, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private static HttpEntity<String> jsonEntity(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
