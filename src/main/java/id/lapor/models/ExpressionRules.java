package id.lapor.models;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model may do: read process variables and compare, combine or
 * test them (<code>${supervisionAction == 'PUSH'}</code>, <code>opd-liaisons-${opdCode}</code>,
 * <code>${!empty x &amp;&amp; y != 'A'}</code>), read a variable that may be absent
 * (<code>${execution.getVariable('districtOfficeCode')}</code>), the instance's business key
 * (<code>${execution.processBusinessKey}</code>) and Camunda's functions {@code now()},
 * {@code dateTime()}, {@code currentUser()}, {@code currentUserGroups()}. It may not call any other
 * method, reach into objects, or name an application component: a model is code the engine runs
 * as the system, so whoever deploys it must not be able to run anything else.
 */
final class ExpressionRules {

  /** Objects the engine offers to every expression; reachable only in the forms above. */
  static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask",
      "variableScope", "authenticatedUserId", "processEngine", "processEngineServices");
  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  static final Set<String> VARIABLE_READERS = Set.of("getVariable", "hasVariable");
  static final Set<String> READABLE_PROPERTIES = Set.of("processBusinessKey");

  private final Predicate<String> isComponent;

  /**
   * @param isComponent whether a name is a bean of the application (a delegate, a service, the engine's
   *     services): such names are no variables
   */
  ExpressionRules(Predicate<String> isComponent) {
    this.isComponent = isComponent;
  }

  /** Whether text holds an expression at all. */
  static boolean hasExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why the expression is refused, or empty when it only reads and compares variables. */
  Optional<String> problem(String expression) {
    try {
      return problem(new Builder(Builder.Feature.METHOD_INVOCATIONS).build(expression).getRoot());
    } catch (TreeBuilderException | IllegalArgumentException e) {
      return Optional.of("is not a valid expression (" + e.getMessage() + ")");
    }
  }

  private Optional<String> problem(Node node) {
    if (node instanceof AstIdentifier id) {
      return identifier(id.getName());
    }
    if (node instanceof AstMethod) {
      return variableRead(node) ? Optional.empty() : Optional.of("calls a method (" + describe(node)
          + "); only execution.getVariable('name') may be called");
    }
    if (node instanceof AstDot dot) {
      String property = propertyName(dot);
      Node prefix = dot.getChild(0);
      boolean allowed = prefix instanceof AstIdentifier id && ENGINE_OBJECTS.contains(id.getName())
          && READABLE_PROPERTIES.contains(property);
      return allowed ? Optional.empty() : Optional.of("reads the property \"" + property + "\" of an object; "
          + "expressions may only use variables");
    }
    if (node instanceof AstFunction function) {
      String name = function.toString();
      if (!FUNCTIONS.contains(name)) {
        return Optional.of("calls the function " + name + "(); only " + FUNCTIONS + " are available");
      }
      return children(node);
    }
    boolean structural = node instanceof AstEval || node instanceof AstComposite || node instanceof AstText
        || node instanceof AstNested || node instanceof AstBinary || node instanceof AstUnary
        || node instanceof AstChoice || node instanceof AstParameters;
    boolean literal = node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean
        || node instanceof AstNull;
    if (literal) {
      return Optional.empty();
    }
    if (structural) {
      return children(node);
    }
    return Optional.of("uses " + node + ", which models may not use");
  }

  private Optional<String> children(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      Optional<String> problem = problem(node.getChild(i));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private Optional<String> identifier(String name) {
    if (ENGINE_OBJECTS.contains(name)) {
      return name.equals("authenticatedUserId") ? Optional.empty()
          : Optional.of("uses the engine object \"" + name + "\"; only " + name + ".getVariable('name') may be used");
    }
    if (isComponent.test(name)) {
      return Optional.of("names the application component \"" + name + "\"; expressions may only use process "
          + "variables (delegates are named in camunda:delegateExpression only)");
    }
    return Optional.empty();
  }

  /** {@code execution.getVariable('literal')} (or {@code task.…}, {@code hasVariable}). */
  private static boolean variableRead(Node method) {
    Node property = method.getChild(0);
    Node parameters = method.getChild(1);
    return property instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier target
        && ENGINE_OBJECTS.contains(target.getName()) && VARIABLE_READERS.contains(propertyName(dot))
        && parameters.getCardinality() == 1 && parameters.getChild(0) instanceof AstString;
  }

  private static String propertyName(AstDot dot) {
    // AstDot prints itself as ". name"
    return dot.toString().replaceFirst("^\\.\\s*", "");
  }

  private static String describe(Node method) {
    Node property = method.getChild(0);
    return property instanceof AstDot dot ? propertyName(dot) + "(…)" : "a method";
  }
}
