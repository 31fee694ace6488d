package id.lapor.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The process engine's clock as a {@link Clock}: timestamps on complaints agree with timers, and
 * tests that move Camunda's clock move the whole application.
 */
final class EngineClock extends Clock {

  private final ZoneId zone;

  EngineClock() {
    this(ZoneOffset.UTC);
  }

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new EngineClock(newZone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
