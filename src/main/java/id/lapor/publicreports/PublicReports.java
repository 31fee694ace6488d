package id.lapor.publicreports;

import id.lapor.complaint.Category;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.PublishedComplaint;
import id.lapor.duplicates.DuplicateCandidates;
import id.lapor.institutions.Districts;
import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public lists: complaints of a region as anyone may see them (never confidential ones; see
 * {@link PublishedComplaint}), and the open ones near a point or like a title being typed.
 */
@Service
public class PublicReports {

  /** Largest page of the list and of GeoJSON. */
  static final int MAX_SIZE = 500;
  /** Deepest page: beyond it a caller narrows the filter (offset paging over 100,000 rows stays fast to here). */
  static final int MAX_PAGE = 1000;
  /** "Near" on the submit form. */
  static final double NEAR_KM = 1.0;

  /** Which complaints by state: still being handled, finished, or both. */
  enum StatusFilter {
    OPEN, CLOSED, ALL;

    List<ComplaintStatus> statuses() {
      return Arrays.stream(ComplaintStatus.values()).filter(s -> this == ALL || s.isOpen() == (this == OPEN)).toList();
    }
  }

  /** What the list is asked for; {@code regionCode} a regency/city or a province, or null for all. */
  record Query(String regionCode, Category category, StatusFilter status, boolean located, int page, int size) {}

  /** One page, and whether another follows. */
  record Page(List<PublishedComplaint> reports, int page, int size, boolean hasNext) {}

  /** An open report near a point or like a title: how far (null without points) and how alike (null unless). */
  record Around(PublishedComplaint report, Integer metres, Double likeness) {}

  private final Complaints complaints;
  private final Institutions institutions;
  private final DuplicateCandidates duplicates;
  private final Districts districts;
  private final Clock clock;

  PublicReports(Complaints complaints, Institutions institutions, DuplicateCandidates duplicates, Districts districts,
      Clock clock) {
    this.complaints = complaints;
    this.institutions = institutions;
    this.duplicates = duplicates;
    this.districts = districts;
    this.clock = clock;
  }

  /**
   * Reads and checks the list's parameters as a caller wrote them, every problem at once.
   *
   * @throws InvalidRequestException naming each invalid parameter
   */
  Query query(String regionCode, String category, String status, Boolean located, Integer page, Integer size,
      int defaultSize) {
    List<FieldProblem> problems = new ArrayList<>();
    String region = blankToNull(regionCode);
    if (region != null && institutions.findById(region).filter(i -> i.isRegencyLevel()
        || i.getKind() == InstitutionKind.PROVINCE).isEmpty()) {
      problems.add(new FieldProblem("regionCode", "is not a known province or regency/city code (e.g. 51.06)"));
    }
    Category cat = null;
    if (blankToNull(category) != null) {
      try {
        cat = Category.valueOf(category.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("category", "must be one of " + Arrays.toString(Category.values())));
      }
    }
    StatusFilter filter = StatusFilter.OPEN;
    if (blankToNull(status) != null) {
      try {
        filter = StatusFilter.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("status", "must be open, closed or all"));
      }
    }
    int p = page == null ? 0 : page;
    if (p < 0 || p > MAX_PAGE) {
      problems.add(new FieldProblem("page", "must be between 0 and " + MAX_PAGE));
    }
    int s = size == null ? defaultSize : size;
    if (s < 1 || s > MAX_SIZE) {
      problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new Query(region, cat, filter, located != null && located, p, s);
  }

  /** One page of the public list, newest first. */
  @Transactional(readOnly = true)
  Page list(Query q) {
    List<String> regions = q.regionCode() == null ? List.of("-") : regionsOf(q.regionCode());
    Slice<PublishedComplaint> slice = complaints.published(q.regionCode() == null, regions, q.status().statuses(),
        q.category() == null, q.category() == null ? List.of(Category.values()) : List.of(q.category()), q.located(),
        PageRequest.of(q.page(), q.size(), Sort.by(Sort.Direction.DESC, "submittedAt", "id")));
    return new Page(slice.getContent(), q.page(), q.size(), slice.hasNext());
  }

