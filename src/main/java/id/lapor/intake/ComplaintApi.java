package id.lapor.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.attachments.AttachmentView;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintNotFoundException;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.ReplyDecision;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The public complaint API: submit, track, supplement, reply. */
@RestController
@RequestMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Complaints", description = "Submit a complaint, follow it, answer the follow-up")
class ComplaintApi {

  static final String TOKEN_HEADER = "Follow-Up-Token";
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final ComplaintIntake intake;
  private final SubmissionValidator validator;
  private final Complaints complaints;
  private final ComplaintStatusViews views;
  private final IdempotentSubmissions idempotent;
  private final ObjectMapper json;
  private final ComplaintFiles files;

  ComplaintApi(ComplaintIntake intake, SubmissionValidator validator, Complaints complaints,
      ComplaintStatusViews views, IdempotentSubmissions idempotent, ObjectMapper json, ComplaintFiles files) {
    this.files = files;
    this.idempotent = idempotent;
    this.json = json;
    this.intake = intake;
    this.validator = validator;
    this.complaints = complaints;
    this.views = views;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Submit a complaint",
      description = "Stores the complaint and starts its handling. The follow-up token is shown only "
          + "in this answer; keep it to supplement or reply later.")
  @ApiResponse(responseCode = "201", description = "Received; Location is the status URL")
  @ApiResponse(responseCode = "400", description = "Invalid fields, all named in `errors`; nothing stored")
  ResponseEntity<SubmissionResponse> submit(@RequestBody SubmitComplaintRequest request,
      @Parameter(description = "Any unique string (a UUID) per complaint; a retry with the same key and body gets "
          + "the first answer instead of a second complaint (kept 24 hours)")
      @RequestHeader(name = IDEMPOTENCY_HEADER, required = false) String idempotencyKey) {
    var report = validator.validate(request, Channel.API);
    if (idempotencyKey == null) {
      return created(intake.submit(report), false);
    }
    if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
      throw new InvalidRequestException(List.of(new FieldProblem(IDEMPOTENCY_HEADER, "1 to 255 characters")));
    }
    String fingerprint = fingerprint(request);
    var previous = idempotent.previous(idempotencyKey, fingerprint);
    if (previous.isPresent()) {
      return created(previous.get(), true);
    }
    try {
      return created(idempotent.submit(idempotencyKey, fingerprint, report), false);
    } catch (DataIntegrityViolationException e) {
      throw new ConcurrentSubmissionException();
    }
  }

  private static ResponseEntity<SubmissionResponse> created(ComplaintIntake.Submission submission, boolean replayed) {
    URI statusUrl = URI.create("/api/complaints/" + submission.trackingNumber());
    return ResponseEntity.created(statusUrl).header("Idempotent-Replayed", Boolean.toString(replayed))
        .body(new SubmissionResponse(submission.trackingNumber(), submission.followUpToken(), statusUrl.toString()));
  }

  private String fingerprint(SubmitComplaintRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @ExceptionHandler(IdempotentSubmissions.IdempotencyKeyReusedException.class)
  ProblemDetail keyReused() {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
        "This Idempotency-Key was used for a different complaint; use a new key for a new complaint.");
  }

  @ExceptionHandler(ConcurrentSubmissionException.class)
  ProblemDetail concurrent() {
    return problem(HttpStatus.CONFLICT, "idempotency-in-progress", "Request in progress",
        "A request with this Idempotency-Key is being handled; retry in a moment to get its answer.");
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("urn:lapor:problem:" + type));
    p.setTitle(title);
    return p;
  }

  /** Two first requests with one key raced; the other one won. */
  static class ConcurrentSubmissionException extends RuntimeException {}

  @GetMapping("/{trackingNumber}")
  @Operation(summary = "Public status and timeline of a complaint",
      description = "With the Follow-Up-Token header, a confidential complaint's content is shown too.")
  @ApiResponse(responseCode = "404", description = "No complaint has this tracking number")
  @Transactional(readOnly = true)
  ComplaintStatusView status(@PathVariable String trackingNumber,
      @Parameter(description = "The follow-up token, to see a confidential complaint's content")
      @RequestHeader(name = TOKEN_HEADER, required = false) String token, Locale locale) {
    Complaint complaint = complaints.getByTrackingNumber(trackingNumber);
    if (token != null) {
      complaint.requireToken(token);
    }
    return views.of(complaint, token != null, locale);
  }

  @PostMapping(path = "/{trackingNumber}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Add files (parts named \"files\": JPEG, PNG, PDF or MP4, at most 5 at once and 10 MB each)",
      description = "The type is read from the content. Photos lose their location metadata before they are stored.")
  @ApiResponse(responseCode = "201", description = "Stored; the files as the complainant may now open them")
  @ApiResponse(responseCode = "400", description = "A file is of the wrong type, too large, or too many")
  @ApiResponse(responseCode = "403", description = "Wrong follow-up token")
  @ApiResponse(responseCode = "409", description = "The complaint is closed")
  @Transactional
  ResponseEntity<List<AttachmentView>> attach(@PathVariable String trackingNumber,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
      @RequestParam(name = "files", required = false) List<MultipartFile> uploads) {
    Complaint complaint = complaints.getByTrackingNumber(trackingNumber);
    complaint.requireToken(token);
    List<FieldProblem> problems = new ArrayList<>();
    var inspected = files.inspect(uploads, Optional.of(complaint), problems);
    if (problems.isEmpty() && inspected.isEmpty()) {
      problems.add(new FieldProblem("files", "is required (one or more files)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    intake.attach(trackingNumber, token, inspected);
    return ResponseEntity.status(HttpStatus.CREATED).body(files.visible(complaint, true,
        id -> "/api/complaints/" + trackingNumber + "/attachments/" + id));
  }

  @GetMapping(path = "/{trackingNumber}/attachments/{attachmentId}", produces = MediaType.ALL_VALUE)
  @Operation(summary = "One file of a complaint",
      description = "Images and PDFs of public complaints are public; everything else needs the Follow-Up-Token.")
  @ApiResponse(responseCode = "404", description = "No such file, or not visible to the caller")
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> attachment(@PathVariable String trackingNumber, @PathVariable long attachmentId,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
    Complaint complaint = complaints.getByTrackingNumber(trackingNumber);
    if (token != null) {
      complaint.requireToken(token);
    }
    return files.open(complaint, attachmentId, token != null)
        .orElseThrow(() -> new ComplaintNotFoundException(trackingNumber + " attachment " + attachmentId));
  }

  @PostMapping(path = "/{trackingNumber}/supplement", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Supply the information the admin asked for")
  @ApiResponse(responseCode = "204", description = "Received; verification resumes")
  @ApiResponse(responseCode = "403", description = "Wrong follow-up token")
  @ApiResponse(responseCode = "409", description = "No information is being asked for")
  ResponseEntity<Void> supplement(@PathVariable String trackingNumber, @RequestBody SupplementRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    String text = SubmissionValidator.text("text", request.text(), SubmissionValidator.DESCRIPTION_MAX, true, problems);
    complaints.getByTrackingNumber(trackingNumber);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    intake.supplement(trackingNumber, request.followUpToken(), text);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(path = "/{trackingNumber}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Accept or dispute the follow-up, optionally with a 1–5 rating")
  @ApiResponse(responseCode = "204", description = "Received")
  @ApiResponse(responseCode = "403", description = "Wrong follow-up token")
  @ApiResponse(responseCode = "409", description = "There is no follow-up waiting for a reply")
  ResponseEntity<Void> reply(@PathVariable String trackingNumber, @RequestBody ReplyRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    ReplyDecision decision = null;
    if (request.decision() == null) {
      problems.add(new FieldProblem("decision", "is required (ACCEPT or DISPUTE)"));
    } else {
      try {
        decision = ReplyDecision.valueOf(request.decision());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("decision", "must be ACCEPT or DISPUTE"));
      }
    }
    if (request.rating() != null && (request.rating() < 1 || request.rating() > 5)) {
      problems.add(new FieldProblem("rating", "must be between 1 and 5"));
    }
    String comment = decision == ReplyDecision.DISPUTE
        ? SubmissionValidator.text("comment", request.comment(), SubmissionValidator.DESCRIPTION_MAX, true, problems)
        : SubmissionValidator.text("comment", request.comment(), SubmissionValidator.DESCRIPTION_MAX, false, problems);
    complaints.getByTrackingNumber(trackingNumber);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    intake.reply(trackingNumber, request.followUpToken(), decision, request.rating(), comment);
    return ResponseEntity.noContent().build();
  }

  /** The answer to a submission. */
  record SubmissionResponse(String trackingNumber, String followUpToken, String statusUrl) {}

  record SupplementRequest(@Schema(description = "Token issued at submission") String followUpToken,
      @Schema(description = "The information asked for, at most 4,000 characters") String text) {}

  record ReplyRequest(@Schema(description = "Token issued at submission") String followUpToken,
      @Schema(description = "ACCEPT or DISPUTE") String decision,
      @Schema(description = "1 (poor) to 5 (very good)") Integer rating,
      @Schema(description = "Required when disputing: what is still wrong") String comment) {}
}
