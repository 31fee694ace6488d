package id.lapor.calendar;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code workingCalendar}: {@code WARNING} while this year or the
 * next has no holidays (deadlines would silently count holidays as working days).
 */
@Component("workingCalendarHealthIndicator")
class CalendarHealthIndicator implements HealthIndicator {

  static final Status WARNING = new Status("WARNING", "holidays missing");

  private final WorkingCalendar calendar;

  CalendarHealthIndicator(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public Health health() {
    var missing = calendar.missingYears();
    if (missing.isEmpty()) {
      return Health.up().build();
    }
    return Health.status(WARNING).withDetail("missingYears", missing)
        .withDetail("action", "upload the holidays with PUT /api/staff/holidays/{year}").build();
  }
}
