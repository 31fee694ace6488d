package id.lapor.casework;

import id.lapor.casework.steps.Decision;
import id.lapor.casework.steps.TaskStep;
import id.lapor.casework.steps.TaskSteps;
import id.lapor.complaint.Complaint;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The decisions user tasks take, checked where they are taken, by the {@link TaskStep} of the form
 * the task opens. On {@code create} the step's fields from an earlier round are cleared, so a form
 * never opens with last time's answer. A decision is validated when a form is submitted (Tasklist,
 * {@code submit-form}: refused with {@code 400}) and again on {@code complete} whatever the caller
 * (Java, REST {@code complete}); a bad one is refused with every problem named, the task stays open
 * and nothing moves. Installed on every user task by {@link ComplaintFormsPlugin} (models written
 * before that name it as {@code ${taskDecisions}} themselves).
 */
@Component("taskDecisions")
class TaskDecisions implements TaskListener {

  private final CaseworkSupport support;
  private final TaskSteps steps;

  TaskDecisions(CaseworkSupport support, TaskSteps steps) {
    this.support = support;
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      fields(task).forEach(task.getExecution()::removeVariable);
      // on the task itself, so Tasklist lists it to OPD users, who may read the task but not the instance
      task.setVariableLocal(ProcessVariables.TRACKING_NUMBER, task.getExecution().getProcessBusinessKey());
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      check(task, support.complaint(task), task::getVariable);
    }
  }

  /**
   * The fields the task's form may submit: its decision and the texts that go with it. Anything
   * else (another task's decision, a reference such as {@code opdCode} outside verification, a due
   * date) is never a user's to write.
   */
  List<String> fields(DelegateTask task) {
    return steps.of(task).map(TaskStep::fields).orElse(List.of());
  }

  /**
   * Refuses a form submission that carries a field the task's form does not have.
   *
   * @throws FormFieldValidationException naming every refused field
   */
  void checkFields(DelegateTask task, Set<String> submitted) {
    Set<String> allowed = Set.copyOf(fields(task));
    List<String> problems = submitted.stream().filter(name -> !allowed.contains(name)).sorted()
        .map(name -> name + ": not a field of this task's form" + (allowed.isEmpty() ? ""
            : " (its fields: " + String.join(", ", new TreeSet<>(allowed)) + ")"))
        .toList();
    refuseIfAny(problems);
  }

  /**
   * Refuses a decision with every problem named.
   *
   * @param complaint the complaint the task belongs to (from the instance's business key)
   * @param variables the task's variables as they will be once the decision is taken
   * @throws FormFieldValidationException when the decision is incomplete or invalid
   */
  void check(DelegateTask task, Complaint complaint, Function<String, Object> variables) {
    var step = steps.of(task);
    if (step.isEmpty()) {
      return;
    }
    Decision decision = new Decision(complaint, variables);
    step.get().check(decision);
    refuseIfAny(decision.problems());
  }

  private static void refuseIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(problems, String.join("; ", problems));
    }
  }
}
