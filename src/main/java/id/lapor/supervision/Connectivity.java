package id.lapor.supervision;

import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import id.lapor.institutions.StaffLogins;
import id.lapor.supervision.Figures.Counts;
import id.lapor.supervision.GradingProperties.Grade;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How connected regional governments are to SP4N-LAPOR (seed 001): whether each has its decree
 * (SK) on complaint management and an active admin account, its activity, the group (I: both;
 * II: decree but admin inactive; III: no decree) and its grade by {@link GradingProperties}.
 */
@Service
@EnableConfigurationProperties(GradingProperties.class)
class Connectivity {

  /** Seed 001's groups. */
  enum Group {
    I("Admin aktif dan memiliki SK"),
    II("Memiliki SK, admin belum aktif"),
    III("Belum memiliki SK");

    final String label;

    Group(String label) {
      this.label = label;
    }
  }

  /**
   * One institution's connectivity.
   *
   * @param decreeDocument path to the decree's PDF, if uploaded
   * @param adminAccounts users in the institution's admin group
   * @param lastAdminLogin the latest login of any of them
   * @param activity complaints verified or answered in the last active days
   * @param received complaints received in the grading period (its rates' base)
   * @param groups for a province: how many of it and its regencies/cities are in each group
   */
  record Row(String code, String name, String kind, String decreeNumber, LocalDate decreeDate, String decreeDocument,
      int adminAccounts, boolean adminActive, Instant lastAdminLogin, long activity, String group, String groupLabel,
      long received, Double onTimeRate, Double completionRate, String grade, Map<String, Integer> groups) {}

  /** The connectivity view of one level: its own row and the rows one level down. */
  record View(String code, String name, Instant asOf, GradingProperties criteria, Map<String, Integer> groups,
      List<Row> rows) {}

  private final Institutions institutions;
  private final StaffLogins logins;
  private final SupervisionFigures figures;
  private final NamedParameterJdbcTemplate jdbc;
  private final GradingProperties grading;
  private final Clock clock;

  Connectivity(Institutions institutions, StaffLogins logins,
      SupervisionFigures figures, NamedParameterJdbcTemplate jdbc, GradingProperties grading, Clock clock) {
    this.institutions = institutions;
    this.logins = logins;
    this.figures = figures;
    this.jdbc = jdbc;
    this.grading = grading;
    this.clock = clock;
  }

  /**
   * The nation: every province (with its groups) and national body; a province: itself and its
   * regencies/cities; a regency, city or national body: itself.
   */
  @Transactional(readOnly = true)
  View of(Unit unit) {
    Institution self = institutions.findById(unit.code()).orElseThrow();
    List<Institution> listed = new ArrayList<>();
    Map<String, List<Institution>> provinceMembers = new HashMap<>();
    switch (unit.kind()) {
      case NATIONAL -> {
        for (Institution i : institutions.findByParentCodeOrderByCode(Institution.NATIONAL_CODE)) {
          if (i.getKind() == InstitutionKind.PROVINCE) {
            listed.add(i);
            List<Institution> members = new ArrayList<>(List.of(i));
            members.addAll(institutions.regenciesOf(i.getCode()));
            provinceMembers.put(i.getCode(), members);
          } else if (i.getKind() == InstitutionKind.AGENCY) {
            listed.add(i);
          }
        }
      }
      case PROVINCE -> {
        listed.add(self);
        listed.addAll(institutions.regenciesOf(self.getCode()));
      }
      case REGENCY, CITY, AGENCY -> listed.add(self);
      case OPD -> throw new IllegalArgumentException("connectivity is kept for regional governments, not OPDs");
    }
    Set<Institution> assessed = new HashSet<>(listed);
    provinceMembers.values().forEach(assessed::addAll);
    Map<String, Assessment> byCode = assess(assessed, listed, unit);

    // the governments counted in the totals: a province's members in the nation's view, else the rows
    List<Assessment> counted = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (Institution i : listed) {
      List<Institution> members = provinceMembers.getOrDefault(i.getCode(), List.of(i));
      List<Assessment> assessments = members.stream().map(m -> byCode.get(m.getCode())).toList();
      counted.addAll(assessments);
      Map<String, Integer> groups = provinceMembers.containsKey(i.getCode()) ? countGroups(assessments) : null;
      rows.add(byCode.get(i.getCode()).row(groups));
    }
    return new View(unit.code(), unit.name(), clock.instant(), grading, countGroups(counted), rows);
  }

