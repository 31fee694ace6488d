package id.lapor.casework;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.attachments.Attachments;
import id.lapor.casework.steps.FormText;
import id.lapor.casework.steps.TaskSteps;
import id.lapor.casework.steps.TaskView;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.TimelineEntry;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a task form shows of its complaint, read from the database when the form is opened: the
 * complaint itself never enters process variables or Camunda history. Every form shows the same
 * header, rendered here once as Markdown ({@code complaintHeader}, the form's first text view;
 * what complainants and officers wrote is shown as written, never as Markdown or HTML); the task's
 * {@link id.lapor.casework.steps.TaskStep} adds its option lists and suggestions. The header's
 * parts are also given one by one ({@code complaintTitle}, …) for clients of the REST API. The
 * complainant's contact appears only in the regency admin's verification form, and never for an
 * anonymous complaint.
 */
@Component
class ComplaintFormView {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", FormText.INDONESIAN);

  private final ProvisionalDeadlines provisional;
  private final Complaints complaints;
  private final Institutions institutions;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Clock clock;
  private final Attachments attachments;
  private final TaskSteps steps;
  private final InternalNotes notes;

  ComplaintFormView(Complaints complaints, Institutions institutions, MessageSource messages, ObjectMapper json,
      Clock clock, Attachments attachments, TaskSteps steps, InternalNotes notes, ProvisionalDeadlines provisional) {
    this.provisional = provisional;
    this.notes = notes;
    this.complaints = complaints;
    this.institutions = institutions;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
    this.attachments = attachments;
    this.steps = steps;
  }

  /** Read-only fields (and option lists) for the form of {@code task} about a complaint. */
  @Transactional(readOnly = true)
  Map<String, TypedValue> fieldsFor(DelegateTask task, long complaintId) {
    Complaint c = complaints.getById(complaintId);
    ZoneId zone = institutions.zoneOf(c.getAddressedRegionCode());
    Map<String, TypedValue> fields = new LinkedHashMap<>();
    TaskView view = new TaskView(c, zone, this::label, json, fields);
    Header header = new Header(c, zone);
    view.text("complaintTrackingNumber", c.getTrackingNumber());
    view.text("complaintStatus", header.status);
    view.text("complaintClassification", header.classification);
    view.text("complaintCategory", header.category);
    view.text("complaintPrivacy", header.privacy);
    view.text("complaintTitle", c.getTitle());
    view.text("complaintDescription", c.getDescription());
    view.text("complaintLocation", header.location);
    view.text("complaintIncidentDate", header.incidentDate);
    view.text("complaintSubmittedAt", header.submittedAt);
    view.text("complaintDeadline", header.deadline);
    view.text("complaintHandledBy", header.handledBy);
    view.text("complaintCounts", header.counts);
    view.text("complaintHistory", header.history);
    view.text("complaintTarget", header.target);
    view.text("complaintAttachments", header.attachments);
    view.text("complaintTrafficLight", header.light);
    view.text("complaintHeader", header.markdown(c));
    steps.of(task).ifPresent(step -> step.show(view));
    return fields;
  }

  /**
   * The complaint as the staff page shows it ({@link StaffComplaintPage}): the same header as the
   * forms, the timeline as entries and the files as links, times in the regency's zone.
   */
  @Transactional(readOnly = true)
  Sheet sheet(Complaint c) {
    ZoneId zone = institutions.zoneOf(c.getAddressedRegionCode());
    Header h = new Header(c, zone);
    List<Sheet.Entry> timeline = c.getTimeline().stream().map(e -> new Sheet.Entry(
        FormText.at(e.getOccurredAt(), zone),
        label("timeline." + e.getType(), e.getInstitutionCode() == null ? "" : institutionName(e.getInstitutionCode()),
            e.getReasonCode() == null ? "" : label("reason." + e.getReasonCode())),
        e.getActor(), e.getNote(), e.getRating())).toList();
    List<Sheet.File> files = attachments.of(c.getId()).stream().map(a -> new Sheet.File(a.getFileName(),
        StaffComplaintApi.attachmentUrl(c, a.getId()), a.getContentType(), a.getSizeBytes(), a.isLocationRemoved(),
        a.isFollowUpEvidence(), a.getUploadedBy())).toList();
    return new Sheet(c.getTrackingNumber(), c.getTitle(), c.getDescription(), h.status, h.light,
        c.trafficLight(clock.instant()).map(Enum::name).orElse("NONE"), h.deadline, h.handledBy,
        h.classification + " · " + h.category + " · " + h.privacy, h.location, h.incidentDate, h.submittedAt,
        h.target, h.counts, c.getMergedIntoTrackingNumber().orElse(null), timeline, files, zone);
  }

