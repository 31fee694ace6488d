package id.lapor.open311;

import id.lapor.complaint.Category;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import id.lapor.complaint.Channel;
import id.lapor.intake.SubmissionValidator;
import id.lapor.intake.SubmitComplaintRequest;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * and never carry personal data. This class translates between GeoReport's parameters and formats
 * and the application ({@link GeoReportService}); it holds no transaction of its own.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

  static final int MAX_DAYS = 90;
  private static final String FORMAT = "{format:xml|json}";

  private final GeoReportService requests;
  private final GeoReportCatalogue catalogue;
  private final Institutions institutions;
  private final Clock clock;
  private final SubmissionValidator validator;
  private final id.lapor.notifications.NotificationProperties notifications;

  Open311Controller(GeoReportService requests, GeoReportCatalogue catalogue, Institutions institutions, Clock clock,
      SubmissionValidator validator, id.lapor.notifications.NotificationProperties notifications) {
    this.validator = validator;
    this.notifications = notifications;
    this.requests = requests;
    this.catalogue = catalogue;
    this.institutions = institutions;
    this.clock = clock;
  }

  /**
   * Service discovery (GeoReport v2): where this endpoint is, which specification and formats it
   * offers, and whom to ask for an API key.
   */
  @GetMapping("/discovery." + FORMAT)
  ResponseEntity<String> discovery(@PathVariable String format) {
    String base = notifications.publicUrl() + "/open311/v2";
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
    endpoint.put("url", base);
    endpoint.put("changeset", CHANGESET);
    endpoint.put("type", "production");
    endpoint.put("formats", List.of("text/xml", "application/json"));
    Map<String, Object> discovery = new LinkedHashMap<>();
    discovery.put("changeset", CHANGESET);
    discovery.put("contact", "Admin daerah (operator LAPOR!) — " + notifications.publicUrl());
    discovery.put("key_service", "API keys are issued by the operator of this installation to a government "
        + "institution's app (POST /api/staff/open311/keys)");
    discovery.put("endpoints", List.of(endpoint));
    return Open311Format.of(format).object("discovery", discovery);
  }

  /** When this endpoint's behaviour last changed (discovery's {@code changeset}). */
  static final String CHANGESET = "2026-12-05T00:00:00Z";

  @GetMapping("/services." + FORMAT)
  ResponseEntity<String> services(@PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    jurisdiction(jurisdiction, false);
    return Open311Format.of(format).list(HttpStatus.OK, "services", "service", catalogue.services());
  }

  @GetMapping("/services/{code}." + FORMAT)
  ResponseEntity<String> serviceDefinition(@PathVariable String code, @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    jurisdiction(jurisdiction, false);
    Category category = category(code).orElseThrow(() ->
        new Open311Exception(HttpStatus.NOT_FOUND, "service_code " + code + " not found"));
    return Open311Format.of(format).object("service_definition", catalogue.definition(category));
  }

  /**
   * A GeoReport request in the terms of the complaint API: the same validation and intake follow.
   * Every problem is named at once: an unknown jurisdiction or service is {@code 404} (as the spec
   * says), anything else missing or malformed {@code 400}. Contact fields are optional; a request
   * without a name is anonymous to the public (its email or phone still receives the notices).
   */
  @PostMapping(path = "/requests." + FORMAT)
  ResponseEntity<String> post(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    List<String> notFound = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Institution regency = null;
    String jurisdictionId = first(params, "jurisdiction_id");
    if (jurisdictionId == null) {
      problems.add("jurisdiction_id is required (a regency/city code, e.g. 51.71)");
    } else {
      regency = institutions.findRegency(jurisdictionId).orElse(null);
      if (regency == null) {
        notFound.add("jurisdiction_id " + jurisdictionId + " not found");
      }
    }
    String serviceCode = first(params, "service_code");
    Category category = null;
    if (serviceCode == null) {
      problems.add("service_code is required");
    } else {
      category = category(serviceCode).orElse(null);
      if (category == null) {
        notFound.add("service_code " + serviceCode + " not found");
      }
    }
    if (!notFound.isEmpty()) {
      throw new Open311Exception(HttpStatus.NOT_FOUND, notFound);
    }
    boolean latGiven = first(params, "lat") != null;
    boolean longGiven = first(params, "long") != null;
    Double lat = number(params, "lat", 90, problems);
    Double lon = number(params, "long", 180, problems);
    if (latGiven != longGiven) {
      problems.add((latGiven ? "long" : "lat") + " is required with " + (latGiven ? "lat" : "long"));
    }
    String address = Optional.ofNullable(first(params, "address_string")).orElse(first(params, "address_id"));
    if (!latGiven && !longGiven && address == null) {
      problems.add("lat and long, address_string or address_id is required");
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
        category == null ? null : category.name(), regency == null ? null : regency.getCode(),
        // GeoReport makes names optional: without one the complaint is anonymous to the public
        Optional.ofNullable(first(params, "attribute[privacy]")).orElse(name.isBlank() ? "ANONYMOUS" : "PUBLIC"),
        first(params, "attribute[incident_date]"), new SubmitComplaintRequest.LocationPart(address, lat, lon),
        contact ? new SubmitComplaintRequest.ComplainantPart(name.isBlank() ? null : name, email, phone) : null,
        null, "id");
    if (regency != null && category != null) {
      try {
        validator.validate(request, Channel.OPEN311);
      } catch (InvalidRequestException e) {
        e.getProblems().stream()
            // the title is taken from the description unless given: one problem, not two
            .filter(p -> !(p.field().equals("title") && first(params, "attribute[title]") == null && description == null))
            .map(p -> open311Name(p.field()) + " " + p.message())
            // a field already named above (e.g. lat without long) is named once
            .filter(d -> problems.stream().noneMatch(q -> q.split(" ")[0].equals(d.split(" ")[0])))
            .forEach(problems::add);
      }
    }
    if (!problems.isEmpty()) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, problems);
    }
    var posted = requests.post(first(params, "api_key"), regency, request);
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("service_request_id", posted.serviceRequestId());
    created.put("token", posted.token());
    created.put("service_notice", posted.serviceNotice());
    created.put("account_id", null);
    return Open311Format.of(format).list(HttpStatus.CREATED, "service_requests", "request", List.of(created));
  }

  @GetMapping("/requests." + FORMAT)
  ResponseEntity<String> list(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    Institution regency = Optional.ofNullable(first(params, "jurisdiction_id")).map(j -> jurisdiction(j, true))
        .orElse(null);
    String ids = first(params, "service_request_id");
    List<Map<String, Object>> found;
    if (ids != null) {
      found = requests.byIds(Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
          regency);
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
              new Open311Exception(HttpStatus.NOT_FOUND, "service_code " + code.strip() + " not found")));
        }
      }
      found = requests.received(regency, start, end, categories, statuses(first(params, "status")));
    }
    return Open311Format.of(format).list(HttpStatus.OK, "service_requests", "request", found);
  }

  @GetMapping("/requests/{id}." + FORMAT)
  ResponseEntity<String> one(@PathVariable String id, @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    jurisdiction(jurisdiction, false);
    return Open311Format.of(format).list(HttpStatus.OK, "service_requests", "request", List.of(requests.one(id)));
  }

  @GetMapping("/tokens/{token}." + FORMAT)
  ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    jurisdiction(jurisdiction, false);
    return Open311Format.of(format).list(HttpStatus.OK, "service_requests", "request", List.of(requests.token(token)));
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
      case "complainant.name" -> "first_name/last_name";
      case "complainant" -> "email/phone";
      case "complainant.email" -> "email";
      case "complainant.phone" -> "phone";
      case "title", "classification", "privacy", "incidentDate" ->
          "attribute[" + (field.equals("incidentDate") ? "incident_date" : field) + "]";
      default -> field;
    };
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

  /** A coordinate: finite and within ±{@code limit}, else named among the problems. */
  private static Double number(MultiValueMap<String, String> params, String name, double limit, List<String> problems) {
    String value = first(params, name);
    if (value == null) {
      return null;
    }
    try {
      double v = Double.parseDouble(value);
      if (Double.isFinite(v) && Math.abs(v) <= limit) {
        return v;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    problems.add(name + " must be a number between -" + (int) limit + " and " + (int) limit);
    return null;
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

  static String time(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
