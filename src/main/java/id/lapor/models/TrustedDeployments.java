package id.lapor.models;

import java.util.function.Supplier;

/**
 * Marks the deployments the application makes itself at start-up, from the folders an operator
 * controls ({@code processes/}, {@code forms/}): they are not checked by {@link DeploymentRules},
 * every other deployment is (Camunda Modeler, the REST API, Cockpit's redeploy).
 */
final class TrustedDeployments {

  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

  private TrustedDeployments() {}

  static <T> T run(Supplier<T> deployment) {
    boolean before = ACTIVE.get();
    ACTIVE.set(true);
    try {
      return deployment.get();
    } finally {
      ACTIVE.set(before);
    }
  }

  static boolean active() {
    return ACTIVE.get();
  }
}
