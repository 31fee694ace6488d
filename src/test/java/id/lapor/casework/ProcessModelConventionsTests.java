package id.lapor.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/**
 * The conventions every BPMN file in {@code processes/} keeps (CONVENTIONS.md): hand-written ids,
 * names that say what happens, history time to live, delegates named after their tasks. What the
 * models must do (forms, groups, deadlines, endings) is the SOP conformance of
 * {@code ComplaintProcessRulesTests} and {@code SopVariantConformanceTests}. A message names the file,
 * the element and the rule.
 */
class ProcessModelConventionsTests {

  static final Pattern GENERATED_ID = Pattern.compile(
      "(Activity|Event|Gateway|Flow|StartEvent|EndEvent|Task|SubProcess|Process|DataStoreReference)_[0-9a-z]{7}");

  @Test
  void everyProcessModelKeepsTheConventions() throws IOException {
    assertThat(formIds()).as("forms named after their ids").isNotEmpty();
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        check(file, Bpmn.readModelFromFile(file.toFile()), problems);
      }
    }
    assertThat(problems).as("convention violations").isEmpty();
  }

  private static void check(Path file, BpmnModelInstance model, List<String> problems) {
    String where = file + ": ";
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!file.getFileName().toString().equals(process.getId() + ".bpmn")) {
        problems.add(where + "file name must be the process id " + process.getId() + ".bpmn");
      }
      if (process.isCamundaStartableInTasklist()) {
        problems.add(where + process.getId() + " must set camunda:isStartableInTasklist=\"false\": complaints start "
            + "through the intake, so that every process instance has its complaint");
      }
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(where + process.getId() + " needs camunda:historyTimeToLive");
      }
    }
    for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
      if (e.getId() != null && GENERATED_ID.matcher(e.getId()).matches()) {
        problems.add(where + e.getId() + " is a generated id: name it by hand (Task_VerifyComplaint …)");
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean join = node instanceof Gateway && node.getOutgoing().size() <= 1;
      boolean unnamedAllowed = join || node.getElementType().getTypeName().equals("eventBasedGateway")
          || node.getElementType().getTypeName().equals("parallelGateway");
      if (!unnamedAllowed && (node.getName() == null || node.getName().isBlank())) {
        problems.add(where + node.getId() + " needs a name in sentence case");
      }
      if (model.getModelElementsByType(BpmnShape.class).stream().noneMatch(s -> s.getBpmnElement() == node)) {
        problems.add(where + node.getId() + " has no diagram shape");
      }
    }
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() > 1) {
        if (!gateway.getName().endsWith("?")) {
          problems.add(where + gateway.getId() + " must ask a question: \"" + gateway.getName() + "\"");
        }
        for (SequenceFlow flow : gateway.getOutgoing()) {
          if (flow.getName() == null || flow.getConditionExpression() == null) {
            problems.add(where + flow.getId() + " leaves a decision: it needs the answer as name and a condition");
          }
        }
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String delegate = task.getCamundaDelegateExpression();
      if (delegate == null || !delegate.matches("\\$\\{[a-z][A-Za-z]+Delegate}")) {
        problems.add(where + task.getId() + " must call a delegate bean named after its task (${…Delegate})");
      }
    }
  }

  private static Set<String> formIds() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(f -> f.toString().endsWith(".form")).map(f -> {
        try {
          String id = json.readTree(f.toFile()).get("id").asText();
          assertThat(f.getFileName().toString()).as("form file name").isEqualTo(id + ".form");
          return id;
        } catch (IOException e) {
          throw new IllegalStateException(f + " is not valid JSON", e);
        }
      }).collect(Collectors.toSet());
    }
  }
}
