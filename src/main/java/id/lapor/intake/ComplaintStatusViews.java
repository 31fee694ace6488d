package id.lapor.intake;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.EscalationLevel;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.TimelineEntry;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import java.time.Clock;
import java.util.Locale;
import java.util.function.LongFunction;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds the public status of a complaint, applying its privacy setting. */
@Component
class ComplaintStatusViews {

  private final Institutions institutions;
  private final MessageSource messages;
  private final Clock clock;
  private final ComplaintFiles files;

  private final id.lapor.casework.ProvisionalDeadlines provisional;

  ComplaintStatusViews(Institutions institutions, MessageSource messages, Clock clock, ComplaintFiles files,
      id.lapor.casework.ProvisionalDeadlines provisional) {
    this.provisional = provisional;
    this.files = files;
    this.institutions = institutions;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * @param withToken the caller proved to be the complainant: content is shown even if confidential
   */
  ComplaintStatusView of(Complaint c, boolean withToken, Locale locale) {
    return of(c, withToken, locale, id -> "/api/complaints/" + c.getTrackingNumber() + "/attachments/" + id);
  }

  /** @param attachmentUrl the address of each attachment by its id */
  ComplaintStatusView of(Complaint c, boolean withToken, Locale locale, LongFunction<String> attachmentUrl) {
    boolean contentVisible = withToken || c.getPrivacy() != Privacy.CONFIDENTIAL;
    // each "saya juga" is counted in reportCount, not listed: a hundred supporters are not a hundred steps
    // "saya juga" is shown as a count; deadline recalculations are for staff (the deadline shows the result)
    var timeline = c.getTimeline().stream().filter(e -> e.getType() != id.lapor.complaint.TimelineEventType.ME_TOO
            && e.getType() != id.lapor.complaint.TimelineEventType.DEADLINE_RECALCULATED)
        .map(e -> entry(e, contentVisible, locale)).toList();
    return new ComplaintStatusView(
        c.getTrackingNumber(),
        c.getStatus().name(),
        label("status." + c.getStatus(), locale),
        c.getStatus().laporStatus(),
        c.getStatus().isOpen(),
        c.getClassification().name(),
        contentVisible ? c.getCategory().name() : null,
        contentVisible ? c.getTitle() : null,
        contentVisible ? c.getDescription() : null,
        contentVisible ? c.getAddressedRegionCode() : null,
        contentVisible ? name(c.getAddressedRegionCode()) : null,
        contentVisible ? c.getLocation().district() : null,
        contentVisible ? label("category." + c.getCategory(), locale) : null,
        c.getSubmittedAt(),
        c.getCurrentDeadline().orElse(null),
        provisional.note(c, locale).orElse(null),
        c.getClosedAt().orElse(null),
        c.getEscalationLevel() != EscalationLevel.NONE,
        c.trafficLight(clock.instant()).map(Enum::name).orElse(null),
        c.getAnsweredLate().orElse(null),
        c.getResolution().map(Enum::name).orElse(null),
        c.getArchiveReason().map(Enum::name).orElse(null),
        timeline,
        files.visible(c, withToken, attachmentUrl),
        c.getReportCount(),
        c.getMergedIntoTrackingNumber().orElse(null));
  }

  private ComplaintStatusView.Entry entry(TimelineEntry e, boolean contentVisible, Locale locale) {
    String institution = contentVisible && e.getInstitutionCode() != null ? name(e.getInstitutionCode()) : null;
    String reason = e.getReasonCode() == null ? "" : label("reason." + e.getReasonCode(), locale);
    String label = messages.getMessage("timeline." + e.getType(),
        new Object[] {institution == null ? "" : institution, reason}, locale).strip();
    String note = contentVisible && e.getType().isNotePublic() ? e.getNote() : null;
    return new ComplaintStatusView.Entry(e.getType().name(), label, e.getOccurredAt(), institution, note,
        contentVisible ? e.getRating() : null);
  }

  private String name(String code) {
    return institutions.findById(code).map(Institution::getName).orElse(code);
  }

  private String label(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
