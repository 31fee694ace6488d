package id.lapor.models;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.models.DeploymentRules.Problem;
import id.lapor.models.DeploymentRules.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a deployment from outside may hold, checked without an engine: the shipped models pass; code,
 * unknown processes, system start events, engine calls and non-conforming SOPs are refused with the
 * rule and the element named.
 */
class DeploymentRulesTests {

  static final Set<String> DELEGATES = Set.of("taskDecisions", "archiveComplaintDelegate", "resolveComplaintDelegate",
      "escalateComplaintDelegate", "recordSupervisionDelegate", "forwardComplaintToOpdDelegate",
      "postFollowUpDelegate", "handOverComplaintDelegate", "addressComplaintToRegencyDelegate",
      "disposeComplaintDelegate", "remindOpdDelegate", "reopenComplaintDelegate", "requestInformationDelegate",
      "returnComplaintToRegencyDelegate", "referComplaintToNationalAdminDelegate", "recordFirstResponseDelegate",
      "findDistrictOfficeDelegate", "recordFollowUpReviewDelegate");
  static final Set<String> FORMS = Set.of("VerifyComplaint", "VerifyComplaintNationally", "DisposeComplaint",
      "PrepareFollowUp", "SuperviseOverdueComplaint", "CoordinateFirstResponse", "ReviewFollowUp");

  final DeploymentRules rules = new DeploymentRules(DELEGATES,
      name -> DELEGATES.contains(name) || Set.of("identityService", "runtimeService", "complaintIntake").contains(name),
      FORMS::contains);

  @Test
  void acceptsEveryShippedModelSharedOrForItsRegion() throws Exception {
    Map<String, byte[]> shared = read(Stream.concat(Files.list(Path.of("processes")), Files.list(Path.of("forms"))));
    assertThat(shared).hasSizeGreaterThan(5);
    assertThat(rules.check(shared)).extracting(Problem::message).isEmpty();
    List<Path> regions;
    try (Stream<Path> folders = Files.list(Path.of("processes"))) {
      regions = folders.filter(Files::isDirectory).toList();
    }
    assertThat(regions).extracting(p -> p.getFileName().toString()).contains("35.10", "19.03");
    for (Path region : regions) {
      assertThat(rules.check(read(Files.list(region)), region.getFileName().toString()))
          .as(region.toString()).extracting(Problem::message).isEmpty();
    }
  }

