package id.lapor.publicreports;

import id.lapor.complaint.PublishedComplaint;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** A published complaint written out for people and programs: labels in the reader's language, its age, its page. */
@Component
class PublicReportViews {

  private final MessageSource messages;
  private final id.lapor.notifications.NotificationProperties portal;

  PublicReportViews(MessageSource messages, id.lapor.notifications.NotificationProperties portal) {
    this.messages = messages;
    this.portal = portal;
  }

  /** The properties every public view of a report carries (GeoJSON, nearby reports, the page). */
  Map<String, Object> properties(PublishedComplaint r, Map<String, String> regionNames, Instant now, Locale locale) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("trackingNumber", r.trackingNumber());
    p.put("title", r.title());
    p.put("category", r.category().name());
    p.put("categoryLabel", messages.getMessage("category." + r.category(), null, locale));
    p.put("regionCode", r.regionCode());
    p.put("regionName", regionNames.getOrDefault(r.regionCode(), r.regionCode()));
    p.put("district", r.district());
    p.put("status", r.status().name());
    p.put("statusLabel", messages.getMessage("status." + r.status(), null, locale));
    p.put("open", r.status().isOpen());
    var light = r.trafficLight(now);
    p.put("light", light.map(Enum::name).orElse(null));
    p.put("lightLabel", light.map(l -> messages.getMessage("light." + l, null, locale)).orElse(null));
    p.put("submittedAt", r.submittedAt());
    p.put("ageDays", Math.max(0, Duration.between(r.submittedAt(), now).toDays()));
    p.put("age", age(r.submittedAt(), now, locale));
    p.put("reportCount", r.reportCount());
    p.put("joinable", PublicReports.joinable(r));
    p.put("url", "/lacak/" + r.trackingNumber());
    // the status page's full address, for apps and open-data portals that show the report elsewhere
    p.put("link", portal.publicUrl() + "/lacak/" + r.trackingNumber());
    return p;
  }

  /** A GeoJSON Feature: a point only where the complainant placed one ({@code geometry: null} otherwise). */
  Map<String, Object> feature(PublishedComplaint r, Map<String, String> regionNames, Instant now, Locale locale) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "Feature");
    f.put("id", r.trackingNumber());
    f.put("geometry", r.hasPoint() ? Map.of("type", "Point", "coordinates", List.of(r.longitude(), r.latitude())) : null);
    f.put("properties", properties(r, regionNames, now, locale));
    return f;
  }

  /** A page of the list as a GeoJSON FeatureCollection, with the page and a link to the next as foreign members. */
  Map<String, Object> collection(PublicReports.Page page, Map<String, String> regionNames, Instant now, Locale locale,
      UriComponentsBuilder self) {
    Map<String, Object> fc = new LinkedHashMap<>();
    fc.put("type", "FeatureCollection");
    fc.put("features", page.reports().stream().map(r -> feature(r, regionNames, now, locale)).toList());
    fc.put("page", page.page());
    fc.put("size", page.size());
    fc.put("next", page.hasNext() ? self.replaceQueryParam("page", page.page() + 1).build().toUriString() : null);
    return fc;
  }

  /** "3 hari lalu", "today": how long ago a report came in, in days. */
  String age(Instant submittedAt, Instant now, Locale locale) {
    long days = Math.max(0, Duration.between(submittedAt, now).toDays());
    return days == 0 ? messages.getMessage("portal.reports.today", null, locale)
        : messages.getMessage("portal.reports.daysAgo", new Object[] {days}, locale);
  }
}
