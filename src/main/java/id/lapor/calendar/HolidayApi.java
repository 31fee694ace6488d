package id.lapor.calendar;

import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators keep the holidays up to date: list a year, replace a year from its published CSV. */
@RestController
@RequestMapping(path = "/api/staff/holidays", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Working-day calendar", description = "National holidays and cuti bersama (operators)")
class HolidayApi {

  private final Holidays holidays;
  private final WorkingCalendar calendar;
  private final org.springframework.context.ApplicationEventPublisher events;

  HolidayApi(Holidays holidays, WorkingCalendar calendar, org.springframework.context.ApplicationEventPublisher events) {
    this.holidays = holidays;
    this.calendar = calendar;
    this.events = events;
  }

  /** Whether a year's holiday list (the SKB) is loaded, or deadlines there are provisional. */
  enum YearStatus { LOADED, PROVISIONAL }

  /**
   * A year of the calendar: {@code LOADED} with its holidays, or {@code PROVISIONAL} with the
   * fixed-date national holidays the calendar uses until the list is loaded.
   */
  record YearView(int year, YearStatus status, String note, List<HolidayView> holidays) {}

  @GetMapping("/{year}")
  @Operation(summary = "The holidays of a year, and whether they are loaded or provisional")
  @Transactional(readOnly = true)
  YearView list(@PathVariable int year) {
    List<HolidayView> loaded = holidays.findByDateBetweenOrderByDate(LocalDate.of(year, 1, 1),
        LocalDate.of(year, 12, 31)).stream().map(HolidayView::of).toList();
    if (!loaded.isEmpty()) {
      return new YearView(year, YearStatus.LOADED, null, loaded);
    }
    List<HolidayView> fixed = WorkingCalendar.FIXED_DATE_HOLIDAYS.stream().map(h ->
        new HolidayView(h.day().atYear(year), HolidayKind.LIBUR_NASIONAL, h.name())).toList();
    return new YearView(year, YearStatus.PROVISIONAL, "The SKB holiday list of " + year + " is not loaded: the "
        + "calendar closes on the fixed-date national holidays only and every deadline in " + year
        + " is provisional. PUT /api/staff/holidays/" + year + " loads it and moves running deadlines.", fixed);
  }

  @PutMapping(path = "/{year}", consumes = "text/csv")
  @Operation(summary = "Replace a year's holidays with a CSV file (header date,kind,name)",
      description = "All or nothing: a file with any invalid line, or a date outside the year, changes nothing.")
  @Transactional
  YearView replace(@PathVariable int year, @RequestBody String csv) {
    HolidayCsv.Parsed parsed = HolidayCsv.parse(csv);
    List<FieldProblem> problems = new ArrayList<>(parsed.problems());
    parsed.holidays().stream().filter(h -> h.getDate().getYear() != year)
        .forEach(h -> problems.add(new FieldProblem(h.getDate().toString(), "is not in " + year)));
    if (parsed.holidays().isEmpty() && problems.isEmpty()) {
      problems.add(new FieldProblem("body", "lists no holidays"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    holidays.deleteBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    holidays.flush();
    holidays.saveAll(parsed.holidays());
    calendar.reload();
    events.publishEvent(new HolidaysLoaded(year));
    return list(year);
  }

  record HolidayView(LocalDate date, HolidayKind kind, String name) {
    static HolidayView of(Holiday h) {
      return new HolidayView(h.getDate(), h.getKind(), h.getName());
    }
  }
}
