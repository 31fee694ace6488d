package id.lapor.casework;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code jobExecutor} (replacing Camunda's, which says DOWN until
 * the executor starts with the ready application, so that the whole service looked DOWN for its first
 * seconds while it answered): UNKNOWN ("starting") before the application is ready, UP while the
 * executor fires the deadline timers, DOWN when it should and does not. A node configured without a
 * job executor ({@code camunda.bpm.job-execution.enabled=false}) is UP and says so. Whether a node
 * takes traffic is {@code /actuator/health/readiness}; whether it lives, {@code /liveness}.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth implements HealthIndicator {

  private final ObjectProvider<JobExecutor> executor;
  private final ApplicationAvailability availability;
  private final boolean enabled;

  JobExecutorHealth(ObjectProvider<JobExecutor> executor, ApplicationAvailability availability,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    this.executor = executor;
    this.availability = availability;
    this.enabled = enabled;
  }

  @Override
  public Health health() {
    JobExecutor jobs = executor.getIfAvailable();
    if (!enabled || jobs == null) {
      return Health.up().withDetail("jobExecutor", "disabled on this node: timers fire on the others").build();
    }
    if (jobs.isActive()) {
      return Health.up().withDetail("name", String.valueOf(jobs.getName())).withDetail("lockTimeInMillis", jobs.getLockTimeInMillis())
          .withDetail("maxJobsPerAcquisition", jobs.getMaxJobsPerAcquisition()).build();
    }
    if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
      return Health.unknown().withDetail("jobExecutor", "starting: timers fire once the application is ready").build();
    }
    return Health.down().withDetail("jobExecutor", "not running: deadline timers do not fire").build();
  }
}
