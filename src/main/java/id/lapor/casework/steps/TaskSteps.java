package id.lapor.casework.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/** Every {@link TaskStep} of the application, by the form its tasks open. */
@Component
public class TaskSteps {

  private final Map<String, TaskStep> byForm = new HashMap<>();

  TaskSteps(List<TaskStep> steps) {
    for (TaskStep step : steps) {
      TaskStep other = byForm.put(step.form(), step);
      if (other != null) {
        throw new IllegalStateException("Two steps for the form " + step.form() + ": "
            + other.getClass().getSimpleName() + " and " + step.getClass().getSimpleName());
      }
    }
  }

  /** The step of a form, if the application has one. */
  public Optional<TaskStep> forForm(String form) {
    return Optional.ofNullable(form == null ? null : byForm.get(form));
  }

  /** The step of a task: by the form its user task names in the model. */
  public Optional<TaskStep> of(DelegateTask task) {
    return forForm(formOf(task));
  }

  /** The forms the application has steps for. */
  public Set<String> forms() {
    return Set.copyOf(byForm.keySet());
  }

  /** The Camunda Form a task's user task opens ({@code camunda:formRef}), or null. */
  public static String formOf(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    return userTask == null ? null : userTask.getCamundaFormRef();
  }
}