  /** The regencies/cities a region code stands for: itself, or a province's. */
  private List<String> regionsOf(String code) {
    Institution region = institutions.findById(code).orElseThrow();
    return region.getKind() == InstitutionKind.PROVINCE
        ? institutions.regenciesOf(code).stream().map(Institution::getCode).toList() : List.of(code);
  }

  /**
   * The open reports of a regency the citizen may join instead of filing again: those within
   * {@value #NEAR_KM} km of the point (nearest first), then those whose text contains most words of
   * the title being typed; at most {@code limit} of each.
   */
  @Transactional(readOnly = true)
  List<Around> around(String regionCode, Double latitude, Double longitude, String draft, int limit) {
    Instant now = clock.instant();
    Map<String, Around> found = new LinkedHashMap<>();
    List<ComplaintStatus> open = ComplaintStatus.openOnes();
    if (latitude != null && longitude != null) {
      double dLat = NEAR_KM / 111.0;
      double dLon = NEAR_KM / (111.0 * Math.max(0.1, Math.cos(Math.toRadians(latitude))));
      complaints.publishedWithin(regionCode, open, latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon,
              PageRequest.of(0, 200)).stream()
          .map(r -> new Around(r, metres(latitude, longitude, r), null))
          .filter(a -> a.metres() <= NEAR_KM * 1000)
          .sorted(Comparator.comparingInt(Around::metres)).limit(limit)
          .forEach(a -> found.put(a.report().trackingNumber(), a));
    }
    if (draft != null && !draft.isBlank()) {
      var hits = duplicates.containingWordsOf(draft, regionCode, now, limit);
      Map<String, Double> scores = new LinkedHashMap<>();
      hits.forEach(h -> scores.put(h.trackingNumber(), h.score()));
      if (!scores.isEmpty()) {
        Map<String, PublishedComplaint> published = new LinkedHashMap<>();
        complaints.publishedAmong(scores.keySet()).forEach(r -> published.put(r.trackingNumber(), r));
        for (var score : scores.entrySet()) {
          PublishedComplaint r = published.get(score.getKey());
          if (r == null || !r.status().isOpen()) {
            continue;
          }
          Around near = found.get(r.trackingNumber());
          Integer metres = near != null ? near.metres() : latitude != null && longitude != null && r.hasPoint()
              ? metres(latitude, longitude, r) : null;
          found.put(r.trackingNumber(), new Around(r, metres, score.getValue()));
        }
      }
    }
    return List.copyOf(found.values());
  }

  private static int metres(double latitude, double longitude, PublishedComplaint r) {
    return (int) Math.round(1000 * Districts.kilometres(latitude, longitude, r.latitude(), r.longitude()));
  }

  /** Whether a citizen may add "saya juga" to it (as on its status page: public, still open). */
  static boolean joinable(PublishedComplaint r) {
    return r.privacy() == Privacy.PUBLIC && r.status().isOpen();
  }

  /** The kecamatan and regency a map point lies in, as far as the shipped geography tells. */
  java.util.Optional<Districts.District> placeOf(double latitude, double longitude) {
    return districts.nearest(latitude, longitude);
  }

  /** The provinces' and regencies'/cities' names by code, and the regencies/cities grouped by province name. */
  record Regions(Map<String, String> names, Map<String, List<Institution>> byProvince) {}

  /** The regions, read in one query: names for the lists, choices for the region picker. */
  Regions regions() {
    List<Institution> all = institutions.findByKindInOrderByCode(List.of(InstitutionKind.PROVINCE,
        InstitutionKind.REGENCY, InstitutionKind.CITY));
    Map<String, String> names = new LinkedHashMap<>();
    all.forEach(i -> names.put(i.getCode(), i.getName()));
    Map<String, List<Institution>> byProvince = new LinkedHashMap<>();
    all.stream().filter(Institution::isRegencyLevel).forEach(r -> byProvince.computeIfAbsent(
        names.getOrDefault(r.getParentCode(), r.getParentCode()), p -> new ArrayList<>()).add(r));
    return new Regions(names, byProvince);
  }

  Instant now() {
    return clock.instant();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
