package id.lapor.deadlines;

import id.lapor.calendar.WorkingCalendar;
import id.lapor.deadlines.WorkingHours;
import id.lapor.institutions.Institutions;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Working time in a region's offices: the government calendar in the region's time zone. */
@Service
public class OfficeHours implements WorkingHours {

  private final WorkingCalendar calendar;
  private final Institutions institutions;

  OfficeHours(WorkingCalendar calendar, Institutions institutions) {
    this.calendar = calendar;
    this.institutions = institutions;
  }

  @Override
  public Duration between(Instant from, Instant to, String regionCode) {
    return calendar.between(from, to, institutions.zoneOf(regionCode));
  }
}
