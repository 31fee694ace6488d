package id.lapor.casework;

import static id.lapor.models.EngineCalls.asSystem;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's work for operators' dashboards ({@code /actuator/prometheus}):
 * <ul>
 *   <li>{@code camunda.engine.events{name}}: counters of what the engine counts for its own metrics
 *       (job acquisition attempts, jobs acquired, executed, failed, rejected for lack of threads,
 *       process instances started, decision elements evaluated …), since this node started. Camunda
 *       itself reports these to its database every 15 minutes and then starts from zero; here they
 *       only grow, as Prometheus expects of a counter.</li>
 *   <li>{@code lapor.jobs{state}}: the job backlog across the cluster — {@code due} (executable now:
 *       retries left, due, not suspended; a backlog that grows means the executors do not keep up)
 *       and {@code failed} (no retries left, each an incident).</li>
 *   <li>{@code lapor.incidents.open}: incidents not yet resolved.</li>
 * </ul>
 */
@Component
class EngineMetrics implements MeterBinder {

  /** The engine's counters exported, in Camunda's names. */
  static final List<String> EVENTS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
      Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
      Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_START,
      Metrics.ACTIVTY_INSTANCE_END, Metrics.EXECUTED_DECISION_ELEMENTS, Metrics.EXECUTED_DECISION_INSTANCES);

  private final Plugin plugin;
  private final ObjectProvider<ManagementService> management;
  private final ObjectProvider<RuntimeService> runtime;

  EngineMetrics(Plugin plugin, ObjectProvider<ManagementService> management, ObjectProvider<RuntimeService> runtime) {
    this.plugin = plugin;
    this.management = management;
    this.runtime = runtime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String name : EVENTS) {
      FunctionCounter.builder("camunda.engine.events", plugin.total(name), AtomicLong::get)
          .tag("name", name)
          .description("Occurrences the engine counted since this node started")
          .register(registry);
    }
    Gauge.builder("lapor.jobs", this, m -> m.count(true))
        .tag("state", "due")
        .description("Jobs due now with retries left: the executors' backlog (all nodes)")
        .register(registry);
    Gauge.builder("lapor.jobs", this, m -> m.count(false))
        .tag("state", "failed")
        .description("Jobs without retries left (each an incident)")
        .register(registry);
    Gauge.builder("lapor.incidents.open", this,
            m -> asSystem(() -> m.runtime.getObject().createIncidentQuery().count()))
        .description("Incidents not yet resolved")
        .register(registry);
  }

  private double count(boolean due) {
    return asSystem(() -> due
        ? management.getObject().createJobQuery().executable().count()
        : management.getObject().createJobQuery().noRetriesLeft().count());
  }

  /** Puts a metrics registry into the engine that keeps running totals beside Camunda's own meters. */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {

    private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();

    AtomicLong total(String name) {
      return totals.computeIfAbsent(name, n -> new AtomicLong());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      if (configuration.getMetricsRegistry() == null) {
        configuration.setMetricsRegistry(new MetricsRegistry() {
          @Override
          public void markOccurrence(String name, long times) {
            super.markOccurrence(name, times);
            total(name).addAndGet(times);
          }
        });
      }
    }
  }
}
