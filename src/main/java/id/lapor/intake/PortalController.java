package id.lapor.intake;

import id.lapor.complaint.PersonalDataCipher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.lapor.complaint.Category;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Classification;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintNotFoundException;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.FollowUpTokenRejectedException;
import id.lapor.complaint.IllegalComplaintTransitionException;
import id.lapor.complaint.Privacy;
import id.lapor.complaint.ReplyDecision;
import id.lapor.institutions.Institution;
import id.lapor.institutions.InstitutionKind;
import id.lapor.institutions.Institutions;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The citizen portal, rendered on the server (works without JavaScript, on a cheap phone):
 * home with last month's figures, submit, confirmation with the private follow-up link, tracking
 * with the timeline, and — with the follow-up token — replying to the follow-up or supplying what
 * the admin asked for. Submissions go through the same validation and intake as the API; a failed
 * one shows each problem next to its field and keeps what was typed.
 *
 * <p>Long because it holds the citizen portal's pages and forms (submit, receipt, tracking, reply,
 * supplement, "saya juga", files), each a thin translation to the intake service; splitting them
 * would scatter the portal's shared form handling.
 */
@Controller
class PortalController {

  static final Pattern TRACKING_NUMBER = Pattern.compile("LPR-\\d{4}-[A-Z0-9]{6}");

  private final ComplaintIntake intake;
  private final SubmissionValidator validator;
  private final Complaints complaints;
  private final ComplaintStatusViews views;
  private final Institutions institutions;
  private final MessageSource messages;
  private final Clock clock;
  private final ComplaintFiles files;
  private final PersonalDataCipher cipher;
  private final id.lapor.institutions.Districts geography;

