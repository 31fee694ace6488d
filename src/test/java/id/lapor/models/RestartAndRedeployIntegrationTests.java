package id.lapor.models;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.LaporApplication;
import id.lapor.casework.ComplaintTasks;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default as an operator runs it: a file database that survives restarts, the demo
 * loaded once, and the designers' folders redeployed without new versions unless a file changed.
 * Runs in a JVM of its own (see the pom): closing an application context tears down Camunda's
 * JVM-wide engine registry, which the shared test context's REST API relies on.
 */
class RestartAndRedeployIntegrationTests {

  @TempDir static Path work;
  static Path processes;
  static Path forms;

  @BeforeAll
  static void copyModels() throws IOException {
    processes = copy(Path.of("processes"), work.resolve("processes"));
    forms = copy(Path.of("forms"), work.resolve("forms"));
  }

  @AfterAll
  static void removeDatabase() throws IOException {
    try (Stream<Path> files = Files.walk(work.resolve("data"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // the temp dir is removed by JUnit anyway
    }
  }

  @Test
  void keepsComplaintsAndWaitingTasksAcrossRestartsAndVersionsOnlyChangedModels() throws IOException {
    String trackingNumber;
    try (var app = start()) {
      Complaints complaints = app.getBean(Complaints.class);
      assertThat(complaints.count()).as("demo complaints").isGreaterThanOrEqualTo(12);
      assertThat(complaints.findAll()).extracting(c -> c.getStatus()).contains(ComplaintStatus.values());
      // every state a newcomer should see, made by the process with its clocks moved as the tests do
      assertThat(complaints.findAll()).extracting(c -> c.getEscalationLevel().name())
          .as("escalated to the regent's office, the province and the nation").contains("REGENT", "PROVINCE", "NATIONAL");
      assertThat(complaints.findAll()).filteredOn(c -> c.trafficLight(java.time.Instant.now())
          .filter(l -> l == id.lapor.complaint.TrafficLight.OVERDUE).isPresent()).as("overdue").hasSizeGreaterThanOrEqualTo(3);
      assertThat(complaints.findAll()).filteredOn(c -> c.getReopenCount() > 0).as("disputed and reopened").isNotEmpty();
      assertThat(app.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery()
          .taskDefinitionKey(ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT).count()).as("supervisors' tasks").isPositive();

      trackingNumber = app.getBean(ComplaintIntake.class)
          .submit(ComplaintFixtures.aPublicComplaintIn(ComplaintFixtures.BANGLI)).trackingNumber();
      app.getBean(Casework.class).forward(trackingNumber, ComplaintFixtures.BANGLI_DINKES);
      assertThat(versions(app)).containsExactlyInAnyOrder("ComplaintHandling:1", "SopDeadlines:1", "Routing:1",
          "FirstResponse:1", "FollowUpReview:1", "VerifyComplaint:1", "VerifyComplaintNationally:1",
          "DisposeComplaint:1", "PrepareFollowUp:1", "SuperviseOverdueComplaint:1", "CoordinateFirstResponse:1",
          "ReviewFollowUp:1");
      assertThat(banyuwangiVersion(app)).as("Banyuwangi's own plug-in, in its tenant").isEqualTo(1);
      assertThat(app.getBean(RepositoryService.class).getDeploymentResourceNames(definition(app).getDeploymentId()))
          .as("relative resource names").contains("processes/ComplaintHandling.bpmn", "processes/SopDeadlines.dmn",
              "forms/VerifyComplaint.form");
    }

    long complaintsBeforeRestart;
    try (var app = start()) {
      complaintsBeforeRestart = app.getBean(Complaints.class).count();
      assertThat(app.getBean(Complaints.class).getByTrackingNumber(trackingNumber).getStatus())
          .isEqualTo(ComplaintStatus.FORWARDED);
      assertThat(app.getBean(Casework.class).task(trackingNumber, ComplaintTasks.DISPOSE_COMPLAINT)).isNotNull();
      assertThat(app.getBean(RepositoryService.class).createDeploymentQuery().count())
          .as("unchanged files make no new deployment (shared, Banyuwangi's and Bangka Selatan's)").isEqualTo(3);
      app.getBean(Casework.class).dispose(trackingNumber, "petugas.bangli.dinkes");
      assertThat(app.getBean(Casework.class).task(trackingNumber, ComplaintTasks.PREPARE_FOLLOW_UP)).isNotNull();
    }

    Path bpmn = processes.resolve("ComplaintHandling.bpmn");
    Files.writeString(bpmn, Files.readString(bpmn).replace("SOP nasional SP4N-LAPOR!:",
        "SOP nasional SP4N-LAPOR! (diubah):"));
    try (var app = start()) {
      assertThat(app.getBean(Complaints.class).count()).as("demo not loaded twice").isEqualTo(complaintsBeforeRestart);
      assertThat(versions(app)).contains("ComplaintHandling:1", "ComplaintHandling:2", "SopDeadlines:1",
          "VerifyComplaint:1").doesNotContain("SopDeadlines:2", "VerifyComplaint:2");
      String running = app.getBean(RuntimeService.class).createProcessInstanceQuery()
          .processInstanceBusinessKey(trackingNumber).rootProcessInstances().singleResult().getProcessDefinitionId();
      assertThat(running).as("running complaints move to the new version at start-up")
          .startsWith("ComplaintHandling:2:");
      assertThat(app.getBean(Casework.class).task(trackingNumber, ComplaintTasks.PREPARE_FOLLOW_UP))
          .as("still with the officer").isNotNull();
      assertThat(banyuwangiVersion(app)).as("the regency's plug-in did not change").isEqualTo(1);
    }
  }

  private static ConfigurableApplicationContext start() {
    String db = work.resolve("data").resolve("lapor").toAbsolutePath().toString();
    return new SpringApplicationBuilder(LaporApplication.class)
        .profiles("test")
        .run("--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE",
            "--lapor.models.processes-dir=" + processes,
            "--lapor.models.forms-dir=" + forms,
            "--lapor.demo.sample-complaints=true");
  }

  private static ProcessDefinition definition(ConfigurableApplicationContext app) {
    return app.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey("ComplaintHandling").withoutTenantId().latestVersion().singleResult();
  }

  private static int banyuwangiVersion(ConfigurableApplicationContext app) {
    return app.getBean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey("FirstResponse")
        .tenantIdIn("35.10").latestVersion().singleResult().getVersion();
  }

  private static Set<String> versions(ConfigurableApplicationContext app) {
    RepositoryService repository = app.getBean(RepositoryService.class);
    Set<String> all = repository.createProcessDefinitionQuery().list().stream()
        .map(d -> d.getKey() + ":" + d.getVersion()).collect(Collectors.toSet());
    repository.createDecisionDefinitionQuery().list().forEach(d -> all.add(d.getKey() + ":" + d.getVersion()));
    // forms have no query API: a form's version count is the number of deployments holding it
    repository.createDeploymentQuery().list().stream()
        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream())
        .filter(name -> name.startsWith("forms/"))
        .collect(Collectors.groupingBy(name -> name.substring(6, name.length() - 5), Collectors.counting()))
        .forEach((key, count) -> all.add(key + ":" + count));
    return all;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }
}
