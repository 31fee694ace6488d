package id.lapor.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads holiday files at start: those packaged with the application ({@code calendar/holidays-*.csv})
 * and those an operator puts in {@code lapor.calendar.dir}. A year the database already knows is
 * left alone, so corrections made through the admin API survive restarts. Warns when this year or
 * the next has no holidays.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HolidayImport implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(HolidayImport.class);

  private final Holidays holidays;
  private final WorkingCalendar calendar;
  private final CalendarProperties properties;
  private final org.springframework.context.ApplicationEventPublisher events;

  HolidayImport(Holidays holidays, WorkingCalendar calendar, CalendarProperties properties,
      org.springframework.context.ApplicationEventPublisher events) {
    this.holidays = holidays;
    this.calendar = calendar;
    this.properties = properties;
    this.events = events;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Map<String, String> files = new TreeMap<>();
    files.putAll(packagedFiles());
    files.putAll(operatorFiles());
    List<Integer> known = holidays.years();
    for (Map.Entry<String, String> file : files.entrySet()) {
      HolidayCsv.Parsed parsed = HolidayCsv.parse(file.getValue());
      if (!parsed.problems().isEmpty()) {
        log.error("Holiday file {} ignored: {}", file.getKey(), parsed.problems().stream()
            .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        continue;
      }
      List<Holiday> unknownYears = parsed.holidays().stream()
          .filter(h -> !known.contains(h.getDate().getYear())).toList();
      if (!unknownYears.isEmpty()) {
        holidays.saveAll(unknownYears);
        log.info("Imported {} holidays from {}", unknownYears.size(), file.getKey());
        // the calendar re-reads the holidays before the listeners compute deadlines again (both after commit)
        calendar.reload();
        // complaints already under way (deadlines computed provisionally) move with the new year
        unknownYears.stream().map(h -> h.getDate().getYear()).distinct()
            .forEach(year -> events.publishEvent(new HolidaysLoaded(year)));
      }
    }
    calendar.reload();
    List<Integer> missing = calendar.missingYears();
    if (!missing.isEmpty()) {
      log.warn("The working-day calendar has no holiday list for {}: deadlines there count only the fixed-date "
          + "national holidays and are marked provisional. Add them with PUT /api/staff/holidays/{year} or a file in {}",
          missing, properties.dir().toAbsolutePath());
    }
  }

  private Map<String, String> packagedFiles() {
    Map<String, String> found = new TreeMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/holidays-*.csv")) {
        try (InputStream in = r.getInputStream()) {
          found.put("classpath:calendar/" + r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read packaged holiday files", e);
    }
    return found;
  }

  private Map<String, String> operatorFiles() {
    Map<String, String> found = new TreeMap<>();
    if (!Files.isDirectory(properties.dir())) {
      return found;
    }
    try (Stream<Path> files = Files.list(properties.dir())) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("holidays-.*\\.csv")).toList()) {
        found.put(f.toString(), Files.readString(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read holiday files in " + properties.dir(), e);
    }
    return found;
  }
}