  PortalController(ComplaintIntake intake, SubmissionValidator validator, Complaints complaints,
      ComplaintStatusViews views, Institutions institutions, MessageSource messages, Clock clock,
      ComplaintFiles files, PersonalDataCipher cipher, id.lapor.institutions.Districts geography) {
    this.geography = geography;
    this.cipher = cipher;
    this.files = files;
    this.intake = intake;
    this.validator = validator;
    this.complaints = complaints;
    this.views = views;
    this.institutions = institutions;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/")
  @Transactional(readOnly = true)
  String home(Model model) {
    Instant since = clock.instant().minus(Duration.ofDays(30));
    model.addAttribute("received", complaints.countBySubmittedAtGreaterThanEqual(since));
    model.addAttribute("answered", complaints.countByAnsweredAtGreaterThanEqual(since));
    model.addAttribute("resolved", complaints.countByStatusAndClosedAtGreaterThanEqual(ComplaintStatus.RESOLVED,
        since));
    return "portal/home";
  }

  @GetMapping("/lapor")
  String submitForm(Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new PortalSubmission());
    }
    choices(model);
    return "portal/submit";
  }

  @PostMapping("/lapor")
  String submit(@ModelAttribute("form") PortalSubmission form,
      @RequestParam(name = "attachments", required = false) List<MultipartFile> uploads, Model model, Locale locale,
      RedirectAttributes redirect) {
    List<FieldProblem> problems = new ArrayList<>();
    Double latitude = number(form.getLatitude(), "location.latitude", problems);
    Double longitude = number(form.getLongitude(), "location.longitude", problems);
    var inspected = files.inspect(uploads, Optional.empty(), problems);
    try {
      var report = validator.validate(form.toRequest(latitude, longitude, locale.getLanguage()), Channel.WEB);
      if (!problems.isEmpty()) {
        throw new InvalidRequestException(problems);
      }
      var submission = intake.submit(report, inspected);
      // the receipt the citizen keeps: reloadable, opened by the token in its address
      redirect.addAttribute("token", submission.followUpToken());
      return "redirect:/lacak/" + submission.trackingNumber() + "/tanda-terima";
    } catch (InvalidRequestException e) {
      problems.addAll(e.getProblems());
      model.addAttribute("errors", errors(problems, locale));
      model.addAttribute("filesDropped", uploads != null && uploads.stream().anyMatch(f -> !f.isEmpty()));
      choices(model);
      return "portal/submit";
    }
  }

  /** Where the portal once confirmed a submission (shown once): the receipt replaced it. */
  @GetMapping("/lapor/terkirim")
  String submitted() {
    return "redirect:/lacak";
  }

  @GetMapping("/lacak")
  String trackForm(@RequestParam(name = "nomor", required = false) String number, Model model) {
    if (number != null && !number.isBlank()) {
      String tn = number.strip().toUpperCase(Locale.ROOT);
      if (TRACKING_NUMBER.matcher(tn).matches() && complaints.existsByTrackingNumber(tn)) {
        return "redirect:/lacak/" + tn;
      }
      model.addAttribute("notFound", true);
      model.addAttribute("number", number);
    }
    return "portal/track-form";
  }

  @GetMapping("/lacak/{trackingNumber}")
  @Transactional(readOnly = true)
  String track(@PathVariable String trackingNumber, @RequestParam(name = "token", required = false) String token,
      Model model, Locale locale) {
    Complaint c = complaints.findByTrackingNumber(trackingNumber).orElse(null);
    if (c == null) {
      model.addAttribute("notFound", true);
      model.addAttribute("number", trackingNumber);
      return "portal/track-form";
    }
    boolean tokenValid = token != null && c.acceptsToken(token);
    if (token != null && !tokenValid) {
      model.addAttribute("tokenRejected", true);
    }
    String tokenQuery = tokenValid ? "?token=" + UriUtils.encodeQueryParam(token, "UTF-8") : "";
    ComplaintStatusView view = views.of(c, tokenValid, locale,
        id -> "/lacak/" + c.getTrackingNumber() + "/lampiran/" + id + tokenQuery);
    ZoneId zone = institutions.zoneOf(c.getAddressedRegionCode());
    model.addAttribute("c", view);
    model.addAttribute("deadline", view.currentDeadline() == null ? null : at(view.currentDeadline(), zone, locale));
    model.addAttribute("times", view.timeline().stream().map(e -> at(e.at(), zone, locale)).toList());
    model.addAttribute("token", tokenValid ? token : null);
    model.addAttribute("canReply", tokenValid && c.getStatus() == ComplaintStatus.ANSWERED);
    // said before replying: a comment on a public or anonymous complaint is public (without a name)
    model.addAttribute("commentPublic", c.getPrivacy() != id.lapor.complaint.Privacy.CONFIDENTIAL);
    model.addAttribute("canSupplement", tokenValid && c.getStatus() == ComplaintStatus.AWAITING_INFORMATION);
    model.addAttribute("canMeToo", !tokenValid && c.getStatus().isOpen() && c.getPrivacy() == Privacy.PUBLIC);
    return "portal/track";
  }

  @PostMapping("/lacak/{trackingNumber}/tanggapan")
  String reply(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
      @RequestParam(required = false) String decision, @RequestParam(required = false) Integer rating,
      @RequestParam(required = false) String comment, Locale locale, RedirectAttributes redirect) {
    List<FieldProblem> problems = new ArrayList<>();
    ReplyDecision d = "ACCEPT".equals(decision) ? ReplyDecision.ACCEPT
        : "DISPUTE".equals(decision) ? ReplyDecision.DISPUTE : null;
    if (d == null) {
      problems.add(new FieldProblem("decision", "is required (ACCEPT or DISPUTE)"));
    }
    if (rating != null && (rating < 1 || rating > 5)) {
      problems.add(new FieldProblem("rating", "must be between 1 and 5"));
    }
    String text = SubmissionValidator.text("comment", comment, SubmissionValidator.DESCRIPTION_MAX,
        d == ReplyDecision.DISPUTE, problems);
    return act(trackingNumber, token, problems, () -> intake.reply(trackingNumber, token, d, rating, text),
        "replied", locale, redirect);
  }

  @PostMapping("/lacak/{trackingNumber}/lengkapi")
  String supplement(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
      @RequestParam(required = false) String text,
      @RequestParam(name = "attachments", required = false) List<MultipartFile> uploads, Locale locale,
      RedirectAttributes redirect) {
    List<FieldProblem> problems = new ArrayList<>();
    String supplied = SubmissionValidator.text("text", text, SubmissionValidator.DESCRIPTION_MAX, true, problems);
    var inspected = files.inspect(uploads, complaints.findByTrackingNumber(trackingNumber), problems);
    return act(trackingNumber, token, problems, () -> intake.supplement(trackingNumber, token, supplied, inspected),
        "supplemented", locale, redirect);
  }

  /**
   * "Saya juga mengalami": counted instead of a new complaint about the same problem, once per person
   * (a long-lived random cookie identifies the browser; see {@link ComplaintIntake#meToo}).
   */
  @PostMapping("/lacak/{trackingNumber}/saya-juga")
  String meToo(@PathVariable String trackingNumber, HttpServletRequest request, HttpServletResponse response,
      RedirectAttributes redirect) {
    String browser = voterCookie(request, response);
    try {
      boolean counted = intake.meToo(trackingNumber, cipher.pseudonym("me-too-browser", browser),
          cipher.pseudonym("me-too-address", request.getRemoteAddr()));
      redirect.addFlashAttribute("done", counted ? "metoo" : "metooAlready");
    } catch (IllegalComplaintTransitionException e) {
      redirect.addFlashAttribute("done", "metooClosed");
    }
    return "redirect:/lacak/" + trackingNumber;
  }

  static final String VOTER_COOKIE = "lapor_pendukung";

  /** The browser's "saya juga" cookie: a random id, set on the first vote, kept a year. */
  private static String voterCookie(HttpServletRequest request, HttpServletResponse response) {
    if (request.getCookies() != null) {
      for (jakarta.servlet.http.Cookie c : request.getCookies()) {
        if (VOTER_COOKIE.equals(c.getName()) && c.getValue().matches("[A-Za-z0-9_-]{22,64}")) {
          return c.getValue();
        }
      }
    }
    byte[] random = new byte[18];
    new java.security.SecureRandom().nextBytes(random);
    String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    response.addHeader(org.springframework.http.HttpHeaders.SET_COOKIE, org.springframework.http.ResponseCookie
        .from(VOTER_COOKIE, id).path("/lacak").maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax")
        .secure(request.isSecure()).build().toString());
    return id;
  }

  /** A file of the complaint: public for images and PDFs of public complaints, else with the token. */
  @GetMapping("/lacak/{trackingNumber}/lampiran/{attachmentId}")
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> attachment(@PathVariable String trackingNumber, @PathVariable long attachmentId,
      @RequestParam(name = "token", required = false) String token) {
    Complaint c = complaints.getByTrackingNumber(trackingNumber);
    boolean tokenValid = token != null && c.acceptsToken(token);
    return files.open(c, attachmentId, tokenValid)
        .orElseThrow(() -> new ComplaintNotFoundException(trackingNumber + " attachment " + attachmentId));
  }

  private String act(String trackingNumber, String token, List<FieldProblem> problems, Runnable action,
      String done, Locale locale, RedirectAttributes redirect) {
    if (problems.isEmpty()) {
      try {
        action.run();
        redirect.addFlashAttribute("done", done);
        return "redirect:/lacak/" + trackingNumber + "?token=" + UriUtils.encodeQueryParam(token, "UTF-8");
      } catch (FollowUpTokenRejectedException e) {
        problems.add(new FieldProblem("token", "token"));
      } catch (IllegalComplaintTransitionException e) {
        problems.add(new FieldProblem("state", "state"));
      }
    }
    redirect.addFlashAttribute("errors", errors(problems, locale));
    return "redirect:/lacak/" + trackingNumber + "?token=" + UriUtils.encodeQueryParam(token == null ? "" : token,
        "UTF-8");
  }

  private void choices(Model model) {
    // one read of the registry: provinces, their regencies/cities, and those's institutions
    List<Institution> all = institutions.findByKindInOrderByCode(List.of(InstitutionKind.PROVINCE,
        InstitutionKind.REGENCY, InstitutionKind.CITY, InstitutionKind.OPD));
    Map<String, String> names = all.stream().collect(Collectors.toMap(Institution::getCode, Institution::getName));
    Map<String, List<Institution>> regions = new LinkedHashMap<>();
    Map<String, List<Institution>> targets = new LinkedHashMap<>();
    for (Institution regency : all.stream().filter(Institution::isRegencyLevel).toList()) {
      regions.computeIfAbsent(names.getOrDefault(regency.getParentCode(), regency.getParentCode()),
          p -> new ArrayList<>()).add(regency);
      targets.computeIfAbsent(regency.getCode(), r -> new ArrayList<>()).add(regency);
    }
    all.stream().filter(i -> i.getKind() == InstitutionKind.OPD && targets.containsKey(i.getParentCode()))
        .sorted(Comparator.comparing(Institution::getName))
        .forEach(opd -> targets.get(opd.getParentCode()).add(opd));
    model.addAttribute("regions", regions);
    model.addAttribute("targets", targets);
    // suggestions for the free-text field: the kecamatan of the shipped geography (geo/districts.csv) and
    // those the registry knows (district offices, "Kecamatan …")
    Map<String, List<String>> districts = new LinkedHashMap<>();
    targets.forEach((regency, options) -> {
      java.util.TreeSet<String> known = new java.util.TreeSet<>();
      geography.of(regency).forEach(d -> known.add(d.name()));
      options.stream().map(Institution::getName).filter(name -> name.startsWith("Kecamatan "))
          .forEach(name -> known.add(name.substring(10)));
      if (!known.isEmpty()) {
        districts.put(regency, List.copyOf(known));
      }
    });
    model.addAttribute("districts", districts);
    model.addAttribute("regencyNames", names);
    model.addAttribute("classifications", Classification.values());
    model.addAttribute("categories", Category.values());
    model.addAttribute("privacies", Privacy.values());
    model.addAttribute("mapPage", true);
  }

  /** Each problem in the visitor's language, keyed by the form field it belongs next to. */
  private Map<String, String> errors(List<FieldProblem> problems, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem p : problems) {
      String field = p.field().replace("location.", "").replace("complainant.", "").replaceAll("\\[\\d+]$", "")
          .replace("targetInstitutionCode", "targetInstitution");
      errors.merge(field, messages.getMessage("portal.problem." + PortalProblems.code(p), null,
          p.message(), locale), (a, b) -> a + " " + b);
    }
    return errors;
  }

  private static Double number(String value, String field, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(value.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(field, "must be a number"));
      return null;
    }
  }

  /** A time as the portal writes it, in the regency's zone: {@code 9 Des 2026 16.00 WITA}. */
  static String at(Instant instant, ZoneId zone, Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
        .format(instant.atZone(zone)) + " " + Institution.zoneName(zone);
  }
}
