package id.lapor.security;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.BANYUWANGI;
import static id.lapor.support.ComplaintFixtures.COMPLAINANT_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what: every demo role (and an anonymous caller) against every sensitive operation,
 * through the real HTTP doors (Camunda REST with its authorizations and tenants, the staff API with
 * its scopes). A failure prints the whole matrix of differences. A second test fails when an
 * endpoint appears under {@code /api} that this matrix has not classified.
 */
@LaporTest
class AccessMatrixIntegrationTests {

  static final List<String> CALLERS = List.of("(anonymous)", "demo", "perancang", "admin.nasional",
      "supervisor.bali", "supervisor.jatim", "admin.bangli", "penghubung.bangli.dinkes", "petugas.bangli.dinkes",
      "admin.banyuwangi", "bupati.banyuwangi", "penghubung.banyuwangi.dinkes");

  /** Where the matrix is written down for people; this test reads it from there. */
  static final Path TABLE = Path.of("docs/security.md");

  /**
   * Operation → the callers allowed, as docs/security.md's table "Who may do what" says (✓ allowed,
   * · refused); everyone else must be refused (401, 403 or 404) or see nothing.
   */
  static Map<String, Set<String>> expected() throws IOException {
    List<String> lines = Files.readAllLines(TABLE);
    int start = lines.indexOf("<!-- access-matrix -->");
    assertThat(start).as("the marked table in " + TABLE).isNotNegative();
    List<String> header = cells(lines.get(start + 1));
    assertThat(header.subList(2, header.size())).as("the table's callers").containsExactlyElementsOf(CALLERS);
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    for (String line : lines.subList(start + 3, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      List<String> row = cells(line);
      Set<String> allowed = new TreeSet<>();
      for (int i = 2; i < row.size(); i++) {
        assertThat(row.get(i)).as(line).isIn("✓", "·");
        if (row.get(i).equals("✓")) {
          allowed.add(CALLERS.get(i - 2));
        }
      }
      expected.put(row.get(0), allowed);
    }
    return expected;
  }

  private static List<String> cells(String line) {
    String inner = line.strip().replaceAll("^\\||\\|$", "");
    return java.util.Arrays.stream(inner.split("\\|")).map(String::strip)
        .map(c -> c.replaceAll("^`|`$", "")).toList();
  }

  /** Every endpoint under /api and how the matrix (or the public contract) covers it. */
  static final Map<String, String> CLASSIFIED = Map.ofEntries(
      Map.entry("GET /api/staff/login-locks", "operators (StaffSessionIntegrationTests)"),
      Map.entry("GET /api/staff/tasks/{taskId}/card", "staff: a task they may see, in scope (StaffWorkIntegrationTests)"),
      Map.entry("GET /api/staff/complaints/{trackingNumber}/progress",
          "staff by scope, as the complaint (StaffWorkIntegrationTests)"),
      Map.entry("GET /api/staff/me", "staff: about themselves (StaffWorkIntegrationTests)"),
      Map.entry("DELETE /api/staff/login-locks/{account}", "operators (StaffSessionIntegrationTests)"),
      Map.entry("POST /api/complaints", "public: submission (rate limited)"),
      Map.entry("GET /api/complaints/{trackingNumber}", "public: status; confidential content needs the token"),
      Map.entry("POST /api/complaints/{trackingNumber}/supplement", "public: needs the follow-up token"),
      Map.entry("POST /api/complaints/{trackingNumber}/reply", "public: needs the follow-up token"),
      Map.entry("GET /api/staff/complaints", "matrix: staff list"),
      Map.entry("GET /api/staff/complaints/{trackingNumber}", "matrix: staff detail"),
      Map.entry("GET /api/staff/traffic-lights", "matrix: traffic lights"),
      Map.entry("GET /api/staff/institutions", "staff: the public registry of institutions"),
      Map.entry("GET /api/staff/institutions/{code}", "staff: the public registry of institutions"),
      Map.entry("POST /api/staff/institutions", "matrix: register an institution"),
      Map.entry("GET /api/staff/holidays/{year}", "staff: the public holiday calendar"),
      Map.entry("PUT /api/staff/holidays/{year}", "operators (WorkingCalendarIntegrationTests)"),
      Map.entry("POST /api/staff/process-migrations", "operators (ProcessMigrationIntegrationTests)"),
      Map.entry("POST /api/staff/privacy/re-encryption", "matrix: re-encrypt"),
      Map.entry("GET /api/staff/notifications", "operators (NotificationsIntegrationTests)"),
      Map.entry("POST /api/complaints/{trackingNumber}/attachments", "public: needs the follow-up token"),
      Map.entry("GET /api/staff/open311/keys", "operators (Open311IntegrationTests)"),
      Map.entry("POST /api/staff/complaints/{trackingNumber}/unmerge",
          "the regency's admins (TransfersAndMergesIntegrationTests)"),
      Map.entry("GET /api/staff/routing/stems", "staff: designers' tool, no complaint data (RoutingIntegrationTests)"),
      Map.entry("GET /api/staff/routing/suggestion", "staff: designers' tool, no complaint data (RoutingIntegrationTests)"),
      Map.entry("POST /api/staff/open311/keys", "operators (Open311IntegrationTests)"),
      Map.entry("DELETE /api/staff/open311/keys/{id}", "operators (Open311IntegrationTests)"),
      Map.entry("GET /api/complaints/{trackingNumber}/attachments/{attachmentId}",
          "public: public complaints' images/PDFs, else the token (AttachmentsIntegrationTests)"),
      Map.entry("GET /api/staff/complaints/{trackingNumber}/attachments/{attachmentId}",
          "staff by scope (AttachmentsIntegrationTests)"),
      Map.entry("POST /api/staff/notifications/{id}/retry", "operators (NotificationsIntegrationTests)"),
      Map.entry("GET /api/staff/supervision/units", "staff: own levels (SupervisionFiguresIntegrationTests)"),
      Map.entry("GET /api/staff/supervision/notices",
          "staff: warnings about the installation, no complaint data (ProvisionalDeadlinesIntegrationTests)"),
      Map.entry("GET /api/public-reports", "public: published complaints only (PublicReportsIntegrationTests)"),
      Map.entry("GET /api/public-reports/nearby", "public: published complaints only (PublicReportsIntegrationTests)"),
      Map.entry("GET /api/staff/supervision/figures", "scoped per level (SupervisionFiguresIntegrationTests)"),
      Map.entry("GET /api/staff/supervision/overdue", "scoped per level (SupervisionFiguresIntegrationTests)"),
      Map.entry("POST /api/staff/supervision/projection/rebuild", "operators (ProjectionIntegrationTests)"),
      Map.entry("GET /api/staff/supervision/connectivity", "scoped per level (ConnectivityIntegrationTests)"),
      Map.entry("PUT /api/staff/institutions/{code}/decree", "operators (ConnectivityIntegrationTests)"),
      Map.entry("GET /api/staff/institutions/{code}/decree/document",
          "staff: a public decree (ConnectivityIntegrationTests)"),
      Map.entry("GET /api/staff/reports/{institution}/{year}.{format}", "scoped per level (ReportsIntegrationTests)"),
      Map.entry("GET /api/staff/reports/{institution}/{year}/{month}.{format}",
          "scoped per level (ReportsIntegrationTests)"),
      Map.entry("GET /api/staff/reports/{institution}/{year}/complaints.csv",
          "scoped per level (ReportsIntegrationTests)"),
      Map.entry("GET /api/staff/reports/{institution}/{year}/{month}/complaints.csv",
          "scoped per level (ReportsIntegrationTests)"));

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  String bangli;
  String banyuwangi;
  String bangliTask;
  String bangliInstance;

  @BeforeEach
  void twoComplaintsAtTheirOpds() {
    bangli = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(bangli, BANGLI_DINKES);
    var task = casework.task(bangli, ComplaintTasks.DISPOSE_COMPLAINT);
    bangliTask = task.getId();
    bangliInstance = task.getProcessInstanceId();

    NewComplaint base = ComplaintFixtures.complaint(BANYUWANGI, Privacy.ANONYMOUS);
    banyuwangi = intake.submit(new NewComplaint(base.classification(), base.title(), base.description(),
        base.category(), base.incidentDate(), new Location(BANYUWANGI, "Muncar", null, null), base.channel(),
        base.privacy(), base.complainant())).trackingNumber();
    casework.complete(banyuwangi, ComplaintTasks.VERIFY_COMPLAINT, "admin.banyuwangi", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, "35.10.dinkes"));
  }

