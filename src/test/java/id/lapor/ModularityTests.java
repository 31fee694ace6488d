package id.lapor;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features reach each other only through their public types, and form no cycles. */
class ModularityTests {

  @Test
  void featuresRespectTheirBoundaries() {
    ApplicationModules.of(LaporApplication.class).verify();
  }
}
