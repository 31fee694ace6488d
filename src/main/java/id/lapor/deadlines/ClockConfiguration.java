package id.lapor.deadlines;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** The application's clock is the process engine's clock. */
  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
