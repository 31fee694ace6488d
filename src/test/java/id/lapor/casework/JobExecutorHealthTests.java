package id.lapor.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

/** Starting is not down: the job executor's health says UNKNOWN until the application is ready. */
class JobExecutorHealthTests {

  @SuppressWarnings("unchecked")
  private static Status status(boolean active, ReadinessState readiness, boolean enabled) {
    JobExecutor executor = mock(JobExecutor.class);
    when(executor.isActive()).thenReturn(active);
    ObjectProvider<JobExecutor> provider = mock(ObjectProvider.class);
    when(provider.getIfAvailable()).thenReturn(executor);
    ApplicationAvailability availability = mock(ApplicationAvailability.class);
    when(availability.getReadinessState()).thenReturn(readiness);
    return new JobExecutorHealth(provider, availability, enabled).health().getStatus();
  }

  @Test
  void unknownWhileStartingUpWhenRunningDownWhenItShouldRunAndDoesNot() {
    assertThat(status(false, ReadinessState.REFUSING_TRAFFIC, true)).isEqualTo(Status.UNKNOWN);
    assertThat(status(true, ReadinessState.ACCEPTING_TRAFFIC, true)).isEqualTo(Status.UP);
    assertThat(status(false, ReadinessState.ACCEPTING_TRAFFIC, true)).isEqualTo(Status.DOWN);
    assertThat(status(false, ReadinessState.ACCEPTING_TRAFFIC, false)).as("a node without one").isEqualTo(Status.UP);
  }
}
