package id.lapor.institutions;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At every start, before anything else runs: role groups, tenants and authorizations up to date. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InstitutionAccessSync implements ApplicationRunner {

  private final InstitutionRegistry registry;

  InstitutionAccessSync(InstitutionRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void run(ApplicationArguments args) {
    registry.synchronize();
  }
}