  /** A complaint in the officers' words, for the staff page. */
  record Sheet(String trackingNumber, String title, String description, String status, String light, String lightKey,
      String deadline, String handledBy, String kind, String location, String incidentDate, String submittedAt,
      String target, String counts, String mergedInto, List<Entry> timeline, List<File> files, ZoneId zone) {

    record Entry(String at, String what, String actor, String note, Integer rating) {}

    record File(String name, String url, String contentType, long sizeBytes, boolean locationRemoved,
        boolean followUpEvidence, String uploadedBy) {}
  }

  /** The parts every form shows, in the officers' words. */
  private final class Header {
    final String status;
    final String classification;
    final String category;
    final String privacy;
    final String location;
    final String incidentDate;
    final String submittedAt;
    final String deadline;
    final String handledBy;
    final String counts;
    final String history;
    final String target;
    final String attachments;
    final String light;

    private final ZoneId zone;

    Header(Complaint c, ZoneId zone) {
      this.zone = zone;
      status = label("status." + c.getStatus());
      classification = label("classification." + c.getClassification());
      category = label("category." + c.getCategory());
      privacy = label("privacy." + c.getPrivacy());
      location = location(c);
      incidentDate = c.getIncidentDate() == null ? "-" : DATE.format(c.getIncidentDate());
      submittedAt = FormText.at(c.getSubmittedAt(), zone);
      deadline = c.getCurrentDeadline().map(d -> FormText.at(d, zone)
          + provisional.note(d, zone, FormText.INDONESIAN).map(n -> " (" + n + ")").orElse("")).orElse("-");
      handledBy = c.getOfficer().map(o -> institutionName(c.getHandlerCode()) + " — " + o)
          .orElse(institutionName(c.getHandlerCode()));
      counts = label("form.counts", c.getReturnCount(), c.getReopenCount(), c.getEscalationCount());
      history = history(c, zone);
      target = c.getTargetInstitutionCode().map(ComplaintFormView.this::institutionName).orElse("-");
      attachments = attachmentLinks(c);
      light = c.trafficLight(clock.instant()).map(l -> label("light." + l)).orElse(label("light.NONE"));
    }

