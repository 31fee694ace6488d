package id.lapor.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A deployment is code the engine runs as the system, so this plugin bounds what models may execute,
 * twice: every deployment that is not the application's own start-up deployment is checked against
 * {@link DeploymentRules} before anything of it is stored (refused as a {@link ParseException}:
 * {@code 400} over REST, with every problem in the answer, as Camunda Modeler shows it); and every
 * expression of every model, deployed before or after, resolves only the application's delegates and
 * listeners ({@link ModelBeans}) and calls no method but {@code getVariable}/{@code hasVariable}.
 */
@Component
class ModelExpressionsPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ModelExpressionsPlugin.class);

  private final ApplicationContext context;
  private final ModelBeans beans;

  ModelExpressionsPlugin(ApplicationContext context, ModelBeans beans) {
    this.context = context;
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new RestrictedExpressionManager(context, beans.forExpressions()));
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new Gate());
  }

  /** Checks new deployments that do not come from the start-up deployer. */
  final class Gate implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew() || TrustedDeployments.active()) {
        return;
      }
      Map<String, byte[]> resources = new LinkedHashMap<>();
      for (ResourceEntity r : deployment.getResources().values()) {
        resources.put(r.getName(), r.getBytes());
      }
      var rules = new DeploymentRules(beans.names(), beans::isComponent, key ->
          Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null);
      List<DeploymentRules.Problem> problems = rules.check(resources, deployment.getTenantId());
      if (problems.isEmpty()) {
        return;
      }
      log.warn("Deployment \"{}\" refused: {}", deployment.getName(), problems.stream()
          .map(DeploymentRules.Problem::message).toList());
      List<Problem> errors = problems.stream().map(RuleProblem::new).map(Problem.class::cast).toList();
      String resource = problems.get(0).resource();
      throw new ParseException("Deployment refused: " + String.join("; ",
          problems.stream().map(DeploymentRules.Problem::message).toList()), resource, errors, List.of());
    }
  }

  /** A refused rule in the shape Camunda reports parse errors (REST {@code details}, Modeler). */
  record RuleProblem(DeploymentRules.Problem problem) implements Problem {
    @Override
    public String getMessage() {
      return problem.message();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return problem.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return problem.elementId() == null ? List.of() : List.of(problem.elementId());
    }
  }

  /**
   * Camunda's Spring expression manager with the beans limited to the models' delegates and listeners,
   * and a first resolver that refuses method calls and property access on engine objects.
   */
  static final class RestrictedExpressionManager extends SpringExpressionManager {

    RestrictedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
      super(context, beans);
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolver = new CompositeELResolver();
      resolver.add(new EngineObjectGuard());
      resolver.add(super.createElResolver());
      return resolver;
    }
  }

  /**
   * Refuses, at evaluation, what {@link ExpressionRules} refuses at deployment: calling methods
   * (except reading a variable of an execution or task) and reading properties of anything but plain
   * values — whatever model, deployed whenever, holds the expression.
   */
  static final class EngineObjectGuard extends ELResolver {

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
      if (base instanceof VariableScope && method != null
          && ExpressionRules.VARIABLE_READERS.contains(method.toString())) {
        return null;
      }
      throw new ELException("Expressions may not call " + method + "() on " + typeOf(base)
          + "; only execution.getVariable('name') is allowed");
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null || isPlainValue(base)
          || (base instanceof VariableScope && property != null
              && ExpressionRules.READABLE_PROPERTIES.contains(property.toString()))) {
        return null;
      }
      throw new ELException("Expressions may not read " + property + " of " + typeOf(base));
    }

    private static boolean isPlainValue(Object base) {
      return base instanceof Map || base instanceof List || base instanceof Set || base.getClass().isArray()
          || base instanceof String || base instanceof Number || base instanceof Boolean
          || base instanceof java.util.Date;
    }

    private static String typeOf(Object base) {
      return base == null ? "nothing" : base.getClass().getSimpleName();
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null) {
        throw new ELException("Expressions may not write " + property);
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }

    @Override
    public java.util.Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }
  }
}
