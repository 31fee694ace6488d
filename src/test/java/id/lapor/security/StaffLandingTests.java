package id.lapor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where each role lands after logging in, and which in-page addresses a login may lead back to. */
class StaffLandingTests {

  @Test
  void eachRoleLandsWhereItWorks() {
    assertThat(StaffLanding.landing(Set.of("camunda-admin"))).isEqualTo("/camunda/app/admin/default/");
    assertThat(StaffLanding.landing(Set.of("province-supervisors-51"))).isEqualTo(
        "/camunda/app/cockpit/default/#/pengaduan");
    assertThat(StaffLanding.landing(Set.of("process-designers"))).isEqualTo("/camunda/app/cockpit/default/#/processes");
    for (String group : new String[] {"regency-admins-51.06", "opd-officers-51.06.dinkes", "national-admins",
        "regent-office-35.10", "opd-heads-19.03.dinkes"}) {
      assertThat(StaffLanding.landing(Set.of(group))).as(group).isEqualTo("/camunda/app/tasklist/default/");
    }
  }

  @Test
  void aLoginLeadsBackToAWebappRouteButNowhereElse() {
    String cockpit = "http://localhost/camunda/app/cockpit/default/?continue";
    assertThat(StaffLanding.route("#/pengaduan", cockpit)).isEqualTo("#/pengaduan");
    assertThat(StaffLanding.route("#/?task=0b5e-11f1&detailsTab=history", cockpit))
        .isEqualTo("#/?task=0b5e-11f1&detailsTab=history");
    assertThat(StaffLanding.route("#/x\"><script>", cockpit)).isEmpty();
    assertThat(StaffLanding.route("javascript:alert(1)", cockpit)).isEmpty();
    assertThat(StaffLanding.route("#/pengaduan", "http://localhost/staff/complaints/LPR-2026-AAAAAA")).isEmpty();
    assertThat(StaffLanding.route(null, cockpit)).isEmpty();
  }
}
