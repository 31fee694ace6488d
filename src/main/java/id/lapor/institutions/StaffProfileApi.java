package id.lapor.institutions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the logged-in member of staff is, for the webapps' scripts: their zone (WIB, WITA, WIT: the
 * zone of their institution; national staff and operators read Jakarta's), in which the scripts
 * show dates and times.
 */
@RestController
@Tag(name = "Staff profile")
class StaffProfileApi {

  static final ZoneId NATIONAL = ZoneId.of("Asia/Jakarta");

  private final StaffScopes scopes;
  private final Institutions institutions;

  StaffProfileApi(StaffScopes scopes, Institutions institutions) {
    this.scopes = scopes;
    this.institutions = institutions;
  }

  @GetMapping(path = "/api/staff/me", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The caller's user id and the zone their dates are shown in")
  @Transactional(readOnly = true)
  Profile me(Authentication caller) {
    StaffScope scope = scopes.of(caller);
    ZoneId zone = scope.everything() ? NATIONAL : Stream.of(scope.provinces(), scope.regencies(), scope.opds())
        .flatMap(java.util.Set::stream).sorted().findFirst().map(institutions::zoneOf).orElse(NATIONAL);
    return new Profile(caller.getName(), zone.getId(), Institution.zoneName(zone));
  }

  /** @param zone a time-zone id ({@code Asia/Makassar}), {@code zoneName} as Indonesians say it ({@code WITA}) */
  record Profile(String user, String zone, String zoneName) {}
}
