package id.lapor.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.attachments.Attachments;
import id.lapor.calendar.SopDuration;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TimelineEventType;
import id.lapor.deadlines.SopDeadlines;
import id.lapor.deadlines.SopStep;
import id.lapor.duplicates.DuplicateCandidates;
import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionGroups;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import id.lapor.routing.RoutingSuggestions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a task form shows of its complaint, read from the database when the form is opened: the
 * complaint itself never enters process variables or Camunda history. Option lists for the
 * decision fields (the regency's OPDs, all regencies, the OPD's officers) come along as JSON.
 * The complainant's contact appears only in the regency admin's verification form, and never for
 * an anonymous complaint.
 */
@Component
class ComplaintFormView {

  static final Locale INDONESIAN = Locale.forLanguageTag("id");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", INDONESIAN);

  private final Complaints complaints;
  private final Institutions institutions;
  private final IdentityService identityService;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Clock clock;
  private final SopDeadlines sopDeadlines;
  private final Attachments attachments;
  private final RoutingSuggestions routing;
  private final DuplicateCandidates duplicates;

  ComplaintFormView(Complaints complaints, Institutions institutions, IdentityService identityService,
      MessageSource messages, ObjectMapper json, Clock clock, SopDeadlines sopDeadlines, Attachments attachments,
      RoutingSuggestions routing, DuplicateCandidates duplicates) {
    this.duplicates = duplicates;
    this.attachments = attachments;
    this.routing = routing;
    this.sopDeadlines = sopDeadlines;
    this.complaints = complaints;
    this.institutions = institutions;
    this.identityService = identityService;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
  }

  /** Read-only fields (and option lists) for the form of task {@code taskKey} about a complaint. */
  @Transactional(readOnly = true)
  Map<String, TypedValue> fieldsFor(String taskKey, long complaintId) {
    Complaint c = complaints.getById(complaintId);
    ZoneId zone = institutions.zoneOf(c.getAddressedRegionCode());
    Map<String, TypedValue> fields = new LinkedHashMap<>();
    text(fields, "complaintTrackingNumber", c.getTrackingNumber());
    text(fields, "complaintStatus", label("status." + c.getStatus()));
    text(fields, "complaintClassification", label("classification." + c.getClassification()));
    text(fields, "complaintCategory", label("category." + c.getCategory()));
    text(fields, "complaintPrivacy", label("privacy." + c.getPrivacy()));
    text(fields, "complaintTitle", c.getTitle());
    text(fields, "complaintDescription", c.getDescription());
    text(fields, "complaintLocation", location(c));
    text(fields, "complaintIncidentDate", c.getIncidentDate() == null ? "-" : DATE.format(c.getIncidentDate()));
    text(fields, "complaintSubmittedAt", at(c.getSubmittedAt(), zone));
    text(fields, "complaintDeadline", c.getCurrentDeadline().map(d -> at(d, zone)).orElse("-"));
    text(fields, "complaintHandledBy", handledBy(c));
    text(fields, "complaintCounts", label("form.counts", c.getReturnCount(), c.getReopenCount(),
        c.getEscalationCount()));
    text(fields, "complaintHistory", history(c, zone));
    text(fields, "complaintTarget", c.getTargetInstitutionCode().map(this::institutionName).orElse("-"));
    text(fields, "complaintAttachments", attachmentLinks(c));
    text(fields, "complaintTrafficLight", c.trafficLight(clock.instant())
        .map(light -> label("light." + light)).orElse(label("light.NONE")));
    switch (taskKey) {
      case ComplaintTasks.VERIFY_COMPLAINT -> {
        text(fields, "complaintComplainant", complainant(c));
        routingSuggestion(c, fields);
        text(fields, "duplicateCandidates", duplicateList(c, zone));
        fields.put("transferOptions", options(verifyingInstitutionsBut(c.getAddressedRegionCode())));
        fields.put("opdOptions", options(institutions.opdsOf(c.getAddressedRegionCode()).stream()
            .map(i -> new Option(i.getName(), i.getCode())).toList()));
      }
      case ComplaintTasks.VERIFY_COMPLAINT_NATIONALLY -> fields.put("regencyOptions",
          options(verifyingInstitutionsBut(null)));
      case ComplaintTasks.DISPOSE_COMPLAINT -> {
        // where the OPD thinks it belongs: another OPD of the regency, or another verifying institution
        List<Option> returnOptions = new ArrayList<>(institutions.opdsOf(c.getAddressedRegionCode()).stream()
            .filter(i -> !i.getCode().equals(c.getOpdCode().orElse(null)))
            .map(i -> new Option(i.getName(), i.getCode())).toList());
        returnOptions.addAll(verifyingInstitutionsBut(c.getAddressedRegionCode()));
        fields.put("returnOptions", options(returnOptions));
        fields.put("officerOptions", options(
          identityService.createUserQuery()
              .memberOfGroup(InstitutionGroups.opdOfficers(c.getOpdCode().orElse("")))
              .orderByUserLastName().asc().list().stream()
              .map(u -> new Option(u.getFirstName() + " " + u.getLastName() + " (" + u.getId() + ")", u.getId()))
              .toList()));
      }
      case ComplaintTasks.SUPERVISE_OVERDUE_COMPLAINT -> {
        List<Option> actions = new ArrayList<>();
        actions.add(new Option(label("supervision.PUSH"), "PUSH"));
        actions.add(new Option(label("supervision.REASSIGN"), "REASSIGN"));
        if (!c.isDeadlineExtended()) {
          actions.add(new Option(label("supervision.EXTEND", extension(c)), "EXTEND"));
        }
        fields.put("supervisionActionOptions", options(actions));
        fields.put("opdOptions", options(institutions.opdsOf(c.getAddressedRegionCode()).stream()
            .filter(i -> !i.getCode().equals(c.getOpdCode().orElse(null)))
            .map(i -> new Option(i.getName(), i.getCode())).toList()));
      }
      default -> { }
    }
    return fields;
  }