    /** The header as one Markdown text: what the form's first text view shows. */
    String markdown(Complaint c) {
      StringBuilder md = new StringBuilder();
      md.append("### ").append(FormText.markdownLine(c.getTitle())).append("\n\n");
      md.append("**[").append(c.getTrackingNumber()).append("](").append(FormText.staffPage(c.getTrackingNumber()))
          .append(")** · ").append(FormText.markdownLine(status))
          .append(" · ").append(FormText.markdownLine(light)).append("  \n");
      md.append(label("form.header.deadline")).append(": **").append(FormText.markdownLine(deadline))
          .append("** · ").append(label("form.header.handledBy")).append(": ")
          .append(FormText.markdownLine(handledBy)).append("\n\n");
      md.append(FormText.markdown(c.getDescription())).append("\n\n");
      row(md, "form.header.kind", classification + " · " + category + " · " + privacy);
      row(md, "form.header.location", location);
      row(md, "form.header.incidentDate", incidentDate);
      row(md, "form.header.submittedAt", submittedAt);
      row(md, "form.header.target", target);
      row(md, "form.header.counts", counts);
      md.append("\n**").append(label("form.header.attachments")).append("**\n\n").append(attachments).append("\n\n");
      md.append("**").append(label("form.header.history")).append("**\n\n");
      for (String line : history.split("\n")) {
        // an entry, or a line of its note (continuing the entry's list item)
        md.append(line.startsWith("    ") ? "  " + FormText.markdownLine(line.strip()) : "- "
            + FormText.markdownLine(line)).append("  \n");
      }
      // staff's notes for each other, and where to add one (or the follow-up's evidence)
      md.append("\n**").append(label("form.header.notes")).append("**\n\n");
      for (InternalNote n : notes.findByComplaintIdOrderByWrittenAtAscIdAsc(c.getId())) {
        md.append("- ").append(FormText.markdownLine(FormText.at(n.getWrittenAt(), zone) + " · " + n.getAuthor()))
            .append(": ").append(FormText.markdownLine(n.getText())).append("  \n");
      }
      md.append("\n[").append(label("form.header.openPage")).append("](")
          .append(FormText.staffPage(c.getTrackingNumber())).append(")\n");
      return md.toString();
    }

    private void row(StringBuilder md, String key, String value) {
      md.append(label(key)).append(": ").append(FormText.markdownLine(value)).append("  \n");
    }
  }

  private String location(Complaint c) {
    var loc = c.getLocation();
    StringJoiner parts = new StringJoiner(", ");
    if (loc.district() != null) {
      parts.add(loc.district());
    }
    parts.add(institutionName(loc.regionCode()));
    String text = parts.toString();
    if (loc.latitude() != null && loc.longitude() != null) {
      text += " (" + loc.latitude() + ", " + loc.longitude() + ")";
    }
    return text;
  }

  /**
   * The complaint's files as a Markdown list of download links (the form's text view renders it);
   * names were made safe for Markdown at upload.
   */
  private String attachmentLinks(Complaint c) {
    var files = attachments.of(c.getId());
    if (files.isEmpty()) {
      return label("form.noAttachments");
    }
    StringJoiner list = new StringJoiner("\n");
    for (var a : files) {
      list.add("- [" + a.getFileName() + "](" + StaffComplaintApi.attachmentUrl(c, a.getId()) + ") — "
          + (a.getSizeBytes() < 1048576
              ? String.format(FormText.INDONESIAN, "%.0f KB", Math.ceil(a.getSizeBytes() / 1024.0))
              : String.format(FormText.INDONESIAN, "%.1f MB", a.getSizeBytes() / 1048576.0))
          + (a.isLocationRemoved() ? " · " + label("form.locationRemoved") : "")
          + (a.isFollowUpEvidence() ? " · " + label("form.followUpEvidence", a.getUploadedBy()) : ""));
    }
    return list.toString();
  }

  /** The staff timeline, one line per entry with its note indented below. */
  private String history(Complaint c, ZoneId zone) {
    List<String> lines = new ArrayList<>();
    for (TimelineEntry e : c.getTimeline()) {
      String what = label("timeline." + e.getType(),
          e.getInstitutionCode() == null ? "" : institutionName(e.getInstitutionCode()),
          e.getReasonCode() == null ? "" : label("reason." + e.getReasonCode()));
      StringBuilder line = new StringBuilder(FormText.at(e.getOccurredAt(), zone)).append(" · ").append(what)
          .append(" (").append(e.getActor()).append(')');
      if (e.getRating() != null) {
        line.append(" · ").append(label("form.rating", e.getRating()));
      }
      if (e.getNote() != null) {
        line.append("\n    ").append(e.getNote().replace("\n", "\n    "));
      }
      lines.add(line.toString());
    }
    return String.join("\n", lines);
  }

  private String institutionName(String code) {
    return institutions.findById(code).map(Institution::getName).orElse(code);
  }

  private String label(String key, Object... args) {
    return messages.getMessage(key, args, key, FormText.INDONESIAN);
  }
}
