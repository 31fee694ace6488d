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

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InstitutionAccessSync.class);

  private final InstitutionRegistry registry;
  private final RoleAuthorizations roles;

  InstitutionAccessSync(InstitutionRegistry registry, RoleAuthorizations roles) {
    this.registry = registry;
    this.roles = roles;
  }

  @Override
  public void run(ApplicationArguments args) {
    registry.synchronize();
    int narrowed = roles.narrowTaskGrants();
    if (narrowed > 0) {
      log.info("Task permissions narrowed from UPDATE to TASK_WORK on {} task authorizations", narrowed);
    }
  }
}
