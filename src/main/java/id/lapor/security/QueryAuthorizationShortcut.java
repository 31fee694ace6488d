package id.lapor.security;

import java.lang.reflect.Field;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.db.CommandExecutor;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.webapp.impl.db.CommandExecutorImpl;
import org.camunda.bpm.webapp.impl.db.QuerySessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's authorization checks cost what they must, never less strict: the caller's groups go
 * into the checks as they are ({@link GroupsAsAuthenticated}), and {@link GrantedOnAnyQueries} is
 * installed where Camunda runs the queries of Tasklist and Cockpit: in the
 * engine's MyBatis session factory (every engine query, also through {@code /engine-rest}) and in the
 * one Cockpit keeps for its own plugin queries (the process instance list and its counts).
 *
 * <p>Cockpit builds its session factory when it first queries, inside a runtime delegate set up by the
 * webapp's servlet listener; this replaces that delegate, once the application is ready, with one that
 * adds the interceptor to each session factory it builds. Camunda 7.24 is the last Community Edition,
 * so the private field read here will not move; should it be missing, the start-up log says so and
 * Cockpit's queries keep their full checks (slower, never wider).
 */
@Component
class QueryAuthorizationShortcut extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(QueryAuthorizationShortcut.class);

  private final boolean enabled;
  private GrantedOnAnyQueries interceptor;

  QueryAuthorizationShortcut(@Value("${lapor.authorization.skip-granted-on-any:true}") boolean enabled) {
    this.enabled = enabled;
  }

  /** The interceptor, for tests that compare the results with and without it. */
  GrantedOnAnyQueries interceptor() {
    return interceptor;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    interceptor = new GrantedOnAnyQueries(configuration.getDatabaseTablePrefix());
    interceptor.setEnabled(enabled);
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(interceptor);
    if (enabled) {
      configuration.getSessionFactories().put(AuthorizationManager.class, new GroupsAsAuthenticated.Factory());
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void installInCockpit() {
    if (interceptor != null) {
      Cockpit.setCockpitRuntimeDelegate(new Delegate(interceptor));
    }
  }

  /** Cockpit's runtime, whose query session factories check authorizations through the interceptor. */
  static final class Delegate extends DefaultCockpitRuntimeDelegate {

    private final GrantedOnAnyQueries interceptor;

    Delegate(GrantedOnAnyQueries interceptor) {
      this.interceptor = interceptor;
    }

    @Override
    protected CommandExecutor createCommandExecutor(String processEngineName) {
      CommandExecutor executor = super.createCommandExecutor(processEngineName);
      try {
        Field field = CommandExecutorImpl.class.getDeclaredField("sessionFactory");
        field.setAccessible(true);
        ((QuerySessionFactory) field.get(executor)).getSqlSessionFactory().getConfiguration()
            .addInterceptor(interceptor);
      } catch (ReflectiveOperationException | RuntimeException e) {
        log.error("Cockpit's query session factory not found ({}): its lists check every row's authorizations", e
            .toString());
      }
      return executor;
    }
  }
}
