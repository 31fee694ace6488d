package id.lapor.publicreports;

import id.lapor.complaint.Category;
import id.lapor.web.InvalidRequestException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /laporan}: the public reports of a region as a list (works without JavaScript, paged) and,
 * where tiles are configured, a map of those the complainants placed on one.
 */
@Controller
class PublicReportsPage {

  static final int PAGE_SIZE = 20;

  private final PublicReports reports;
  private final PublicReportViews views;

  PublicReportsPage(PublicReports reports, PublicReportViews views) {
    this.reports = reports;
    this.views = views;
  }

  @GetMapping("/laporan")
  String list(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String category,
      @RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model,
      Locale locale) {
    PublicReports.Query query;
    try {
      query = reports.query(regionCode, category, status, null, page, PAGE_SIZE, PAGE_SIZE);
    } catch (InvalidRequestException e) {
      // a hand-edited address: show the unfiltered list and say which filter was ignored
      model.addAttribute("ignored", e.getProblems().stream().map(p -> p.field()).toList());
      query = reports.query(null, null, null, null, 0, PAGE_SIZE, PAGE_SIZE);
    }
    var found = reports.list(query);
    var regions = reports.regions();
    Map<String, String> names = regions.names();
    var now = reports.now();
    List<Map<String, Object>> items = found.reports().stream().map(r -> views.properties(r, names, now, locale)).toList();
    model.addAttribute("items", items);
    model.addAttribute("query", query);
    model.addAttribute("hasNext", found.hasNext());
    model.addAttribute("regions", regions.byProvince());
    model.addAttribute("categories", Category.values());
    model.addAttribute("regionName", query.regionCode() == null ? null : names.get(query.regionCode()));
    var self = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang");
    model.addAttribute("nextUrl", found.hasNext() ? self.cloneBuilder().replaceQueryParam("page", query.page() + 1)
        .build().toUriString() : null);
    model.addAttribute("previousUrl", query.page() > 0 ? self.cloneBuilder().replaceQueryParam("page", query.page() - 1)
        .build().toUriString() : null);
    // the map reads the same filter as GeoJSON, only the reports with a point
    model.addAttribute("geoJsonUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/public-reports")
        .queryParamIfPresent("regionCode", java.util.Optional.ofNullable(query.regionCode()))
        .queryParamIfPresent("category", java.util.Optional.ofNullable(query.category()))
        .queryParam("status", query.status().name().toLowerCase(Locale.ROOT)).queryParam("located", true)
        .queryParam("size", PublicReports.MAX_SIZE).build().toUriString());
    model.addAttribute("mapPage", true);
    return "portal/reports";
  }
}
