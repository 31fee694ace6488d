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
 * The rules the complaint process and every plug-in of it must keep, whatever a process designer
 * changes (the "SOP conformance" of {@code processes/}): a complaint only ends resolved, archived with
 * a reason, or merged/transferred; a plug-in returns to the complaint process (no terminate or error
 * at its top level); every wait has a deadline from the SOP table; every OPD wait is watched by a
 * timer; nothing waits without a task for somebody or a timer. Each broken rule is reported with the
 * element and what to change, in words a designer can act on.
 */
final class ComplaintProcessRules {

  /**
   * Delegates that end a complaint's instance properly; an end event at process level must follow
   * one: resolve, archive, merge or transfer, and address to a regency (which starts the complaint's
   * handling again in that regency's tenant).
   */
  /** The complaint process; every other executable process of a model is one of its plug-ins. */
  public static final String COMPLAINT_PROCESS = "ComplaintHandling";

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
      if (COMPLAINT_PROCESS.equals(process.getId())) {
        endings(process, violations);
      } else {
        pluginEndings(process, violations);
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      userTask(task, formKeys, violations);
    }
    for (EventBasedGateway gateway : model.getModelElementsByType(EventBasedGateway.class)) {
      boolean timer = outgoing(gateway).stream().map(SequenceFlow::getTarget)
          .anyMatch(t -> t instanceof IntermediateCatchEvent e && has(e.getEventDefinitions(), TimerEventDefinition.class));
      if (!timer) {
        violations.add(new Violation(Rule.WAIT_HAS_DEADLINE, gateway.getId(),
            "the event-based gateway waits without a timer branch; add one with a deadline from SopDeadlines"));
      }
    }
    for (IntermediateCatchEvent event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
      boolean message = has(event.getEventDefinitions(), MessageEventDefinition.class);
      boolean afterGateway = incoming(event).stream().allMatch(f -> f.getSource() instanceof EventBasedGateway);
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

  /**
   * The sequence flows into a node, by their {@code sourceRef}/{@code targetRef} (a model need not
   * list them again as {@code incoming}/{@code outgoing} children, which the model API reads).
   */
  private static List<SequenceFlow> incoming(FlowNode node) {
    return node.getModelInstance().getModelElementsByType(SequenceFlow.class).stream()
        .filter(f -> f.getTarget() == node).toList();
  }

  private static List<SequenceFlow> outgoing(FlowNode node) {
    return node.getModelInstance().getModelElementsByType(SequenceFlow.class).stream()
        .filter(f -> f.getSource() == node).toList();
  }

  /** A plug-in hands the complaint back to the complaint process, which decides how it ends. */
  private static void pluginEndings(Process process, List<Violation> violations) {
    for (EndEvent end : process.getChildElementsByType(EndEvent.class)) {
      if (!end.getEventDefinitions().isEmpty()) {
        violations.add(new Violation(Rule.ENDS_RESOLVED_ARCHIVED_OR_TRANSFERRED, end.getId(),
            "a plug-in ends with plain end events: it returns to the complaint process, which alone closes a "
            + "complaint (no terminate, error, escalation or message end events at the plug-in's top level)"));
      }
    }
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
      for (SequenceFlow in : incoming(end)) {
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
          "an OPD task must be watched by a timer (a boundary timer, or a sub-process around it that also "
          + "runs timers: the OPD stage's clock, a timer event sub-process, a boundary timer) so that a late "
          + "OPD is escalated"));
    }
  }

  /**
   * Watched: the task or a sub-process around it has a boundary timer, or a sub-process around it runs
   * timers while the task waits (a clock beside the work, or a timer event sub-process).
   */
  private static boolean watchedByTimer(FlowNode node) {
    ModelElementInstance current = node;
    while (current != null && !(current instanceof Process)) {
      if (current instanceof FlowNode flowNode && hasBoundaryTimer(flowNode)) {
        return true;
      }
      if (current instanceof SubProcess sub && current != node && runsTimers(sub)) {
        return true;
      }
      current = current.getParentElement();
    }
    return false;
  }

  /** Whether a sub-process holds a timer anywhere inside it (boundary timers of its children included). */
  private static boolean runsTimers(SubProcess sub) {
    return sub.getModelInstance().getModelElementsByType(TimerEventDefinition.class).stream()
        .anyMatch(t -> isInside(t, sub));
  }

  private static boolean isInside(ModelElementInstance element, ModelElementInstance ancestor) {
    for (ModelElementInstance e = element.getParentElement(); e != null; e = e.getParentElement()) {
      if (e == ancestor) {
        return true;
      }
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
