package id.lapor.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task that belongs to a complaint the read-only view of that complaint as form
 * fields: Tasklist's Camunda Forms receive them with the task's form variables, so forms show the
 * complaint without it ever being stored in the engine; and it has every user task's decision
 * cleared and checked by its step ({@link TaskDecisions}). It also notes when an OPD first opens a
 * complaint (claim or form view, for the traffic light). Designers need do nothing in the BPMN.
 */
@Component
class ComplaintFormsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ComplaintFormView> view;
  private final ObjectProvider<TaskDecisions> decisions;
  private final ObjectProvider<OpdOpenings> openings;
  private final ObjectProvider<CaseworkSupport> support;

  ComplaintFormsPlugin(ObjectProvider<ComplaintFormView> view, ObjectProvider<TaskDecisions> decisions,
      ObjectProvider<OpdOpenings> openings, ObjectProvider<CaseworkSupport> support) {
    this.view = view;
    this.decisions = decisions;
    this.openings = openings;
    this.support = support;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          var definition = behavior.getTaskDefinition();
          definition.setTaskFormHandler(
              new ComplaintViewFormHandler(definition.getTaskFormHandler(), view, decisions, openings, support));
          definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, task -> openings.getObject().assigned(task));
          // every user task's decision is cleared and checked by its step; models written before
          // this name ${taskDecisions} themselves, which stays the one call
          if (!namesTaskDecisions(definition)) {
            for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_COMPLETE)) {
              definition.addBuiltInTaskListener(event, task -> decisions.getObject().notify(task));
            }
          }
        }
      }
    });
  }

  private static boolean namesTaskDecisions(TaskDefinition definition) {
    var listeners = definition.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
    return listeners != null && listeners.stream().anyMatch(l -> l instanceof DelegateExpressionTaskListener d && d.getExpressionText().contains("taskDecisions"));
  }

  /**
   * Adds the complaint view to whatever form data the task's own handler provides, and checks a
   * submitted decision before it is stored (the engine would wrap a task listener's refusal into
   * an internal error; here it stays a validation error, {@code 400} over REST).
   */
  static final class ComplaintViewFormHandler implements TaskFormHandler {

    private final TaskFormHandler delegate;
    private final ObjectProvider<ComplaintFormView> view;
    private final ObjectProvider<TaskDecisions> decisions;
    private final ObjectProvider<OpdOpenings> openings;
    private final ObjectProvider<CaseworkSupport> support;

    ComplaintViewFormHandler(TaskFormHandler delegate, ObjectProvider<ComplaintFormView> view,
        ObjectProvider<TaskDecisions> decisions, ObjectProvider<OpdOpenings> openings,
        ObjectProvider<CaseworkSupport> support) {
      this.delegate = delegate;
      this.view = view;
      this.decisions = decisions;
      this.openings = openings;
      this.support = support;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      TaskFormData data = delegate.createTaskForm(task);
      if (belongsToComplaint(task)) {
        long id = support.getObject().complaint(task).getId();
        openings.getObject().formViewed(task.getTaskDefinitionKey(), id);
        for (Map.Entry<String, TypedValue> field : view.getObject()
            .fieldsFor(task, id).entrySet()) {
          FormFieldImpl formField = new FormFieldImpl();
          formField.setId(field.getKey());
          formField.setType(new StringFormType());
          formField.setValue(field.getValue());
          data.getFormFields().add(formField);
        }
      }
      return data;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    /**
     * Takes the form's fields and nothing else: a field the task's form does not have (a reference such
     * as {@code opdCode} outside verification, a due date, another task's decision) refuses the whole
     * submission, as does an invalid decision.
     */
    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
      if (variableScope instanceof TaskEntity task && belongsToComplaint(task)) {
        decisions.getObject().checkFields(task, properties.keySet());
        decisions.getObject().check(task, support.getObject().complaint(task),
            name -> properties.containsKey(name) ? properties.get(name) : task.getVariable(name));
      }
      delegate.submitFormVariables(properties, variableScope);
    }

    /** A task of a complaint's process instance (whose business key is the tracking number). */
    private static boolean belongsToComplaint(TaskEntity task) {
      return task.getExecution() != null && task.getExecution().getProcessBusinessKey() != null;
    }
  }
}
