package id.lapor.casework;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.TrafficLight;
import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import id.lapor.institutions.StaffScopes;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import id.lapor.web.NotInScopeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traffic-light counts for supervision: per OPD of a regency, or per regency of a province, over
 * the complaints submitted in the last {@code days} days that reached an OPD.
 */
@RestController
@RequestMapping(path = "/api/staff/traffic-lights", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Traffic light", description = "Red / yellow / green / overdue per OPD and regency")
class TrafficLightApi {

  private final Complaints complaints;
  private final Institutions institutions;
  private final Clock clock;
  private final StaffScopes scopes;

  TrafficLightApi(Complaints complaints, Institutions institutions, Clock clock, StaffScopes scopes) {
    this.complaints = complaints;
    this.institutions = institutions;
    this.clock = clock;
    this.scopes = scopes;
  }

  @GetMapping
  @Operation(summary = "Counts per OPD (regionCode=<regency>) or per regency (regionCode=<province>)")
  @Transactional(readOnly = true)
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
    Instant now = clock.instant();
    Instant since = now.minus(Duration.ofDays(days));
    if (region.isRegencyLevel()) {
      return count(institutions.opdsOf(regionCode), List.of(regionCode), since, now,
          c -> c.getOpdCode().orElse(null));
    }
    if (region.getKind() == InstitutionKind.PROVINCE) {
      List<Institution> regencies = institutions.regenciesOf(regionCode);
      return count(regencies, regencies.stream().map(Institution::getCode).toList(), since, now,
          Complaint::getAddressedRegionCode);
    }
    throw new InvalidRequestException(List.of(new FieldProblem("regionCode", "must be a regency, city or province")));
  }

  private List<Counts> count(List<Institution> rows, List<String> regions, Instant since, Instant now,
      Function<Complaint, String> rowOf) {
    Map<String, Map<TrafficLight, Integer>> tally = new LinkedHashMap<>();
    rows.forEach(i -> tally.put(i.getCode(), new EnumMap<>(TrafficLight.class)));
    for (Complaint c : complaints.atOpdsOf(regions, since)) {
      var counts = tally.get(rowOf.apply(c));
      if (counts != null) {
        c.trafficLight(now).ifPresent(light -> counts.merge(light, 1, Integer::sum));
      }
    }
    return rows.stream().map(i -> {
      var t = tally.get(i.getCode());
      return new Counts(i.getCode(), i.getName(), t.getOrDefault(TrafficLight.RED, 0),
          t.getOrDefault(TrafficLight.YELLOW, 0), t.getOrDefault(TrafficLight.GREEN, 0),
          t.getOrDefault(TrafficLight.OVERDUE, 0));
    }).toList();
  }

  record Counts(String institutionCode, String name, int red, int yellow, int green, int overdue) {}
}