  /**
   * Who should act on it: the suggestion of the OPD that last returned it, if it named one, else
   * Routing.dmn's (never an OPD that returned it). An OPD of the regency is pre-selected.
   */
  private void routingSuggestion(Complaint c, Map<String, TypedValue> fields) {
    List<TimelineEntry> returns = c.getTimeline().stream().filter(e -> e.getType() == TimelineEventType.RETURNED).toList();
    Optional<TimelineEntry> lastReturn = returns.isEmpty() ? Optional.empty() : Optional.of(returns.get(returns.size() - 1));
    Optional<Institution> named = lastReturn.map(TimelineEntry::getReasonCode).flatMap(institutions::findById);
    String text;
    Optional<String> preselect;
    if (named.isPresent()) {
      text = label("form.routing.returned", institutionName(lastReturn.get().getInstitutionCode()), named.get().getName());
      preselect = named.filter(i -> c.getAddressedRegionCode().equals(i.getParentCode())).map(Institution::getCode);
    } else {
      Set<String> returnedBy = returns.stream().map(TimelineEntry::getInstitutionCode).filter(Objects::nonNull)
          .collect(Collectors.toSet());
      var suggested = routing.suggest(c.getAddressedRegionCode(), c.getCategory(), c.getTitle(), c.getDescription(),
          returnedBy);
      text = suggested.map(s -> label(s.withinRegency() ? "form.routing.opd" : "form.routing.elsewhere", s.name(),
          String.join("; ", s.reasons()))).orElse(label("form.routing.none"));
      preselect = suggested.filter(RoutingSuggestions.Suggested::withinRegency).map(RoutingSuggestions.Suggested::code);
    }
    text(fields, "routingSuggestion", text);
    // pre-selected; the admin may choose another OPD
    preselect.ifPresent(code -> text(fields, ProcessVariables.OPD_CODE, code));
  }

