package id.lapor.supervision;

import id.lapor.institutions.Institutions;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Figures for supervisors at every level (OPD, regency/city, province, nation), each seeing only
 * their own level and those below it. The Cockpit dashboard "Pengaduan" reads these.
 */
@RestController
@RequestMapping(path = "/api/staff/supervision", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Supervision", description = "Figures, traffic-light board and overdue complaints per level")
class SupervisionApi {

  static final int OVERDUE_LIMIT_MAX = 500;

  private final SupervisionScope scope;
  private final SupervisionFigures figures;
  private final OverdueComplaints overdue;
  private final Institutions institutions;
  private final Connectivity connectivity;
  private final Clock clock;

  SupervisionApi(SupervisionScope scope, SupervisionFigures figures, OverdueComplaints overdue,
      Institutions institutions, Connectivity connectivity, Clock clock, id.lapor.calendar.WorkingCalendar calendar) {
    this.calendar = calendar;
    this.connectivity = connectivity;
    this.scope = scope;
    this.figures = figures;
    this.overdue = overdue;
    this.institutions = institutions;
    this.clock = clock;
  }

  record UnitView(String code, String name, String kind) {}

  /** Something supervisors and operators should act on, shown above the dashboard. */
  record Notice(String kind, String text) {}

  private final id.lapor.calendar.WorkingCalendar calendar;

  @Operation(summary = "What the dashboard warns of: from 1 October, next year's holiday list when it is not "
      + "loaded (deadlines there are provisional); this year's, whenever it is not")
  @GetMapping("/notices")
  List<Notice> notices() {
    List<Notice> notices = new ArrayList<>();
    LocalDate today = LocalDate.now(clock.withZone(id.lapor.institutions.Institution.DEFAULT_ZONE));
    List<Integer> years = new ArrayList<>(List.of(today.getYear()));
    if (today.getMonthValue() >= 10) {
      years.add(today.getYear() + 1);
    }
    for (int year : years) {
      if (!calendar.isLoaded(year)) {
        notices.add(new Notice("CALENDAR", "Kalender libur " + year + " (SKB) belum dimuat: tenggat yang jatuh pada "
            + year + " dihitung hanya dengan hari libur nasional bertanggal tetap dan ditandai sementara. Operator "
            + "memuatnya dengan PUT /api/staff/holidays/" + year + "; tenggat yang berjalan lalu dihitung ulang."));
      }
    }
    return notices;
  }

  @Operation(summary = "The levels the caller supervises (where the dashboard opens)")
  @GetMapping("/units")
  List<UnitView> units(Authentication caller) {
    return scope.topUnits(caller).stream().map(u -> new UnitView(u.code(), u.name(), u.kind().name())).toList();
  }

  @Operation(summary = "Figures of one institution for the complaints received from `from` to `to` (dates, "
      + "inclusive, in the institution's zone; default: this month so far)")
  @GetMapping("/figures")
  Figures figures(Authentication caller, @RequestParam(required = false) String institution,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Unit unit = scope.resolve(caller, "institution", institution);
    return figures.figures(unit, period(unit, from, to));
  }

  @Operation(summary = "Open complaints past the institution's deadline, longest overdue first, with links to Cockpit")
  @GetMapping("/overdue")
  List<OverdueComplaints.Overdue> overdue(Authentication caller, @RequestParam(required = false) String institution,
      @RequestParam(defaultValue = "50") int limit) {
    Unit unit = scope.resolve(caller, "institution", institution);
    if (limit < 1 || limit > OVERDUE_LIMIT_MAX) {
      throw new InvalidRequestException(List.of(new FieldProblem("limit", "must be between 1 and "
          + OVERDUE_LIMIT_MAX)));
    }
    return overdue.of(unit, limit);
  }

  @Operation(summary = "Connectivity of regional governments: decree (SK), active admin account, activity, "
      + "group I/II/III and grade Baik/Sedang/Kurang (a province with its regencies/cities; the nation per province)")
  @GetMapping("/connectivity")
  Connectivity.View connectivity(Authentication caller, @RequestParam(required = false) String institution) {
    Unit unit = scope.resolve(caller, "institution", institution);
    if (unit.kind() == id.lapor.institutions.InstitutionKind.OPD) {
      throw new InvalidRequestException(List.of(new FieldProblem("institution",
          "connectivity is kept for regional governments and national bodies, not for OPDs")));
    }
    return connectivity.of(unit);
  }

  /** The period a request names, in the unit's zone. */
  Period period(Unit unit, String from, String to) {
    ZoneId zone = institutions.zoneOf(unit.code());
    LocalDate today = LocalDate.now(clock.withZone(zone));
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate start = date("from", from, today.withDayOfMonth(1), problems);
    LocalDate end = date("to", to, today, problems);
    if (problems.isEmpty() && end.isBefore(start)) {
      problems.add(new FieldProblem("to", "must not be before from (" + start + ")"));
    }
    if (problems.isEmpty() && java.time.temporal.ChronoUnit.DAYS.between(start, end) >= Period.MAX_DAYS) {
      problems.add(new FieldProblem("from", "a period spans at most 11 years"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new Period(start, end, zone);
  }

  private static LocalDate date(String field, String text, LocalDate fallback, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date like 2026-11-01"));
      return fallback;
    }
  }
}