  @Test
  void everyRoleMayDoExactlyWhatDocsSecurityTableAllows() throws IOException {
    Map<String, Set<String>> expected = expected();
    Map<String, BiFunction<String, TestRestTemplate, Boolean>> operations = operations();
    assertThat(operations.keySet()).as("operations tested = rows of the table in " + TABLE)
        .containsExactlyElementsOf(expected.keySet());
    List<String> wrong = new ArrayList<>();
    for (String caller : CALLERS) {
      TestRestTemplate client = caller.startsWith("(") ? http : http.withBasicAuth(caller, "demo");
      for (var op : operations.entrySet()) {
        boolean allowed = op.getValue().apply(caller, client);
        boolean shouldBe = expected.get(op.getKey()).contains(caller);
        if (allowed != shouldBe) {
          wrong.add(String.format("%-28s %-45s %s", caller, op.getKey(),
              allowed ? "ALLOWED but should be refused" : "REFUSED but should be allowed"));
        }
      }
    }
    assertThat(wrong).as("access matrix differences:\n" + String.join("\n", wrong)).isEmpty();
  }

  @Test
  void everyApplicationEndpointIsClassified() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String path : info.getPatternValues()) {
        if (path.startsWith("/api/")) {
          info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + path));
        }
      }
    }
    assertThat(endpoints).as("endpoints under /api that AccessMatrixIntegrationTests has not classified "
        + "(add each to CLASSIFIED and, if it exposes complaints, to the matrix)")
        .isSubsetOf(CLASSIFIED.keySet());
    assertThat(CLASSIFIED.keySet()).as("classified endpoints that no longer exist").isSubsetOf(endpoints);
  }

  private Map<String, BiFunction<String, TestRestTemplate, Boolean>> operations() {
    Map<String, BiFunction<String, TestRestTemplate, Boolean>> ops = new LinkedHashMap<>();
    ops.put("list Bangli Dinkes's task (engine REST)", (who, c) -> count(c,
        "/engine-rest/task/count?processInstanceBusinessKey=" + bangli) > 0);
    ops.put("read Bangli Dinkes's task", (who, c) -> ok(c.getForEntity("/engine-rest/task/" + bangliTask, String.class)));
    ops.put("open its form (complaint text)", (who, c) -> {
      ResponseEntity<String> r = c.getForEntity("/engine-rest/task/" + bangliTask + "/form-variables", String.class);
      return ok(r) && r.getBody().contains("Obat hipertensi");
    });
    ops.put("claim it", (who, c) -> {
      boolean done = ok(c.postForEntity("/engine-rest/task/" + bangliTask + "/claim",
          jsonEntity("{\"userId\":\"" + who + "\"}"), String.class));
      if (done) {
        http.withBasicAuth("demo", "demo").postForEntity("/engine-rest/task/" + bangliTask + "/unclaim",
            jsonEntity("{}"), String.class);
      }
      return done;
    });
    ops.put("comment on it", (who, c) -> ok(c.postForEntity("/engine-rest/task/" + bangliTask + "/comment/create",
        jsonEntity("{\"message\":\"matrix\"}"), String.class)));
    ops.put("write a variable of it", (who, c) -> {
      boolean done = ok(c.exchange("/engine-rest/task/" + bangliTask + "/localVariables/matrixProbe", HttpMethod.PUT,
          jsonEntity("{\"value\":\"x\",\"type\":\"String\"}"), String.class));
      taskService.removeVariableLocal(bangliTask, "matrixProbe");
      return done;
    });
    ops.put("read Bangli instance variables", (who, c) -> ok(c.getForEntity(
        "/engine-rest/process-instance/" + bangliInstance + "/variables", String.class)));
    ops.put("suspend the Bangli instance", (who, c) -> {
      boolean done = ok(c.exchange("/engine-rest/process-instance/" + bangliInstance + "/suspended", HttpMethod.PUT,
          jsonEntity("{\"suspended\":true}"), String.class));
      if (done) {
        http.withBasicAuth("demo", "demo").exchange("/engine-rest/process-instance/" + bangliInstance + "/suspended",
            HttpMethod.PUT, jsonEntity("{\"suspended\":false}"), String.class);
      }
      return done;
    });
    ops.put("read Bangli history", (who, c) -> count(c,
        "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + bangli) > 0);
    ops.put("read Banyuwangi history", (who, c) -> count(c,
        "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + banyuwangi) > 0);
    ops.put("deploy a SOP decision table", (who, c) -> {
      ResponseEntity<String> r = c.postForEntity("/engine-rest/deployment/create", probeDeployment(), String.class);
      if (ok(r)) {
        String id = read(r.getBody()).get("id").asText();
        http.withBasicAuth("demo", "demo").exchange("/engine-rest/deployment/" + id + "?cascade=true",
            HttpMethod.DELETE, null, String.class);
        return true;
      }
      return false;
    });
    ops.put("deploy a model that runs code", (who, c) -> {
      ResponseEntity<String> r = c.postForEntity("/engine-rest/deployment/create", deployment("ComplaintHandling.bpmn",
          CODE_MODEL.getBytes(java.nio.charset.StandardCharsets.UTF_8)), String.class);
      if (ok(r)) {
        repositoryService.deleteDeployment(read(r.getBody()).get("id").asText(), true);
        return true;
      }
      return false;
    });
    ops.put("delete a deployment", (who, c) -> {
      String id = repositoryService.createDeployment().name("matrix-delete").addInputStream("SopDeadlines.dmn",
          new java.io.ByteArrayInputStream(readShippedSop())).deploy().getId();
      boolean done = ok(c.exchange("/engine-rest/deployment/" + id, HttpMethod.DELETE, null, String.class));
      if (!done) {
        repositoryService.deleteDeployment(id, true);
      }
      return done;
    });
    ops.put("staff list shows the Bangli complaint", (who, c) -> {
      ResponseEntity<String> r = c.getForEntity("/api/staff/complaints?size=200", String.class);
      return ok(r) && r.getBody().contains(bangli);
    });
    ops.put("staff detail of the Bangli complaint", (who, c) ->
        ok(c.getForEntity("/api/staff/complaints/" + bangli, String.class)));
    ops.put("Bangli complainant's identity", (who, c) -> {
      ResponseEntity<String> r = c.getForEntity("/api/staff/complaints/" + bangli, String.class);
      return ok(r) && r.getBody().contains(COMPLAINANT_EMAIL);
    });
    ops.put("anonymous Banyuwangi complainant's identity", (who, c) -> {
      ResponseEntity<String> r = c.getForEntity("/api/staff/complaints/" + banyuwangi, String.class);
      return ok(r) && r.getBody().contains(COMPLAINANT_EMAIL);
    });
    ops.put("traffic lights of Bali", (who, c) -> ok(c.getForEntity("/api/staff/traffic-lights?regionCode=51",
        String.class)));
    ops.put("register an institution", (who, c) -> {
      ResponseEntity<String> r = c.postForEntity("/api/staff/institutions", jsonEntity(
          "{\"code\":\"51.06.matrix\",\"name\":\"Matrix\",\"kind\":\"OPD\",\"parentCode\":\"51.06\","
              + "\"timeZone\":\"Asia/Makassar\"}"), String.class);
      return r.getStatusCode().is2xxSuccessful() || r.getStatusCode().value() == 409;
    });
    ops.put("rebuild the supervision read model", (who, c) -> ok(c.postForEntity(
        "/api/staff/supervision/projection/rebuild", null, String.class)));
    ops.put("see held logins", (who, c) -> ok(c.getForEntity("/api/staff/login-locks", String.class)));
    ops.put("re-encrypt personal data", (who, c) -> ok(c.postForEntity("/api/staff/privacy/re-encryption",
        jsonEntity("{}"), String.class)));
    return ops;
  }

  private long count(TestRestTemplate c, String url) {
    ResponseEntity<String> r = c.getForEntity(url, String.class);
    return ok(r) ? read(r.getBody()).get("count").asLong() : 0;
  }

  private static boolean ok(ResponseEntity<String> r) {
    int status = r.getStatusCode().value();
    assertThat(status).as("a refusal is 401, 403 or 404, never an error: " + r.getBody())
        .isNotIn(500, 502, 503);
    return r.getStatusCode().is2xxSuccessful();
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }

  private static HttpEntity<String> jsonEntity(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  /** A model that runs code of its own: a deployment nobody may make. */
  static final String CODE_MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://lapor.id/probe">
        <process id="ComplaintHandling" isExecutable="true" camunda:historyTimeToLive="1">
          <startEvent id="StartEvent_Timer"><timerEventDefinition><timeCycle>R/PT1M</timeCycle></timerEventDefinition>
          </startEvent>
          <scriptTask id="Task_Script" scriptFormat="groovy"><script>1</script></scriptTask>
        </process>
      </definitions>
      """.strip();

  private static byte[] readShippedSop() {
    try {
      return Files.readAllBytes(Path.of("processes/SopDeadlines.dmn"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A deployment a process designer may make: the shipped SOP table, as Camunda Modeler sends it. */
  private static HttpEntity<LinkedMultiValueMap<String, Object>> probeDeployment() {
    return deployment("SopDeadlines.dmn", readShippedSop());
  }

  private static HttpEntity<LinkedMultiValueMap<String, Object>> deployment(String name, byte[] content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "matrix-probe");
    form.add("data", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(form, headers);
  }
}
