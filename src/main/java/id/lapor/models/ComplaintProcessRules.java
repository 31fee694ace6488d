package id.lapor.models;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The rules every variant of the complaint process must keep, whatever a process designer changes
 * (the "SOP conformance" of {@code processes/}): a complaint only ends resolved, archived with a
 * reason, or merged/transferred; every wait has a deadline from the SOP table; every OPD wait is
 * watched by a timer; nothing waits without a task for somebody or a timer. Each broken rule is
 * reported with the element and what to change, in words a designer can act on.
 */
public final class ComplaintProcessRules {

  /**
   * Delegates that end a complaint's instance properly; an end event at process level must follow
   * one: resolve, archive, merge or transfer, and address to a regency (which starts the complaint's
   * handling again in that regency's tenant).
   */
  public static final Set<String> CLOSING_DELEGATES = Set.of(
      "${resolveComplaintDelegate}", "${archiveComplaintDelegate}",
      "${handOverComplaintDelegate}", "${addressComplaintToRegencyDelegate}");

  private ComplaintProcessRules() {}

  /**
   * Checks a complaint-process model.
   *
   * @param model the parsed BPMN
   * @param formKeys the Camunda Forms available (ids of the files in {@code forms/})
   * @return the broken rules, empty when the model conforms
   */
  public static List<Violation> check(BpmnModelInstance model, Set<String> formKeys) {
    List<Violation> violations = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      endings(process, violations);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      userTask(task, formKeys, violations);
    }
    for (EventBasedGateway gateway : model.getModelElementsByType(EventBasedGateway.class)) {
      boolean timer = gateway.getOutgoing().stream().map(SequenceFlow::getTarget)
          .anyMatch(t -> t instanceof IntermediateCatchEvent e && has(e.getEventDefinitions(), TimerEventDefinition.class));
      if (!timer) {
        violations.add(new Violation(Rule.WAIT_HAS_DEADLINE, gateway.getId(),
            "the event-based gateway waits without a timer branch; add one with a deadline from SopDeadlines"));
      }
    }
    for (IntermediateCatchEvent event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
      boolean message = has(event.getEventDefinitions(), MessageEventDefinition.class);
      boolean afterGateway = event.getIncoming().stream().allMatch(f -> f.getSource() instanceof EventBasedGateway);
      if (message && !afterGateway) {
        violations.add(new Violation(Rule.WAIT_HAS_DEADLINE, event.getId(),
            "waits for a message with no timer beside it; put it behind an event-based gateway with a timer"));
      }
    }
    for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
      violations.add(new Violation(Rule.WAIT_HAS_DEADLINE, task.getId(),
          "receive tasks wait without a deadline; use a message catch event behind an event-based gateway with a timer"));
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String value = timerValue(timer);
      if (value == null || !value.strip().matches("\\$\\{\\s*[A-Za-z][A-Za-z0-9]*\\s*}")) {
        violations.add(new Violation(Rule.DEADLINES_FROM_SOP_TABLE, ((ModelElementInstance) timer.getParentElement())
            .getAttributeValue("id"), "the timer is \"" + value + "\"; take it from a deadline variable such as "
            + "${followUpDue}, computed from the SopDeadlines table, so it follows the working-day calendar"));
      }
    }
    return violations;
  }

  private static void endings(Process process, List<Violation> violations) {
    for (EndEvent end : process.getChildElementsByType(EndEvent.class)) {
      if (has(end.getEventDefinitions(), TerminateEventDefinition.class)
          || has(end.getEventDefinitions(), ErrorEventDefinition.class)) {
        violations.add(new Violation(Rule.ENDS_RESOLVED_ARCHIVED_OR_TRANSFERRED, end.getId(),
            "the complaint process may not be terminated or fail with an error at its top level; end it after "
            + "\"Close complaint as resolved\" or \"Archive complaint\""));
        continue;
      }
      for (SequenceFlow in : end.getIncoming()) {
        FlowNode source = in.getSource();
        String delegate = source instanceof ServiceTask task ? task.getCamundaDelegateExpression() : null;
        if (delegate == null || !CLOSING_DELEGATES.contains(delegate.replace(" ", ""))) {
          violations.add(new Violation(Rule.ENDS_RESOLVED_ARCHIVED_OR_TRANSFERRED, end.getId(),
              "reached from " + source.getId() + ", which does not close the complaint; only "
              + "resolve, archive (with a reason), merge or transfer service tasks may lead to an end event"));
        }
      }
    }
  }

  private static void userTask(UserTask task, Set<String> formKeys, List<Violation> violations) {
    String groups = task.getCamundaCandidateGroups();
    boolean someone = (groups != null && !groups.isBlank()) || task.getCamundaAssignee() != null;
    if (!someone) {
      violations.add(new Violation(Rule.SOMEBODY_HAS_THE_TASK, task.getId(),
          "the user task has no candidate groups; name the group that must act, e.g. opd-officers-${opdCode}"));
    }
    String due = task.getCamundaDueDate();
    if (due == null || !due.strip().startsWith("${")) {
      violations.add(new Violation(Rule.WAIT_HAS_DEADLINE, task.getId(),
          "the user task has no due date from the SOP; set camunda:dueDate to a deadline variable such as ${followUpDue}"));
    }
    String form = task.getCamundaFormRef();
    if (form == null || !formKeys.contains(form)) {
      violations.add(new Violation(Rule.FORMS_EXIST, task.getId(),
          "the user task's form \"" + form + "\" is not one of the Camunda Forms in forms/ " + formKeys));
    }
    if (groups != null && groups.contains("opd-") && !watchedByTimer(task)) {
      violations.add(new Violation(Rule.OPD_WAIT_IS_WATCHED, task.getId(),
          "an OPD task must be watched by a timer (a boundary timer, or a timer event sub-process or boundary "
          + "timer on an enclosing sub-process) so that a late OPD is escalated"));
    }
  }

  private static boolean watchedByTimer(FlowNode node) {
    ModelElementInstance current = node;
    while (current != null && !(current instanceof Process)) {
      if (current instanceof FlowNode flowNode && hasBoundaryTimer(flowNode)) {
        return true;
      }
      if (current instanceof SubProcess sub && sub.getChildElementsByType(SubProcess.class).stream()
          .filter(SubProcess::triggeredByEvent)
          .flatMap(es -> es.getChildElementsByType(StartEvent.class).stream())
          .anyMatch(start -> has(start.getEventDefinitions(), TimerEventDefinition.class))) {
        return true;
      }
      current = current.getParentElement();
    }
    return false;
  }

  private static boolean hasBoundaryTimer(FlowNode node) {
    return node.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
        .filter(b -> Objects.equals(b.getAttachedTo(), node))
        .anyMatch(b -> has(b.getEventDefinitions(), TimerEventDefinition.class));
  }

  private static String timerValue(TimerEventDefinition timer) {
    TimeDate date = timer.getTimeDate();
    TimeDuration duration = timer.getTimeDuration();
    TimeCycle cycle = timer.getTimeCycle();
    return date != null ? date.getTextContent() : duration != null ? duration.getTextContent()
        : cycle != null ? cycle.getTextContent() : null;
  }

  private static boolean has(Collection<?> definitions, Class<?> type) {
    return definitions.stream().anyMatch(type::isInstance);
  }

  /** The rules, with the sentence a designer reads. */
  public enum Rule {
    ENDS_RESOLVED_ARCHIVED_OR_TRANSFERRED("a complaint only ends resolved, archived with a reason, or merged/transferred"),
    WAIT_HAS_DEADLINE("every wait has a deadline"),
    DEADLINES_FROM_SOP_TABLE("timers take their deadline from the SOP table"),
    OPD_WAIT_IS_WATCHED("a late OPD is escalated"),
    SOMEBODY_HAS_THE_TASK("nothing waits with no task for anyone"),
    FORMS_EXIST("every user task has its form");

    private final String sentence;

    Rule(String sentence) {
      this.sentence = sentence;
    }

    public String sentence() {
      return sentence;
    }
  }

  /** One broken rule at one element. */
  public record Violation(Rule rule, String elementId, String detail) {
    @Override
    public String toString() {
      return "rule \"" + rule.sentence() + "\" broken at " + elementId + ": " + detail;
    }
  }
}
