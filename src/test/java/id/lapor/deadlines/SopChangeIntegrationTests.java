package id.lapor.deadlines;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.casework.ComplaintTasks;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.LaporTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import id.lapor.complaint.Classification;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A process designer changes Bangli's follow-up deadline from 5 to 3 working days by adding one row
 * to {@code SopDeadlines.dmn} and deploying it from Camunda Modeler (the REST call Modeler makes):
 * new complaints get 3 days, complaints already at the OPD keep their 5.
 */
@LaporTest
class SopChangeIntegrationTests {

  static final Instant TUESDAY_10_MARCH_0900_WITA = Instant.parse("2026-03-10T01:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired SopDeadlines sop;

  @AfterEach
  void restoreTheShippedTable() throws Exception {
    casework.resetClock();
    repositoryService.createDeployment().name("restore-shipped-sop")
        .addString("processes/SopDeadlines.dmn", shippedDmn()).deploy();
  }

  @Test
  void aRowIsEvaluatedOncePerVersionOfTheTableNotWithEveryComplaint() throws Exception {
    // a new version of the table, of which no row has been read yet
    repositoryService.createDeployment().name("sop-again").addString("processes/SopDeadlines.dmn", shippedDmn())
        .deploy();
    long evaluations = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(SopDeadlines.DECISION_KEY).count();
    SopParameters first = sop.forRegion(BANGLI, Classification.PENGADUAN);
    SopParameters again = sop.forRegion(BANGLI, Classification.PENGADUAN);
    assertThat(again).isEqualTo(first);
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(SopDeadlines.DECISION_KEY)
        .count()).as("evaluated for the first lookup only").isEqualTo(evaluations + 1);
  }

  @Test
  void newComplaintsGetTheDesignersNewDeadlineWhileRunningOnesKeepTheirs() throws Exception {
    casework.setClock(TUESDAY_10_MARCH_0900_WITA);
    String before = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(before, BANGLI_DINKES);

    String bangliRow = """
          <rule id="Rule_Bangli">
            <description>Kab. Bangli: follow-up within 3 working days</description>
            <inputEntry id="InputEntry_Bangli_Region"><text>"51.06"</text></inputEntry>
            <inputEntry id="InputEntry_Bangli_Classification"><text></text></inputEntry>
            <outputEntry id="OutputEntry_Bangli_SopRow"><text>"bangli"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_Verification"><text>"3 working days"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_DistrictResponse"><text>"1 working day"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_FollowUp"><text>"3 working days"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_SecondEscalation"><text>"5 working days"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_Supervision"><text>"3 working days"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_Reply"><text>"10 working days"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_SanctionNotice"><text>"no"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_Supplement"><text>"30 days"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_FirstEscalationTo"><text>"PROVINCE"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_SecondEscalationTo"><text>"NATIONAL"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_Reminder"><text>"80%"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_Extension"><text>"3 working days"</text></outputEntry>
            <outputEntry id="OutputEntry_Bangli_MaxTransfers"><text>"2"</text></outputEntry>
          </rule>
        """;
    String edited = shippedDmn().replace("      <rule id=\"Rule_NationalDefault\">",
        bangliRow + "      <rule id=\"Rule_NationalDefault\">");
    var deployed = deployFromModeler("perancang", edited);
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);

    String after = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.forward(after, BANGLI_DINKES);

    // 3 working days from Tue 10 March: 11, 12, 13 March, 16:00 WITA
    assertThat(casework.task(after, ComplaintTasks.DISPOSE_COMPLAINT).getDueDate())
        .isEqualTo(Date.from(Instant.parse("2026-03-13T08:00:00Z")));
    // forwarded before the change: still 5 working days, 17 March
    assertThat(casework.task(before, ComplaintTasks.DISPOSE_COMPLAINT).getDueDate())
        .isEqualTo(Date.from(Instant.parse("2026-03-17T08:00:00Z")));
  }

  @Test
  void onlyProcessDesignersMayDeploy() throws Exception {
    assertThat(deployFromModeler("admin.bangli", shippedDmn()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deployFromModeler("demo", shippedDmn()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<String> deployFromModeler(String user, String dmn) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("deployment-name", "SopDeadlines (Camunda Modeler)");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("deploy-changed-only", "true");
    parts.add("SopDeadlines.dmn", new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "SopDeadlines.dmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(parts, headers), String.class);
  }

  private static String shippedDmn() throws Exception {
    return Files.readString(Path.of("processes/SopDeadlines.dmn"));
  }
}