  @Test
  void refusesARegionsCopyOfTheNationalModelButTakesItsPlugIns() throws Exception {
    Map<String, byte[]> copy = Map.of("ComplaintHandling.bpmn",
        Files.readAllBytes(Path.of("processes/ComplaintHandling.bpmn")));
    assertThat(rules.check(copy)).as("shared, it is the national model").isEmpty();
    assertThat(rules.check(copy, "51.06")).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(DeploymentRules.Rule.ONE_NATIONAL_MODEL);
      assertThat(p.message()).contains("ComplaintHandling", "plug-ins (FirstResponse, FollowUpReview)", "51.06");
    });
    assertThat(rules.check(read(Files.list(Path.of("processes/35.10"))), "51.06")).isEmpty();
  }

  private static Map<String, byte[]> read(Stream<Path> paths) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    try (paths) {
      paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).forEach(p -> {
        try {
          resources.put(p.toString(), Files.readAllBytes(p));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    return resources;
  }

  @Test
  void refusesATimerThatMakesTheDesignerAnOperator() {
    String bpmn = process("ComplaintHandling", """
        <startEvent id="StartEvent_Hourly"><timerEventDefinition><timeCycle>R/PT1M</timeCycle></timerEventDefinition>
          <outgoing>Flow_1</outgoing></startEvent>
        <serviceTask id="Task_Grant" camunda:expression="${identityService.createMembership('perancang','camunda-admin')}">
          <incoming>Flow_1</incoming></serviceTask>
        <sequenceFlow id="Flow_1" sourceRef="StartEvent_Hourly" targetRef="Task_Grant" />
        """);
    List<Problem> problems = rules.check(Map.of("Escalation.bpmn", bytes(bpmn)));
    assertThat(problems).extracting(Problem::rule).contains(Rule.STARTS_WITH_A_COMPLAINT, Rule.NO_CODE);
    assertThat(problems).filteredOn(p -> p.rule() == Rule.STARTS_WITH_A_COMPLAINT).singleElement()
        .satisfies(p -> assertThat(p.elementId()).isEqualTo("StartEvent_Hourly"));
    assertThat(problems).filteredOn(p -> p.rule() == Rule.NO_CODE).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Task_Grant", "camunda:expression"));
  }

  @Test
  void refusesExpressionsThatReachTheEngineOrTheApplication() {
    for (String expression : List.of("${identityService}", "${execution.getProcessEngineServices()}",
        "${execution.processEngineServices.identityService}", "${complaintIntake.submit(null)}",
        "${execution.setVariable('a', 1)}", "${task.complete()}", "${''.getClass().forName('java.lang.Runtime')}",
        "${x['y']}")) {
      String bpmn = process("ComplaintHandling", """
          <startEvent id="StartEvent_Received"><outgoing>Flow_1</outgoing></startEvent>
          <userTask id="Task_VerifyComplaint" camunda:candidateGroups="%s" camunda:dueDate="${verificationDue}"
              camunda:formRef="VerifyComplaint" camunda:formRefBinding="latest"><incoming>Flow_1</incoming></userTask>
          <sequenceFlow id="Flow_1" sourceRef="StartEvent_Received" targetRef="Task_VerifyComplaint" />
          """.formatted(expression.replace("'", "&apos;")));
      assertThat(rules.check(Map.of("ComplaintHandling.bpmn", bytes(bpmn)))).as(expression)
          .anySatisfy(p -> {
            assertThat(p.rule()).isEqualTo(Rule.SAFE_EXPRESSIONS);
            assertThat(p.elementId()).isEqualTo("Task_VerifyComplaint");
          });
    }
  }

  @Test
  void acceptsTheExpressionsModelsUse() {
    ExpressionRules expressions = new ExpressionRules(DELEGATES::contains);
    for (String ok : List.of("${opdCode}", "opd-liaisons-${opdCode}", "${supervisionAction == 'PUSH'}",
        "${verificationDecision == 'MERGE' || verificationDecision == 'TRANSFER'}",
        "${execution.getVariable('districtOfficeCode') != null}", "${!empty x && y != 'A'}",
        "${execution.processBusinessKey}", "${now()}", "${a > 3 ? 'x' : 'y'}")) {
      assertThat(expressions.problem(ok)).as(ok).isEmpty();
    }
    assertThat(expressions.problem("${taskDecisions}")).as("a delegate outside delegateExpression").isPresent();
  }

  @Test
  void refusesScriptsClassesConnectorsAndUnknownDelegates() {
    String bpmn = process("ComplaintHandling", """
        <startEvent id="StartEvent_Received"><outgoing>Flow_1</outgoing></startEvent>
        <scriptTask id="Task_Script" scriptFormat="javascript"><incoming>Flow_1</incoming><outgoing>Flow_2</outgoing>
          <script>java.lang.Runtime.getRuntime().exec('id')</script></scriptTask>
        <serviceTask id="Task_Class" camunda:class="com.example.Evil"><incoming>Flow_2</incoming><outgoing>Flow_3</outgoing></serviceTask>
        <serviceTask id="Task_Bean" camunda:delegateExpression="${identityService}"><incoming>Flow_3</incoming>
          <outgoing>Flow_4</outgoing></serviceTask>
        <serviceTask id="Task_Connector"><extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId>
          </camunda:connector></extensionElements><incoming>Flow_4</incoming></serviceTask>
        <sequenceFlow id="Flow_1" sourceRef="StartEvent_Received" targetRef="Task_Script" />
        <sequenceFlow id="Flow_2" sourceRef="Task_Script" targetRef="Task_Class" />
        <sequenceFlow id="Flow_3" sourceRef="Task_Class" targetRef="Task_Bean" />
        <sequenceFlow id="Flow_4" sourceRef="Task_Bean" targetRef="Task_Connector" />
        """);
    List<Problem> problems = rules.check(Map.of("ComplaintHandling.bpmn", bytes(bpmn)));
    assertThat(problems).filteredOn(p -> p.rule() == Rule.NO_CODE).extracting(Problem::elementId)
        .contains("Task_Script", "Task_Class", "Task_Bean", "Task_Connector");
  }

  @Test
  void refusesAComplaintProcessThatEndsWithoutClosingTheComplaint() {
    String bpmn = process("ComplaintHandling", """
        <startEvent id="StartEvent_Received"><outgoing>Flow_1</outgoing></startEvent>
        <endEvent id="EndEvent_Done"><incoming>Flow_1</incoming></endEvent>
        <sequenceFlow id="Flow_1" sourceRef="StartEvent_Received" targetRef="EndEvent_Done" />
        """);
    assertThat(rules.check(Map.of("ComplaintHandling.bpmn", bytes(bpmn)))).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.SOP_CONFORMANCE);
      assertThat(p.elementId()).isEqualTo("EndEvent_Done");
      assertThat(p.message()).contains("a complaint only ends resolved, archived with a reason");
    });
  }

  @Test
  void refusesOtherProcessesFilesAndDecisionLanguages() {
    String other = process("Anything", "<startEvent id=\"StartEvent_X\" />");
    String juelDmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
          <decision id="SopDeadlines" name="SOP"><decisionTable id="t">
            <input id="i"><inputExpression id="ie" typeRef="string" expressionLanguage="juel"><text>${identityService}</text></inputExpression></input>
            <output id="o" name="x" typeRef="string" />
            <rule id="r"><inputEntry id="e"><text>function(a) external {java: {class: "java.lang.Runtime", method signature: "exec(java.lang.String)"}}</text></inputEntry>
              <outputEntry id="oe"><text>"a"</text></outputEntry></rule>
          </decisionTable></decision>
        </definitions>
        """;
    List<Problem> problems = rules.check(Map.of("Other.bpmn", bytes(other), "SopDeadlines.dmn", bytes(juelDmn),
        "run.sh", bytes("id")));
    assertThat(problems).extracting(Problem::rule).contains(Rule.KNOWN_PROCESSES, Rule.FEEL_ONLY, Rule.ONLY_MODELS);
    assertThat(problems).filteredOn(p -> p.rule() == Rule.FEEL_ONLY).extracting(Problem::elementId)
        .contains("ie", "e");
  }

  static String process(String id, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="http://lapor.id/test">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="180">
          %s
          </process>
        </definitions>
        """.formatted(id, body).strip();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
