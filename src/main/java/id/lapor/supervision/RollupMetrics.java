package id.lapor.supervision;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code lapor.supervision.rollup.pending}: changes of complaints written as deltas and not yet summed
 * into the national rollup's totals (summed every minute, by whichever node gets there first).
 * The figures include them either way; a number that only grows means the summing fails (see the log).
 */
@Component
class RollupMetrics implements MeterBinder {

  private final FiguresRollup rollup;

  RollupMetrics(FiguresRollup rollup) {
    this.rollup = rollup;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("lapor.supervision.rollup.pending", rollup, FiguresRollup::pendingDeltas)
        .description("Deltas of the figures not yet summed into the rollup's totals")
        .register(registry);
  }
}
