package id.lapor.calendar;

import java.time.MonthDay;
import java.util.Optional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working-day calendar of government offices, from the holidays in the database. Every
 * deadline that counts working days goes through here.
 */
@Service
public class WorkingCalendar implements TimeReckoner {

  /**
   * The national holidays fixed by law to a date (Keppres 24/2013 and its successors: New Year, Labour
   * Day, Pancasila Day, Independence Day, Christmas). A year whose SKB list is not loaded closes on
   * these, and its deadlines are provisional.
   */
  static final List<FixedHoliday> FIXED_DATE_HOLIDAYS = List.of(
      new FixedHoliday(MonthDay.of(1, 1), "Tahun Baru Masehi"),
      new FixedHoliday(MonthDay.of(5, 1), "Hari Buruh Internasional"),
      new FixedHoliday(MonthDay.of(6, 1), "Hari Lahir Pancasila"),
      new FixedHoliday(MonthDay.of(8, 17), "Hari Proklamasi Kemerdekaan RI"),
      new FixedHoliday(MonthDay.of(12, 25), "Hari Raya Natal"));

  /** A national holiday on the same day every year. */
  record FixedHoliday(MonthDay day, String name) {}

  /** Years the provisional calendar covers (beyond them the fixed dates alone are no better a guess). */
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private final Holidays holidays;
  private final Clock clock;
  private volatile Snapshot current;

  /**
   * The holidays as read: the closed days and the years whose SKB list is loaded. Read again at most
   * this often, so that a list loaded on another node of a cluster counts here within a minute.
   */
  private record Snapshot(WorkingTime time, Set<Integer> loadedYears, long readAtNanos) {}

  static final long SNAPSHOT_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

  WorkingCalendar(Holidays holidays, Clock clock) {
    this.holidays = holidays;
    this.clock = clock;
  }

  @Override
  public Instant plus(Instant from, SopDuration duration, ZoneId zone) {
    return workingTime().plus(from, duration, zone);
  }

  @Override
  public Instant plusShare(Instant from, SopDuration duration, int percent, ZoneId zone) {
    return workingTime().plusShare(from, duration, percent, zone);
  }

  /** The working time between two instants in {@code zone} (see {@link WorkingTime#between}). */
  public Duration between(Instant from, Instant to, ZoneId zone) {
    return workingTime().between(from, to, zone);
  }

  public boolean isWorkingDay(LocalDate date) {
    return workingTime().isWorkingDay(date);
  }

  /**
   * Years (this one and the next) whose holiday list is not loaded: deadlines there count only the
   * fixed-date holidays and are provisional.
   */
  @Transactional(readOnly = true)
  public List<Integer> missingYears() {
    Set<Integer> known = new HashSet<>(holidays.years());
    int thisYear = Year.now(clock).getValue();
    return List.of(thisYear, thisYear + 1).stream().filter(y -> !known.contains(y)).toList();
  }

  /** Whether {@code year}'s holidays (the SKB list) are loaded; if not, its deadlines are provisional. */
  public boolean isLoaded(int year) {
    return snapshot().loadedYears().contains(year);
  }

  /**
   * The year whose holidays are not loaded in which {@code deadline} falls (in {@code zone}), if any:
   * such a deadline is provisional ("tenggat sementara: kalender 2027 belum dimuat").
   */
  public Optional<Integer> provisionalYear(Instant deadline, ZoneId zone) {
    int year = deadline.atZone(zone).getYear();
    return isLoaded(year) ? Optional.empty() : Optional.of(year);
  }

  /** Reads the holidays again once the transaction that changed them has committed. */
  public void reload() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          current = null;
        }
      });
    } else {
      current = null;
    }
  }

  private WorkingTime workingTime() {
    return snapshot().time();
  }

  private Snapshot snapshot() {
    Snapshot snapshot = current;
    if (snapshot == null || System.nanoTime() - snapshot.readAtNanos() > SNAPSHOT_NANOS) {
      Set<LocalDate> closed = holidays.findAll().stream().map(Holiday::getDate).collect(Collectors.toSet());
      Set<Integer> loaded = closed.stream().map(LocalDate::getYear).collect(Collectors.toSet());
      for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        if (!loaded.contains(year)) {
          for (FixedHoliday fixed : FIXED_DATE_HOLIDAYS) {
            closed.add(fixed.day().atYear(year));
          }
        }
      }
      snapshot = new Snapshot(new WorkingTime(closed), Set.copyOf(loaded), System.nanoTime());
      current = snapshot;
    }
    return snapshot;
  }
}
