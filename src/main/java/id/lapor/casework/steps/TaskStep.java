package id.lapor.casework.steps;

import java.util.List;

/**
 * One kind of user task of the complaint process and its plug-ins, found by the Camunda Form its
 * tasks open ({@code camunda:formRef}): which fields the form submits, what makes a decision valid,
 * and what the form shows besides the complaint header. A designer who adds a kind of task adds one
 * form in {@code forms/} and one implementation of this interface (a Spring component); nothing in
 * the BPMN names it.
 */
public interface TaskStep {

  /** The id of the Camunda Form this step's tasks open. */
  String form();

  /**
   * The fields the form submits: the decision and the texts that go with it. Nothing else may be
   * submitted; they are cleared when a task of this step is created again.
   */
  List<String> fields();

  /** Adds every problem of the decision taken (an empty list accepts it). */
  void check(Decision decision);

  /** Adds what the form shows besides the complaint header: option lists, suggestions. */
  default void show(TaskView view) {}
}
