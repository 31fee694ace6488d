package id.lapor.publicreports;

import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public reports as data: {@code GET /api/public-reports} (a GeoJSON FeatureCollection, paged) for
 * other government apps and open-data portals, and {@code GET /api/public-reports/nearby} for the
 * portal's submit form. No login; nothing a complainant could be identified by.
 */
@RestController
@RequestMapping("/api/public-reports")
class PublicReportsApi {

  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  private static final int NEARBY_LIMIT = 5;
  /** The longest title a complaint may have: what the submit form sends while the citizen types. */
  static final int TEXT_MAX = 150;

  private final PublicReports reports;
  private final PublicReportViews views;

  PublicReportsApi(PublicReports reports, PublicReportViews views) {
    this.reports = reports;
    this.views = views;
  }

  @GetMapping(produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<Map<String, Object>> list(@RequestParam(required = false) String regionCode,
      @RequestParam(required = false) String category, @RequestParam(required = false) String status,
      @RequestParam(required = false) Boolean located, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, Locale locale) {
    var query = reports.query(regionCode, category, status, located, page, size, 100);
    var found = reports.list(query);
    Map<String, Object> body = views.collection(found, reports.regions().names(), reports.now(), locale,
        ServletUriComponentsBuilder.fromCurrentRequest());
    // labels follow the reader's language: a shared cache must keep one copy per language
    var response = ResponseEntity.ok().contentType(GEO_JSON).cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)))
        .varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE);
    if (body.get("next") != null) {
      response.header(HttpHeaders.LINK, "<" + body.get("next") + ">; rel=\"next\"");
    }
    return response.body(body);
  }

  /**
   * Open reports of a regency near a point and/or like a title being typed, for the citizen to join
   * instead of filing again.
   */
  @GetMapping(path = "/nearby", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> nearby(@RequestParam(required = false) String regionCode,
      @RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
      @RequestParam(required = false) String text, Locale locale) {
    List<FieldProblem> problems = new ArrayList<>();
    Double latitude = coordinate("lat", lat, 90, problems);
    Double longitude = coordinate("lon", lon, 180, problems);
    if ((latitude == null) != (longitude == null) && problems.isEmpty()) {
      problems.add(new FieldProblem(latitude == null ? "lat" : "lon", "is required with " + (latitude == null ? "lon" : "lat")));
    }
    if (text != null && text.length() > TEXT_MAX) {
      problems.add(new FieldProblem("text", "must be at most " + TEXT_MAX + " characters (a title being typed)"));
    }
    if (latitude == null && (regionCode == null || regionCode.isBlank()) && problems.isEmpty()) {
      problems.add(new FieldProblem("regionCode", "is required without lat and lon"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    reports.query(regionCode, null, null, null, null, null, 1);
    var names = reports.regions().names();
    var now = reports.now();
    // the place the point lies in, as far as the shipped geography tells: suggested to the citizen
    var place = latitude == null ? java.util.Optional.<id.lapor.institutions.Districts.District>empty()
        : reports.placeOf(latitude, longitude);
    String region = regionCode != null && !regionCode.isBlank() ? regionCode
        : place.map(id.lapor.institutions.Districts.District::regionCode).orElse(null);
    List<Map<String, Object>> found = (region == null ? List.<PublicReports.Around>of()
        : reports.around(region, latitude, longitude, text, NEARBY_LIMIT)).stream()
        .map(a -> {
          Map<String, Object> p = new LinkedHashMap<>(views.properties(a.report(), names, now, locale));
          p.put("metres", a.metres());
          p.put("likeness", a.likeness() == null ? null : Math.round(a.likeness() * 100) / 100.0);
          p.put("latitude", a.report().latitude());
          p.put("longitude", a.report().longitude());
          return p;
        }).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reports", found);
    place.ifPresent(d -> body.put("place", Map.of("regionCode", d.regionCode(),
        "regionName", names.getOrDefault(d.regionCode(), d.regionCode()), "district", d.name())));
    return body;
  }

  private static Double coordinate(String field, String value, double limit, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double v = Double.parseDouble(value.strip());
      if (!Double.isFinite(v) || Math.abs(v) > limit) {
        problems.add(new FieldProblem(field, "must be a number between -" + (int) limit + " and " + (int) limit));
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(field, "must be a number"));
      return null;
    }
  }
}
