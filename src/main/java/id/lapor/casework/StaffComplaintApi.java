package id.lapor.casework;

import id.lapor.attachments.AttachmentView;
import id.lapor.attachments.Attachments;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintNotFoundException;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Privacy;
import id.lapor.deadlines.ComplaintDeadlines;
import id.lapor.institutions.InstitutionGroups;
import id.lapor.institutions.StaffScope;
import id.lapor.institutions.StaffScopes;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints as staff see them, bounded by the caller's institutions ({@link StaffScope}): an OPD
 * sees the complaints now at the OPD, a regency its own, a province supervisor the province's,
 * national admins all. A complaint outside the caller's scope answers {@code 404}, as if it did
 * not exist. The complainant's identity only reaches the regency admins (and, unless anonymous,
 * the OPD handling it).
 */
@RestController
@RequestMapping(path = "/api/staff/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Staff complaints", description = "Complaints within the caller's institutions")
class StaffComplaintApi {

  static final int MAX_PAGE_SIZE = 200;
  private static final Set<String> NONE = Set.of("-");

  private final Complaints complaints;
  private final StaffScopes scopes;
  private final Clock clock;

  private final Attachments attachments;
  private final ComplaintDeadlines deadlines;
  private final ComplaintProcess process;

  private final ProvisionalDeadlines provisional;

  StaffComplaintApi(Complaints complaints, StaffScopes scopes, Clock clock, Attachments attachments,
      ComplaintDeadlines deadlines, ComplaintProcess process, ProvisionalDeadlines provisional) {
    this.provisional = provisional;
    this.attachments = attachments;
    this.deadlines = deadlines;
    this.process = process;
    this.complaints = complaints;
    this.scopes = scopes;
    this.clock = clock;
  }

  /** How deep a list may be paged (a national archive has millions; nobody pages through them). */
  static final long MAX_OFFSET = 100_000;

