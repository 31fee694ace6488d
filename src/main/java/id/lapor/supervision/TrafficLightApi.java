package id.lapor.supervision;

import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import id.lapor.institutions.StaffScopes;
import id.lapor.supervision.Figures.Board;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import id.lapor.web.NotInScopeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traffic-light counts for supervision: per OPD of a regency, or per regency of a province, over
 * the complaints received in the last {@code days} days that reached an OPD — from the read model,
 * like every other figure.
 */
@RestController
@RequestMapping(path = "/api/staff/traffic-lights", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Traffic light", description = "Red / yellow / green / overdue per OPD and regency")
class TrafficLightApi {

  private final Institutions institutions;
  private final SupervisionFigures figures;
  private final Clock clock;
  private final StaffScopes scopes;

  TrafficLightApi(Institutions institutions, SupervisionFigures figures, Clock clock, StaffScopes scopes) {
    this.institutions = institutions;
    this.figures = figures;
    this.clock = clock;
    this.scopes = scopes;
  }

  @GetMapping
  @Operation(summary = "Counts per OPD (regionCode=<regency>) or per regency (regionCode=<province>)")
  List<Counts> counts(Authentication caller, @RequestParam String regionCode,
      @RequestParam(defaultValue = "30") int days) {
    Institution region = institutions.findById(regionCode).orElseThrow(() -> new InvalidRequestException(
        List.of(new FieldProblem("regionCode", "is not a registered regency, city or province"))));
    if (!scopes.of(caller).seesRegion(regionCode)) {
      throw new NotInScopeException("Region " + regionCode);
    }
    if (days < 1 || days > 3660) {
      throw new InvalidRequestException(List.of(new FieldProblem("days", "must be between 1 and 3660")));
    }
    if (!region.isRegencyLevel() && region.getKind() != InstitutionKind.PROVINCE) {
      throw new InvalidRequestException(List.of(new FieldProblem("regionCode",
          "must be a regency, city or province")));
    }
    Unit unit = Unit.of(region);
    Map<String, Board> lights = figures.lights(unit, clock.instant().minus(Duration.ofDays(days)));
    return figures.children(unit).stream().map(u -> {
      Board b = lights.getOrDefault(u.code(), Board.NONE);
      return new Counts(u.code(), u.name(), b.red(), b.yellow(), b.green(), b.overdue());
    }).toList();
  }

  record Counts(String institutionCode, String name, long red, long yellow, long green, long overdue) {}
}
