package id.lapor.models;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.models.ComplaintProcessRules.Rule;
import id.lapor.models.ComplaintProcessRules.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every BPMN file in {@code processes/} (the shared SOP and each regency's variant) keeps the rules
 * of {@link ComplaintProcessRules}; and each rule, broken on purpose, is reported in words that
 * tell the designer what to change.
 */
class ComplaintProcessRulesTests {

  static final Path PROCESSES = Path.of("processes");
  static final Path SHARED = PROCESSES.resolve("ComplaintHandling.bpmn");

  @TestFactory
  Stream<DynamicTest> everyProcessModelInTheRepositoryConforms() throws IOException {
    Set<String> forms = formKeys();
    List<Path> models;
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).as("the shared model and at least one regency variant").hasSizeGreaterThanOrEqualTo(2);
    return models.stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
      List<Violation> violations = ComplaintProcessRules.check(Bpmn.readModelFromFile(path.toFile()), forms);
      assertThat(violations).as(path + " breaks the SOP conformance rules:\n"
          + violations.stream().map(Violation::toString).collect(Collectors.joining("\n"))).isEmpty();
    }));
  }

  @Test
  void aUserTaskWithoutDueDateBreaksTheDeadlineRule() {
    assertThat(broken(m -> m.<UserTask>getModelElementById("Task_PrepareFollowUp").setCamundaDueDate(null)))
        .singleElement().satisfies(v -> {
          assertThat(v.rule()).isEqualTo(Rule.WAIT_HAS_DEADLINE);
          assertThat(v.toString()).contains("every wait has a deadline", "Task_PrepareFollowUp", "camunda:dueDate");
        });
  }

  @Test
  void aHardCodedTimerBreaksTheSopTableRule() {
    assertThat(broken(m -> m.getModelElementsByType(TimeDate.class).stream()
        .filter(t -> t.getTextContent().contains("supplementDue")).findFirst().orElseThrow().setTextContent("P30D")))
        .singleElement().satisfies(v -> {
          assertThat(v.rule()).isEqualTo(Rule.DEADLINES_FROM_SOP_TABLE);
          assertThat(v.toString()).contains("Event_SupplementPeriodElapsed", "P30D", "SopDeadlines");
        });
  }

  @Test
  void anOpdStageWithoutEscalationTimersBreaksTheEscalationRule() {
    List<Violation> violations = broken(m -> {
      SubProcess opd = m.getModelElementById("SubProcess_HandleComplaintAtOpd");
      opd.getChildElementsByType(SubProcess.class).forEach(opd::removeChildElement);
    });
    assertThat(violations).extracting(Violation::rule).containsOnly(Rule.OPD_WAIT_IS_WATCHED);
    assertThat(violations).extracting(Violation::elementId)
        .containsExactlyInAnyOrder("Task_DisposeComplaint", "Task_PrepareFollowUp");
  }

  @Test
  void anEndWithoutClosingTheComplaintBreaksTheEndingRule() {
    List<Violation> violations = broken(m -> {
      SequenceFlow forwarded = m.getModelElementById("Flow_ToFirstResponse");
      EndEvent archived = m.getModelElementById("EndEvent_ComplaintArchived");
      forwarded.setTarget(archived);
      archived.getIncoming().add(forwarded);
    });
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(Rule.ENDS_RESOLVED_ARCHIVED_OR_TRANSFERRED);
      assertThat(v.toString()).contains("EndEvent_ComplaintArchived", "reached from Task_ForwardComplaintToOpd");
    });
  }

  @Test
  void aTaskForNobodyAndAMissingFormAreReported() {
    List<Violation> violations = broken(m -> {
      UserTask verify = m.getModelElementById("Task_VerifyComplaint");
      verify.setCamundaCandidateGroups(null);
      verify.setCamundaFormRef("VerifyComplaintV2");
    });
    assertThat(violations).extracting(Violation::rule)
        .containsExactlyInAnyOrder(Rule.SOMEBODY_HAS_THE_TASK, Rule.FORMS_EXIST);
    assertThat(violations).extracting(Violation::toString)
        .anySatisfy(s -> assertThat(s).contains("nothing waits with no task for anyone", "Task_VerifyComplaint"))
        .anySatisfy(s -> assertThat(s).contains("VerifyComplaintV2", "forms/"));
  }

  private static List<Violation> broken(Consumer<BpmnModelInstance> breakIt) {
    BpmnModelInstance model = Bpmn.readModelFromFile(SHARED.toFile());
    assertThat(ComplaintProcessRules.check(model, formKeys())).as("the shipped model conforms").isEmpty();
    breakIt.accept(model);
    return ComplaintProcessRules.check(model, formKeys());
  }

  static Set<String> formKeys() {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".form"))
          .map(n -> n.substring(0, n.length() - ".form".length())).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