  /** Regencies, cities and national bodies (national bodies first), without {@code except}. */
  private List<Option> verifyingInstitutionsBut(String except) {
    return institutions.findByKindInOrderByCode(List.of(InstitutionKind.AGENCY, InstitutionKind.REGENCY,
            InstitutionKind.CITY)).stream()
        .filter(i -> !i.getCode().equals(except))
        .sorted(Comparator.comparing((Institution i) -> i.getKind() != InstitutionKind.AGENCY)
            .thenComparing(Institution::getCode))
        .map(i -> new Option(i.getName() + " (" + i.getCode() + ")", i.getCode())).toList();
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

  private String extension(Complaint c) {
    return sopDeadlines.forRegion(c.getAddressedRegionCode(), c.getClassification()).duration(SopStep.EXTENSION)
        .map(SopDuration::toIndonesian).orElse("-");
  }

  private String handledBy(Complaint c) {
    String handler = institutionName(c.getHandlerCode());
    return c.getOfficer().map(o -> handler + " — " + o).orElse(handler);
  }

  /**
   * The complainant's contact, for the regency's admins only (who may need to reach them, anonymous
   * complainants included); anyone else reading the form (a supervisor, the national admins) sees
   * that it is withheld.
   */
  private String complainant(Complaint c) {
    var viewer = identityService.getCurrentAuthentication();
    boolean regencyAdmin = viewer != null && viewer.getGroupIds() != null
        && viewer.getGroupIds().contains(InstitutionGroups.regencyAdmins(c.getAddressedRegionCode()));
    if (!regencyAdmin) {
      return label("form.contactWithheld");
    }
    String prefix = c.getPrivacy() == Privacy.ANONYMOUS ? label("form.anonymous") + " — " : "";
    return prefix + c.getComplainant().map(p -> {
      StringJoiner j = new StringJoiner(" · ");
      for (String part : new String[] {p.getName(), p.getEmail(), p.getPhone()}) {
        if (part != null && !part.isBlank()) {
          j.add(part);
        }
      }
      return j.toString();
    }).orElse("-");
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
          + (a.getSizeBytes() < 1048576 ? String.format(INDONESIAN, "%.0f KB", Math.ceil(a.getSizeBytes() / 1024.0))
              : String.format(INDONESIAN, "%.1f MB", a.getSizeBytes() / 1048576.0))
          + (a.isLocationRemoved() ? " · " + label("form.locationRemoved") : ""));
    }
    return list.toString();
  }

  /** Open complaints like this one, as a Markdown list with their scores and links (staff detail). */
  private String duplicateList(Complaint c, ZoneId zone) {
    var hits = duplicates.similarTo(c);
    if (hits.isEmpty()) {
      return label("form.duplicates.none");
    }
    StringJoiner list = new StringJoiner("\n");
    for (var h : hits) {
      list.add("- [" + h.trackingNumber() + "](/api/staff/complaints/" + h.trackingNumber() + ") "
          + String.format(INDONESIAN, "%.0f%%", 100 * h.score()) + " — " + markdownText(h.title()) + " ("
          + label("status." + h.status()) + ", " + at(h.submittedAt(), zone) + ")");
    }
    return list.toString();
  }

  /** Complaint text inside a Markdown list: no link, emphasis or HTML syntax of its own. */
  static String markdownText(String text) {
    return text.replaceAll("[\\[\\]()<>*_`#|\\\\]", " ").replaceAll("\\s+", " ").strip();
  }

  private String history(Complaint c, ZoneId zone) {
    List<String> lines = new ArrayList<>();
    for (TimelineEntry e : c.getTimeline()) {
      String what = label("timeline." + e.getType(),
          e.getInstitutionCode() == null ? "" : institutionName(e.getInstitutionCode()),
          e.getReasonCode() == null ? "" : label("reason." + e.getReasonCode()));
      StringBuilder line = new StringBuilder(at(e.getOccurredAt(), zone)).append(" · ").append(what)
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
    return messages.getMessage(key, args, key, INDONESIAN);
  }

  static String at(Instant instant, ZoneId zone) {
    return DATE_TIME.format(instant.atZone(zone)) + " " + Institution.zoneName(zone);
  }

  private static void text(Map<String, TypedValue> fields, String id, String value) {
    fields.put(id, Variables.stringValue(Objects.requireNonNullElse(value, "-")));
  }

  private TypedValue options(List<Option> options) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(options)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Options cannot be written as JSON", e);
    }
  }

  /** An entry of a form-js select's option list. */
  record Option(String label, String value) {}
}
