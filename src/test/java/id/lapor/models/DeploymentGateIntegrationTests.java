package id.lapor.models;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.aPublicComplaintIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.intake.ComplaintIntake;
import id.lapor.support.LaporTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Process designers deploy SOPs and nothing else: what Camunda Modeler sends is checked before it is
 * accepted, a refusal names the rule and the element, and nothing of a refused deployment exists
 * afterwards. Models deployed before the rules existed cannot reach the engine either.
 */
@LaporTest
class DeploymentGateIntegrationTests {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ComplaintIntake intake;

  @Test
  void aModelThatWouldMakeTheDesignerAnOperatorIsRefusedAndNothingIsDeployed() {
    String escalation = DeploymentRulesTests.process("ComplaintHandling", """
        <startEvent id="StartEvent_Hourly"><timerEventDefinition><timeCycle>R/PT15S</timeCycle></timerEventDefinition>
          <outgoing>Flow_1</outgoing></startEvent>
        <serviceTask id="Task_Grant" camunda:expression="${identityService.createMembership('perancang','camunda-admin')}">
          <incoming>Flow_1</incoming><outgoing>Flow_2</outgoing></serviceTask>
        <endEvent id="EndEvent_Done"><incoming>Flow_2</incoming></endEvent>
        <sequenceFlow id="Flow_1" sourceRef="StartEvent_Hourly" targetRef="Task_Grant" />
        <sequenceFlow id="Flow_2" sourceRef="Task_Grant" targetRef="EndEvent_Done" />
        """);
    long deployments = repositoryService.createDeploymentQuery().count();
    ResponseEntity<String> r = deploy("perancang", "Escalation", "ComplaintHandling.bpmn", escalation, null);

    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody()).contains("STARTS_WITH_A_COMPLAINT", "StartEvent_Hourly", "NO_CODE", "Task_Grant",
        "camunda:expression");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(managementService.createJobQuery().timers().processDefinitionKey("ComplaintHandling")
        .list()).noneMatch(j -> j.getProcessInstanceId() == null);
    assertThat(identityService.createUserQuery().userId("perancang").memberOfGroup("camunda-admin").count()).isZero();
  }

  @Test
  void aComplaintProcessThatSkipsHandlingIsRefusedAndComplaintsKeepTheirProcess() {
    String startToEnd = DeploymentRulesTests.process("ComplaintHandling", """
        <startEvent id="StartEvent_Received"><outgoing>Flow_1</outgoing></startEvent>
        <endEvent id="EndEvent_Done"><incoming>Flow_1</incoming></endEvent>
        <sequenceFlow id="Flow_1" sourceRef="StartEvent_Received" targetRef="EndEvent_Done" />
        """);
    ResponseEntity<String> r = deploy("perancang", "Bangli SOP", "ComplaintHandling.bpmn", startToEnd, BANGLI);

    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody()).contains("SOP_CONFORMANCE", "EndEvent_Done", "a complaint only ends resolved",
        "ONE_NATIONAL_MODEL");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("ComplaintHandling")
        .tenantIdIn(BANGLI).count()).isZero();
    String next = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(next).rootProcessInstances().active().count())
        .isEqualTo(1);
  }

  @Test
  void aRegionDeploysItsPlugInButNotACopyOfTheNationalModel() throws Exception {
    String national = java.nio.file.Files.readString(java.nio.file.Path.of("processes/ComplaintHandling.bpmn"));
    ResponseEntity<String> copy = deploy("perancang", "Bangli copy", "ComplaintHandling.bpmn", national, BANGLI);
    assertThat(copy.getStatusCode().value()).isEqualTo(400);
    assertThat(copy.getBody()).contains("ONE_NATIONAL_MODEL", "plug-ins (FirstResponse, FollowUpReview)");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("ComplaintHandling")
        .tenantIdIn(BANGLI).count()).isZero();

    String review = java.nio.file.Files.readString(java.nio.file.Path.of("processes/19.03/FollowUpReview.bpmn"));
    ResponseEntity<String> plugIn = deploy("perancang", "Bangli review", "FollowUpReview.bpmn", review, BANGLI);
    assertThat(plugIn.getStatusCode().value()).as(plugIn.getBody()).isEqualTo(200);
    var deployed = repositoryService.createProcessDefinitionQuery().processDefinitionKey("FollowUpReview")
        .tenantIdIn(BANGLI).singleResult();
    try {
      assertThat(deployed).isNotNull();
      // Bangli's next complaint calls Bangli's review
      String next = intake.submit(aPublicComplaintIn(BANGLI)).trackingNumber();
      var pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(next).rootProcessInstances()
          .singleResult();
      assertThat(runtimeService.getVariable(pi.getId(), "followUpReviewTenant")).isEqualTo(BANGLI);
    } finally {
      repositoryService.deleteDeployment(deployed.getDeploymentId(), true);
    }
  }

  @Test
  void expressionsOfAnyModelReachNoEngineServiceAndNoApplicationComponent() {
    for (String expression : List.of("${execution.getProcessEngineServices().getIdentityService()"
        + ".createMembership('perancang','camunda-admin')}", "${identityService.createMembership('perancang',"
        + "'camunda-admin')}", "${execution.processEngineServices.identityService}")) {
      // as if deployed before the rules existed: the start-up deployer's trust lets it in unchecked
      Deployment old = TrustedDeployments.run(() -> repositoryService.createDeployment().name("old-model")
          .addString("Old.bpmn", DeploymentRulesTests.process("OldModel", """
              <startEvent id="StartEvent_1"><outgoing>Flow_1</outgoing></startEvent>
              <userTask id="Task_1" camunda:assignee="%s"><incoming>Flow_1</incoming></userTask>
              <sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_1" />
              """.formatted(expression.replace("'", "&apos;")))).deploy());
      try {
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("OldModel")).as(expression)
            .hasMessageMatching("(?s).*(may not|Cannot resolve identifier|Unknown property).*");
      } finally {
        repositoryService.deleteDeployment(old.getId(), true);
      }
    }
    assertThat(identityService.createUserQuery().userId("perancang").memberOfGroup("camunda-admin").count())
        .isZero();
  }

  @Test
  void operatorsDeletingDeploymentsAndDesignersNot() {
    Deployment shipped = repositoryService.createDeploymentQuery().deploymentName("lapor").list().stream()
        .findFirst().orElseGet(() -> repositoryService.createDeploymentQuery().list().get(0));
    assertThat(http.withBasicAuth("perancang", "demo").exchange("/engine-rest/deployment/" + shipped.getId()
        + "?cascade=true", org.springframework.http.HttpMethod.DELETE, null, String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(shipped.getId()).count()).isEqualTo(1);
  }

  private ResponseEntity<String> deploy(String user, String name, String file, String content, String tenant) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    if (tenant != null) {
      parts.add("tenant-id", tenant);
    }
    parts.add(file, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return file;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(parts, headers), String.class);
  }
}
