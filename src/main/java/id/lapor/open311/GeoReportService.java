package id.lapor.open311;

import id.lapor.attachments.Attachments;
import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Privacy;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import id.lapor.intake.ComplaintIntake;
import id.lapor.intake.SubmissionValidator;
import id.lapor.intake.SubmitComplaintRequest;
import id.lapor.notifications.NotificationProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What GeoReport v2 asks of the application, in its terms: a posted service request is a complaint
 * submitted through the same validation and intake as the portal and the REST API (channel
 * OPEN311), with a token for the client; a listed one is a complaint without personal data, never a
 * confidential one.
 */
@Service
class GeoReportService {

  static final int MAX_RESULTS = 1000;
  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final ComplaintIntake intake;
  private final SubmissionValidator validator;
  private final Complaints complaints;
  private final Institutions institutions;
  private final Open311Keys keys;
  private final Open311Requests tokens;
  private final Attachments attachments;
  private final MessageSource messages;
  private final NotificationProperties notifications;
  private final Clock clock;

  GeoReportService(ComplaintIntake intake, SubmissionValidator validator, Complaints complaints,
      Institutions institutions, Open311Keys keys, Open311Requests tokens, Attachments attachments,
      MessageSource messages, NotificationProperties notifications, Clock clock) {
    this.intake = intake;
    this.validator = validator;
    this.complaints = complaints;
    this.institutions = institutions;
    this.keys = keys;
    this.tokens = tokens;
    this.attachments = attachments;
    this.messages = messages;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** A service request as it was created: its id, the client's token and when it will be verified. */
  record Posted(String serviceRequestId, String token, String serviceNotice) {}

  /**
   * Submits the request for the key's institution: the key must exist and cover the jurisdiction;
   * the complaint and its token are stored together, or neither.
   */
  @Transactional
  Posted post(String apiKey, Institution jurisdiction, SubmitComplaintRequest request) {
    Open311ApiKey key = keys.authenticate(apiKey).orElseThrow(() ->
        new Open311Exception(HttpStatus.FORBIDDEN, "api_key is missing, unknown or revoked"));
    if (!keys.covers(key.getInstitutionCode(), jurisdiction.getCode())) {
      throw new Open311Exception(HttpStatus.FORBIDDEN, "this api_key may not post for jurisdiction_id "
          + jurisdiction.getCode());
    }
    var submission = intake.submit(validator.validate(request, Channel.OPEN311));
    String token = UUID.randomUUID().toString();
    tokens.save(new Open311Request(token, submission.trackingNumber(), key.getId(), clock.instant()));
    String due = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", INDONESIAN)
        .format(submission.verificationDue().atZone(jurisdiction.getTimeZone()))
        + " " + Institution.zoneName(jurisdiction.getTimeZone());
    return new Posted(submission.trackingNumber(), token,
        messages.getMessage("open311.notice", new Object[] {jurisdiction.getName(), due}, INDONESIAN));
  }

  /** The listed requests with these ids (at most {@link #MAX_RESULTS}), of one jurisdiction or any. */
  @Transactional(readOnly = true)
  List<Map<String, Object>> byIds(List<String> ids, Institution jurisdiction) {
    return published(complaints.findByTrackingNumberIn(ids.stream().limit(MAX_RESULTS).toList()), jurisdiction);
  }

  /** The newest requests (at most {@link #MAX_RESULTS}) received in a window, by category and open/closed. */
  @Transactional(readOnly = true)
  List<Map<String, Object>> received(Institution jurisdiction, Instant start, Instant end,
      Collection<Category> categories, Collection<ComplaintStatus> statuses) {
    return published(complaints.publishable(jurisdiction == null ? null : jurisdiction.getCode(), start, end,
        categories.isEmpty(), categories.isEmpty() ? List.of(Category.values()) : categories, statuses,
        PageRequest.of(0, MAX_RESULTS, Sort.by(Sort.Direction.DESC, "submittedAt"))), jurisdiction);
  }

  /** One listed request, unless it does not exist or is confidential. */
  @Transactional(readOnly = true)
  Map<String, Object> one(String id) {
    Complaint c = complaints.findByTrackingNumber(id).filter(found -> found.getPrivacy() != Privacy.CONFIDENTIAL)
        .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " not found"));
    return request(c);
  }

  /** The service request id a token stands for. */
  @Transactional(readOnly = true)
  Map<String, Object> token(String token) {
    Open311Request posted = tokens.findById(token)
        .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "token " + token + " not found"));
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("service_request_id", posted.getTrackingNumber());
    item.put("token", posted.getToken());
    return item;
  }

  private List<Map<String, Object>> published(List<Complaint> found, Institution jurisdiction) {
    return found.stream().filter(c -> c.getPrivacy() != Privacy.CONFIDENTIAL)
        .filter(c -> jurisdiction == null || c.getAddressedRegionCode().equals(jurisdiction.getCode()))
        .map(this::request).toList();
  }

  /** A complaint as a GeoReport service request: no personal data. */
  private Map<String, Object> request(Complaint c) {
    ZoneId zone = institutions.zoneOf(c.getAddressedRegionCode());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("service_request_id", c.getTrackingNumber());
    r.put("status", c.getStatus().isOpen() ? "open" : "closed");
    r.put("status_notes", messages.getMessage("status." + c.getStatus(), null, INDONESIAN));
    r.put("service_name", messages.getMessage("category." + c.getCategory(), null, INDONESIAN));
    r.put("service_code", c.getCategory().name());
    r.put("description", c.getDescription());
    r.put("agency_responsible", institutions.findById(c.getOpdCode().orElse(c.getHandlerCode()))
        .map(Institution::getName).orElse(c.getOpdCode().orElse(c.getHandlerCode())));
    r.put("service_notice", null);
    r.put("requested_datetime", Open311Controller.time(c.getSubmittedAt(), zone));
    r.put("updated_datetime", Open311Controller.time(c.getUpdatedAt(), zone));
    r.put("expected_datetime", c.getStatus().isOpen()
        ? c.getCurrentDeadline().map(d -> Open311Controller.time(d, zone)).orElse(null) : null);
    r.put("address", c.getLocation().district());
    r.put("address_id", null);
    r.put("zipcode", null);
    r.put("lat", c.getLocation().latitude());
    r.put("long", c.getLocation().longitude());
    r.put("media_url", attachments.of(c.getId()).stream().filter(a -> !a.isFollowUpEvidence() && a.isPublicPreviewable()
            && a.getContentType().startsWith("image/")).findFirst()
        .map(a -> notifications.publicUrl() + "/lacak/" + c.getTrackingNumber() + "/lampiran/" + a.getId())
        .orElse(null));
    return r;
  }
}
