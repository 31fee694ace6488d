package id.lapor.casework;

import id.lapor.calendar.WorkingCalendar;
import id.lapor.complaint.Complaint;
import id.lapor.institutions.Institutions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Whether a deadline is provisional — it falls in a year whose holiday list (SKB) is not loaded, so
 * only the fixed-date national holidays were counted — and the words that say so
 * ({@code tenggat sementara: kalender 2027 belum dimuat}), for the task forms, the staff API and the
 * public status page.
 */
@Component
public class ProvisionalDeadlines {

  private final WorkingCalendar calendar;
  private final Institutions institutions;
  private final MessageSource messages;

  ProvisionalDeadlines(WorkingCalendar calendar, Institutions institutions, MessageSource messages) {
    this.calendar = calendar;
    this.institutions = institutions;
    this.messages = messages;
  }

  /** The note for {@code deadline} counted in {@code zone}, if it is provisional. */
  public Optional<String> note(Instant deadline, ZoneId zone, Locale locale) {
    return deadline == null ? Optional.empty() : calendar.provisionalYear(deadline, zone)
        .map(year -> messages.getMessage("deadline.provisional", new Object[] {Integer.toString(year)}, locale));
  }

  /** The note for the complaint's current deadline, if it is provisional. */
  public Optional<String> note(Complaint c, Locale locale) {
    return c.getCurrentDeadline().flatMap(d -> note(d, institutions.zoneOf(c.getAddressedRegionCode()), locale));
  }
}