  private static Map<String, Integer> countGroups(List<Assessment> assessments) {
    Map<Group, Integer> counts = new EnumMap<>(Group.class);
    for (Group g : Group.values()) {
      counts.put(g, 0);
    }
    assessments.forEach(a -> counts.merge(a.group(), 1, Integer::sum));
    Map<String, Integer> named = new java.util.LinkedHashMap<>();
    counts.forEach((g, n) -> named.put(g.name(), n));
    return named;
  }

  private record Assessment(Institution institution, int accounts, Instant lastLogin, boolean adminActive,
      long activity, Counts counts, Grade grade) {

    Group group() {
      boolean decree = institution.getDecree().isPresent();
      return !decree ? Group.III : adminActive ? Group.I : Group.II;
    }

    Row row(Map<String, Integer> groups) {
      var decree = institution.getDecree();
      Group g = group();
      return new Row(institution.getCode(), institution.getName(), institution.getKind().name(),
          decree.map(Institution.Decree::number).orElse(null), decree.map(Institution.Decree::date).orElse(null),
          institution.getDecreeDocumentPath().orElse(null),
          accounts, adminActive, lastLogin, activity, g.name(), g.label, counts.received(),
          counts.answeredOnTimeRate(), counts.completionRate(), grade == null ? null : grade.name(), groups);
    }
  }

  /**
   * Decree and admin accounts of every assessed institution; counts, activity and grade of the graded
   * ones (the rows shown), each from the narrowest index that serves it.
   */
  private Map<String, Assessment> assess(Set<Institution> assessed, List<Institution> graded, Unit unit) {
    Instant now = clock.instant();
    Instant activeSince = now.minus(Duration.ofDays(grading.activeDays()));
    Map<String, StaffLogins.GroupLogins> logins = this.logins.ofGroups(
        assessed.stream().map(i -> i.groups().adminGroup()).toList());
    Map<String, Long> activity = activity(activeSince, unit);
    // one grading period for all (in WIB): an hour's difference at its edges does not change a grade
    LocalDate today = LocalDate.ofInstant(now, Institution.DEFAULT_ZONE);
    Period period = new Period(today.minusDays(grading.periodDays() - 1L), today, Institution.DEFAULT_ZONE);
    Map<String, Counts> counts = new HashMap<>();
    if (unit.kind() == InstitutionKind.NATIONAL) {
      // provinces and national bodies, as the nation's units
      counts.putAll(figures.countsBy(unit, period, unit.childColumn()));
    } else {
      counts.putAll(figures.countsBy(unit, period, "regency_code"));
      if (unit.kind() == InstitutionKind.PROVINCE) {
        counts.putAll(figures.countsBy(unit, period, "province_code"));
      }
    }
    Set<Institution> shown = new HashSet<>(graded);
    Map<String, Assessment> result = new HashMap<>();
    for (Institution i : assessed) {
      StaffLogins.GroupLogins admins = logins.getOrDefault(i.groups().adminGroup(), new StaffLogins.GroupLogins(0, null));
      boolean active = admins.lastLogin() != null && !admins.lastLogin().isBefore(activeSince);
      Counts c = counts.getOrDefault(i.getCode(), SupervisionFigures.empty());
      long acted = activity.getOrDefault(i.getCode(), 0L);
      Grade grade = shown.contains(i) ? grading.grade(c.answeredOnTimeRate(), c.completionRate(), acted) : null;
      result.put(i.getCode(), new Assessment(i, admins.accounts(), admins.lastLogin(), active, acted, c, grade));
    }
    return result;
  }

  /**
   * Complaints verified or answered since {@code since}, per regency/city/national body and per
   * province, within the unit.
   */
  private Map<String, Long> activity(Instant since, Unit unit) {
    MapSqlParameterSource params = new MapSqlParameterSource("since", Timestamp.from(since));
    String scope = unit.condition(params);
    Map<String, Long> result = new HashMap<>();
    jdbc.query("select regency_code, province_code, count(*) as n from complaint_projection"
        + " where (verified_at >= :since or answered_at >= :since)" + scope + " group by regency_code, province_code",
        params, rs -> {
          long n = rs.getLong("n");
          result.merge(rs.getString("regency_code"), n, Long::sum);
          if (rs.getString("province_code") != null) {
            result.merge(rs.getString("province_code"), n, Long::sum);
          }
        });
    return result;
  }
}
