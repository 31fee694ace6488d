package id.lapor.calendar;

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

  private final Holidays holidays;
  private final Clock clock;
  private volatile WorkingTime current;

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

  /** Years (this one and the next) for which no holiday is known: deadlines there would be wrong. */
  @Transactional(readOnly = true)
  public List<Integer> missingYears() {
    Set<Integer> known = new HashSet<>(holidays.years());
    int thisYear = Year.now(clock).getValue();
    return List.of(thisYear, thisYear + 1).stream().filter(y -> !known.contains(y)).toList();
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
    WorkingTime snapshot = current;
    if (snapshot == null) {
      snapshot = new WorkingTime(holidays.findAll().stream().map(Holiday::getDate).collect(Collectors.toSet()));
      current = snapshot;
    }
    return snapshot;
  }
}
