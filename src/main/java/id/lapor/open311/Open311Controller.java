package id.lapor.open311;

import id.lapor.attachments.Attachments;
import id.lapor.complaint.Category;
import id.lapor.complaint.Classification;
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
import id.lapor.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * GeoReport v2 (https://wiki.open311.org/GeoReport_v2). Services are the complaint categories;
 * {@code jurisdiction_id} is the regency/city code; a service request is a complaint, its
 * {@code service_request_id} the tracking number. Posted requests go through the same validation and
 * intake as the portal and the REST API (channel OPEN311). Lists leave out confidential complaints
 * and never carry personal data.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

  static final int MAX_DAYS = 90;
  static final int MAX_RESULTS = 1000;
  private static final Locale INDONESIAN = Locale.forLanguageTag("id");
  private static final String FORMAT = "{format:xml|json}";

  private final ComplaintIntake intake;
  private final SubmissionValidator validator;
  private final Complaints complaints;
  private final Institutions institutions;
  private final Open311Keys keys;
  private final Open311Requests requests;
  private final Attachments attachments;
  private final MessageSource messages;
  private final NotificationProperties notifications;
  private final Clock clock;

  Open311Controller(ComplaintIntake intake, SubmissionValidator validator, Complaints complaints,
      Institutions institutions, Open311Keys keys, Open311Requests requests, Attachments attachments,
      MessageSource messages, NotificationProperties notifications, Clock clock) {
    this.intake = intake;
    this.validator = validator;
    this.complaints = complaints;
    this.institutions = institutions;
    this.keys = keys;
    this.requests = requests;
    this.attachments = attachments;
    this.messages = messages;
    this.notifications = notifications;
    this.clock = clock;
  }

  @GetMapping("/services." + FORMAT)
  ResponseEntity<String> services(@PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    jurisdiction(jurisdiction, false);
    return Open311Format.of(format).list(HttpStatus.OK, "services", "service",
        Arrays.stream(Category.values()).map(this::service).toList());
  }

  @GetMapping("/services/{code}." + FORMAT)
  ResponseEntity<String> serviceDefinition(@PathVariable String code, @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    jurisdiction(jurisdiction, false);
    Category category = category(code).orElseThrow(() ->
        new Open311Exception(HttpStatus.NOT_FOUND, "service_code " + code + " not found"));
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("service_code", category.name());
    definition.put("attributes", List.of(
        attribute("title", "string", false, 1, "Judul singkat (paling banyak 150 karakter); bila kosong, "
            + "awal deskripsi", List.of()),
        attribute("classification", "singlevaluelist", false, 2, "Jenis laporan (bawaan: PENGADUAN)",
            names(Classification.values())),
        attribute("privacy", "singlevaluelist", false, 3, "Kerahasiaan (bawaan: PUBLIC bila ada nama/kontak, "
            + "ANONYMOUS bila tidak). CONFIDENTIAL tidak pernah tampil di daftar publik",
            names(Privacy.values())),
        attribute("incident_date", "string", false, 4, "Tanggal kejadian, YYYY-MM-DD", List.of())));
    return Open311Format.of(format).object("service_definition", definition);
  }

  @PostMapping(path = "/requests." + FORMAT)
  @Transactional
  ResponseEntity<String> post(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    Open311ApiKey key = keys.authenticate(first(params, "api_key")).orElseThrow(() ->
        new Open311Exception(HttpStatus.FORBIDDEN, "api_key is missing, unknown or revoked"));
    Institution regency = jurisdiction(first(params, "jurisdiction_id"), true);
    if (!keys.covers(key.getInstitutionCode(), regency.getCode())) {
      throw new Open311Exception(HttpStatus.FORBIDDEN, "this api_key may not post for jurisdiction_id "
          + regency.getCode());
    }
    String serviceCode = first(params, "service_code");
    if (serviceCode == null) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_code is required");
    }
    Category category = category(serviceCode).orElseThrow(() ->
        new Open311Exception(HttpStatus.BAD_REQUEST, "service_code " + serviceCode + " not found"));
    Double lat = number(params, "lat");
    Double lon = number(params, "long");
    String address = first(params, "address_string");
    if (address == null) {
      address = first(params, "address_id");
    }
    if ((lat == null || lon == null) && address == null) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, "lat and long, address_string or address_id is required");
    }
    String description = first(params, "description");
    String title = Optional.ofNullable(first(params, "attribute[title]")).orElse(SubmissionValidator.titleFrom(description));
    String name = String.join(" ", Arrays.stream(new String[] {first(params, "first_name"), first(params, "last_name")})
        .filter(s -> s != null).toList());
    String email = first(params, "email");
    String phone = first(params, "phone");
    boolean contact = !name.isBlank() || email != null || phone != null;
    var request = new SubmitComplaintRequest(
        Optional.ofNullable(first(params, "attribute[classification]")).orElse("PENGADUAN"), title, description,
        category.name(), regency.getCode(),
        // a request without any contact data is anonymous unless the app says otherwise
        Optional.ofNullable(first(params, "attribute[privacy]")).orElse(contact ? "PUBLIC" : "ANONYMOUS"),
        first(params, "attribute[incident_date]"), new SubmitComplaintRequest.LocationPart(address, lat, lon),
        contact ? new SubmitComplaintRequest.ComplainantPart(name.isBlank() ? null : name, email, phone) : null,
        null, "id");
    var submission = intake.submit(validator.validate(request, Channel.OPEN311));
    String token = UUID.randomUUID().toString();
    requests.save(new Open311Request(token, submission.trackingNumber(), key.getId(), clock.instant()));
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("service_request_id", submission.trackingNumber());
    created.put("token", token);
    created.put("service_notice", messages.getMessage("open311.notice", new Object[] {regency.getName(),
        DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", INDONESIAN).format(
            submission.verificationDue().atZone(regency.getTimeZone())) + " " + Institution.zoneName(regency.getTimeZone())},
        INDONESIAN));
    created.put("account_id", null);
    return Open311Format.of(format).list(HttpStatus.CREATED, "service_requests", "request", List.of(created));
  }

  @GetMapping("/requests." + FORMAT)
  @Transactional(readOnly = true)
  ResponseEntity<String> list(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    Institution regency = Optional.ofNullable(first(params, "jurisdiction_id")).map(j -> jurisdiction(j, true))
        .orElse(null);
    String ids = first(params, "service_request_id");
    List<Complaint> found;
    if (ids != null) {
      List<String> wanted = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).limit(MAX_RESULTS)
          .toList();
      found = complaints.findByTrackingNumberIn(wanted).stream().filter(c -> c.getPrivacy() != Privacy.CONFIDENTIAL)
          .toList();
    } else {
      List<String> problems = new ArrayList<>();
      Instant end = time(params, "end_date", problems);
      Instant start = time(params, "start_date", problems);
      if (!problems.isEmpty()) {
        throw new Open311Exception(HttpStatus.BAD_REQUEST, problems);
      }
      end = end == null ? (start == null ? clock.instant() : start.plus(Duration.ofDays(MAX_DAYS))) : end;
      start = start == null ? end.minus(Duration.ofDays(MAX_DAYS)) : start;
      if (!start.isBefore(end)) {
        throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date must be before end_date");
      }
      if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
        throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date to end_date may span at most " + MAX_DAYS + " days");
      }
      Set<Category> categories = EnumSet.noneOf(Category.class);
      String codes = first(params, "service_code");
      if (codes != null) {
        for (String code : codes.split(",")) {
          categories.add(category(code.strip()).orElseThrow(() ->
              new Open311Exception(HttpStatus.BAD_REQUEST, "service_code " + code.strip() + " not found")));
        }
      }
      found = complaints.publishable(regency == null ? null : regency.getCode(), start, end, categories.isEmpty(),
          categories.isEmpty() ? EnumSet.allOf(Category.class) : categories, statuses(first(params, "status")),
          PageRequest.of(0, MAX_RESULTS, Sort.by(Sort.Direction.DESC, "submittedAt")));
    }
    if (regency != null) {
      found = found.stream().filter(c -> c.getAddressedRegionCode().equals(regency.getCode())).toList();
    }
    return Open311Format.of(format).list(HttpStatus.OK, "service_requests", "request",
        found.stream().map(this::request).toList());
  }

  @GetMapping("/requests/{id}." + FORMAT)
  @Transactional(readOnly = true)
  ResponseEntity<String> one(@PathVariable String id, @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    jurisdiction(jurisdiction, false);
    Complaint c = complaints.findByTrackingNumber(id).filter(found -> found.getPrivacy() != Privacy.CONFIDENTIAL)
        .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " not found"));
    return Open311Format.of(format).list(HttpStatus.OK, "service_requests", "request", List.of(request(c)));
  }

  @GetMapping("/tokens/{token}." + FORMAT)
  @Transactional(readOnly = true)
  ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    jurisdiction(jurisdiction, false);
    Open311Request posted = requests.findById(token)
        .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "token " + token + " not found"));
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("service_request_id", posted.getTrackingNumber());
    item.put("token", posted.getToken());
    return Open311Format.of(format).list(HttpStatus.OK, "service_requests", "request", List.of(item));
  }

  @ExceptionHandler(Open311Exception.class)
  ResponseEntity<String> error(Open311Exception e, HttpServletRequest request) {
    return errors(request, e.status(), e.descriptions());
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<String> invalid(InvalidRequestException e, HttpServletRequest request) {
    return errors(request, HttpStatus.BAD_REQUEST, e.getProblems().stream()
        .map(p -> open311Name(p.field()) + " " + p.message()).toList());
  }

  private static ResponseEntity<String> errors(HttpServletRequest request, HttpStatus status, List<String> descriptions) {
    @SuppressWarnings("unchecked")
    var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Open311Format format = Open311Format.of(variables == null ? "xml" : variables.get("format"));
    return format.list(status, "errors", "error", descriptions.stream().map(d -> {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", status.value());
      error.put("description", d);
      return error;
    }).toList());
  }

  /** Our validator's field names in the words of the Open311 request. */
  private static String open311Name(String field) {
    return switch (field) {
      case "regionCode" -> "jurisdiction_id";
      case "category" -> "service_code";
      case "location.district" -> "address_string";
      case "location.latitude" -> "lat";
      case "location.longitude" -> "long";
      case "complainant.name", "complainant" -> "first_name/last_name/email/phone";
      case "complainant.email" -> "email";
      case "complainant.phone" -> "phone";
      case "title", "classification", "privacy", "incidentDate" ->
          "attribute[" + (field.equals("incidentDate") ? "incident_date" : field) + "]";
      default -> field;
    };
  }

  private Map<String, Object> service(Category category) {
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("service_code", category.name());
    service.put("service_name", messages.getMessage("category." + category, null, INDONESIAN));
    service.put("description", messages.getMessage("open311.service." + category, null, "", INDONESIAN));
    service.put("metadata", true);
    service.put("type", "realtime");
    service.put("keywords", messages.getMessage("open311.keywords." + category, null, "", INDONESIAN));
    service.put("group", "pengaduan");
    return service;
  }

  private static Map<String, Object> attribute(String code, String datatype, boolean required, int order,
      String description, List<String> values) {
    Map<String, Object> attribute = new LinkedHashMap<>();
    attribute.put("variable", true);
    attribute.put("code", code);
    attribute.put("datatype", datatype);
    attribute.put("required", required);
    attribute.put("datatype_description", null);
    attribute.put("order", order);
    attribute.put("description", description);
    attribute.put("values", values.stream().map(v -> {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("key", v);
      value.put("name", v);
      return value;
    }).toList());
    return attribute;
  }

  /** A complaint as a GeoReport service request: no personal data, nothing of confidential complaints. */
  private Map<String, Object> request(Complaint c) {
    ZoneId zone = institutions.zoneOf(c.getAddressedRegionCode());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("service_request_id", c.getTrackingNumber());
    r.put("status", c.getStatus().isOpen() ? "open" : "closed");
    r.put("status_notes", messages.getMessage("status." + c.getStatus(), null, INDONESIAN));
    r.put("service_name", messages.getMessage("category." + c.getCategory(), null, INDONESIAN));
    r.put("service_code", c.getCategory().name());
    r.put("description", c.getDescription());
    r.put("agency_responsible", name(c.getOpdCode().orElse(c.getHandlerCode())));
    r.put("service_notice", null);
    r.put("requested_datetime", time(c.getSubmittedAt(), zone));
    r.put("updated_datetime", time(c.getUpdatedAt(), zone));
    r.put("expected_datetime", c.getStatus().isOpen() ? c.getCurrentDeadline().map(d -> time(d, zone)).orElse(null) : null);
    r.put("address", c.getLocation().district());
    r.put("address_id", null);
    r.put("zipcode", null);
    r.put("lat", c.getLocation().latitude());
    r.put("long", c.getLocation().longitude());
    r.put("media_url", attachments.of(c.getId()).stream().filter(a -> a.isPublicPreviewable()
            && a.getContentType().startsWith("image/")).findFirst()
        .map(a -> notifications.publicUrl() + "/lacak/" + c.getTrackingNumber() + "/lampiran/" + a.getId())
        .orElse(null));
    return r;
  }

  private Institution jurisdiction(String code, boolean required) {
    if (code == null || code.isBlank()) {
      if (required) {
        throw new Open311Exception(HttpStatus.BAD_REQUEST, "jurisdiction_id is required (a regency/city code, e.g. 51.71)");
      }
      return null;
    }
    return institutions.findRegency(code.strip()).orElseThrow(() ->
        new Open311Exception(HttpStatus.NOT_FOUND, "jurisdiction_id " + code + " not found"));
  }

  private static Optional<Category> category(String code) {
    return Arrays.stream(Category.values()).filter(c -> c.name().equals(code)).findFirst();
  }

  private static Set<ComplaintStatus> statuses(String status) {
    Set<ComplaintStatus> all = EnumSet.allOf(ComplaintStatus.class);
    if (status == null) {
      return all;
    }
    Set<ComplaintStatus> wanted = EnumSet.noneOf(ComplaintStatus.class);
    for (String s : status.split(",")) {
      switch (s.strip()) {
        case "open" -> all.stream().filter(ComplaintStatus::isOpen).forEach(wanted::add);
        case "closed" -> all.stream().filter(x -> !x.isOpen()).forEach(wanted::add);
        default -> throw new Open311Exception(HttpStatus.BAD_REQUEST, "status must be open or closed (or both)");
      }
    }
    return wanted;
  }


  private static String first(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Double number(MultiValueMap<String, String> params, String name) {
    String value = first(params, name);
    if (value == null) {
      return null;
    }
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException e) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, name + " must be a number");
    }
  }

  private static Instant time(MultiValueMap<String, String> params, String name, List<String> problems) {
    String value = first(params, name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(name + " must be an ISO 8601 date and time with a time zone, e.g. 2026-11-01T00:00:00+08:00");
      return null;
    }
  }

  private static String time(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private String name(String code) {
    return institutions.findById(code).map(Institution::getName).orElse(code);
  }
}