  @GetMapping
  @Operation(summary = "Complaints the caller may read, newest first")
  @Transactional(readOnly = true)
  Page list(Authentication caller, @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    ComplaintStatus wanted = status == null ? null : Arrays.stream(ComplaintStatus.values())
        .filter(s -> s.name().equals(status)).findFirst().orElseThrow(() -> new InvalidRequestException(List.of(
            new FieldProblem("status", "one of " + Arrays.toString(ComplaintStatus.values())))));
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (size < 1 || size > MAX_PAGE_SIZE) {
      problems.add(new FieldProblem("size", "from 1 to " + MAX_PAGE_SIZE));
    }
    if (page < 0 || (long) page * Math.max(size, 1) > MAX_OFFSET) {
      problems.add(new FieldProblem("page", "from 0, at most " + MAX_OFFSET + " complaints deep (page × size); "
          + "filter by status to reach older ones"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    StaffScope scope = scopes.of(caller);
    Instant now = clock.instant();
    var result = complaints.visibleTo(scope.everything(), orNone(scope.regencies()), orNone(scope.opds()), wanted,
        PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt")));
    return new Page(result.getNumber(), result.getSize(), result.getTotalElements(),
        result.getContent().stream().map(c -> Summary.of(c, now)).toList());
  }

  @GetMapping("/{trackingNumber}")
  @Operation(summary = "One complaint with its whole timeline; 404 outside the caller's scope")
  @Transactional(readOnly = true)
  Detail detail(Authentication caller, @PathVariable String trackingNumber) {
    StaffScope scope = scopes.of(caller);
    Complaint c = visible(scope, trackingNumber);
    boolean contact = scope.seesComplainant(c.getAddressedRegionCode(), c.getOpdCode(),
        c.getPrivacy() == Privacy.ANONYMOUS);
    Contact complainant = contact ? c.getComplainant()
        .map(p -> new Contact(p.getName(), p.getEmail(), p.getPhone())).orElse(null) : null;
    var deadlineNote = provisional.note(c, java.util.Locale.forLanguageTag("id"));
    return new Detail(Summary.of(c, clock.instant()), c.getDescription(), c.getLocation().district(),
        c.getCategory().name(), c.getTargetInstitutionCode().orElse(null), complainant, c.getTimeline().stream()
            .map(e -> new Entry(e.getType().name(), e.getOccurredAt(), e.getActor(), e.getInstitutionCode(),
                e.getReasonCode(), e.getNote(), e.getRating()))
            .toList(),
        attachments.of(c.getId()).stream().map(a -> AttachmentView.of(a, attachmentUrl(c, a.getId()))).toList(),
        deadlineNote.isPresent(), deadlineNote.orElse(null));
  }

  @GetMapping(path = "/{trackingNumber}/attachments/{attachmentId}", produces = MediaType.ALL_VALUE)
  @Operation(summary = "A file of a complaint (a download); 404 outside the caller's scope")
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> attachment(Authentication caller, @PathVariable String trackingNumber,
      @PathVariable long attachmentId) {
    Complaint c = visible(scopes.of(caller), trackingNumber);
    return attachments.find(c.getId(), attachmentId).map(a -> attachments.response(a, false))
        .orElseThrow(() -> new ComplaintNotFoundException(trackingNumber + " attachment " + attachmentId));
  }

  @PostMapping("/{trackingNumber}/unmerge")
  @Operation(summary = "Undo a merge while the master is open: the complaint is verified on its own again "
      + "(the regency's admins only; 409 when it is not merged or the master is closed)")
  @Transactional
  Summary unmerge(Authentication caller, @PathVariable String trackingNumber) {
    Complaint c = visible(scopes.of(caller), trackingNumber);
    String admins = InstitutionGroups.regencyAdmins(c.getAddressedRegionCode());
    if (caller.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(admins))) {
      throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN,
          "only the admins of " + c.getAddressedRegionCode() + " may undo a merge");
    }
    Instant now = clock.instant();
    Instant due = deadlines.verification(c, now);
    c.unmerge(due, caller.getName(), now);
    process.start(c, due);
    return Summary.of(c, now);
  }

  /** Where staff download a complaint's file (the Tasklist forms link here too). */
  static String attachmentUrl(Complaint c, long attachmentId) {
    return "/api/staff/complaints/" + c.getTrackingNumber() + "/attachments/" + attachmentId;
  }

  private Complaint visible(StaffScope scope, String trackingNumber) {
    return visibleTo(complaints, scope, trackingNumber).orElseThrow(() -> new ComplaintNotFoundException(trackingNumber));
  }

  /** The complaint, if it is within the scope's institutions (the staff API, page and task cards alike). */
  static java.util.Optional<Complaint> visibleTo(Complaints complaints, StaffScope scope, String trackingNumber) {
    return complaints.findByTrackingNumber(trackingNumber)
        .filter(found -> scope.sees(found.getAddressedRegionCode(), found.getOpdCode()));
  }

  private static Set<String> orNone(Set<String> codes) {
    return codes.isEmpty() ? NONE : codes;
  }

  record Page(int page, int size, long total, List<Summary> complaints) {}

  record Summary(String trackingNumber, String title, String classification, String status, String privacy,
      String regionCode, String opdCode, String trafficLight, Instant deadline, Instant submittedAt,
      String escalationLevel) {
    static Summary of(Complaint c, Instant now) {
      return new Summary(c.getTrackingNumber(), c.getTitle(), c.getClassification().name(), c.getStatus().name(),
          c.getPrivacy().name(), c.getAddressedRegionCode(), c.getOpdCode().orElse(null),
          c.trafficLight(now).map(Enum::name).orElse(null), c.getCurrentDeadline().orElse(null),
          c.getSubmittedAt(), c.getEscalationLevel().name());
    }
  }

  /**
   * @param deadlineNote set when the deadline is provisional: it falls in a year whose holidays are not
   *     loaded ("tenggat sementara: kalender 2027 belum dimuat")
   */
  record Detail(Summary complaint, String description, String district, String category,
      String targetInstitutionCode, Contact complainant,
      List<Entry> timeline, List<AttachmentView> attachments, boolean deadlineProvisional, String deadlineNote) {}

  record Contact(String name, String email, String phone) {}

  record Entry(String type, Instant at, String actor, String institutionCode, String reasonCode, String note,
      Integer rating) {}
}
