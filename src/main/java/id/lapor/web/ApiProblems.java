package id.lapor.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import id.lapor.complaint.ComplaintNotFoundException;
import id.lapor.complaint.FollowUpTokenRejectedException;
import id.lapor.complaint.IllegalComplaintTransitionException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of the application's own HTTP API becomes an RFC 7807 problem
 * ({@code application/problem+json}) here, and nowhere else. Responses never carry stack traces,
 * SQL or internal class names; unexpected failures are logged with an id the response repeats.
 */
@RestControllerAdvice(basePackages = "id.lapor")
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
  static final String TYPE_PREFIX = "urn:lapor:problem:";

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        e.getProblems().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
    p.setProperty("errors", e.getProblems());
    return p;
  }

  @ExceptionHandler(ComplaintNotFoundException.class)
  ProblemDetail notFound(ComplaintNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "complaint-not-found", "Complaint not found",
        "No complaint has this tracking number.");
  }

  @ExceptionHandler(NotInScopeException.class)
  ProblemDetail notInScope(NotInScopeException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(FollowUpTokenRejectedException.class)
  ProblemDetail tokenRejected(FollowUpTokenRejectedException e) {
    return problem(HttpStatus.FORBIDDEN, "follow-up-token-rejected", "Follow-up token rejected",
        "This action needs the follow-up token that was issued when the complaint was submitted.");
  }

  @ExceptionHandler(IllegalComplaintTransitionException.class)
  ProblemDetail conflict(IllegalComplaintTransitionException e) {
    ProblemDetail p = problem(HttpStatus.CONFLICT, "complaint-state-conflict", "Not possible in this state",
        "The complaint is " + e.getStatus() + " and cannot be " + e.getAction() + " now.");
    p.setProperty("complaintStatus", e.getStatus());
    return p;
  }

  @ExceptionHandler(SuspendedEntityInteractionException.class)
  ProblemDetail suspended(SuspendedEntityInteractionException e) {
    log.warn("Complaint handling is suspended: {}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "intake-suspended", "Complaint handling paused",
        "Complaint handling has been paused by an operator. Nothing was stored; please try again later.");
  }

  /** A header or path Spring Security's firewall refuses (control characters, bytes it cannot read). */
  @ExceptionHandler(RequestRejectedException.class)
  ProblemDetail rejected(RequestRejectedException e) {
    return malformed();
  }

  static ProblemDetail malformed() {
    return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
        "The request could not be read: its address or a header holds characters that are not allowed.");
  }

  @ExceptionHandler(MultipartException.class)
  ProblemDetail multipart(MultipartException e) {
    return problem(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed upload",
        "The files could not be read: the body is not valid multipart/form-data (parts named \"files\").");
  }

  /** Two changes of one complaint at once, and this one waited too long for the other. */
  @ExceptionHandler(PessimisticLockingFailureException.class)
  ProblemDetail busy(PessimisticLockingFailureException e) {
    log.warn("A change waited too long for another one of the same complaint: {}", e.getMessage());
    return problem(HttpStatus.CONFLICT, "busy", "Busy",
        "The complaint is being changed by another request; nothing was stored, try again in a moment.");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    String incident = UUID.randomUUID().toString();
    log.error("Unexpected failure, incident {}", incident, e);
    ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "Something went wrong on our side. Nothing was stored. Incident " + incident + ".");
    p.setProperty("incident", incident);
    return p;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail p;
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String message = mapping instanceof InvalidFormatException invalid
          ? "has the wrong type or format (" + invalid.getValue() + ")" : "has the wrong type";
      p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", field + ": " + message);
      p.setProperty("errors", List.of(new FieldProblem(field, message)));
    } else {
      p = problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed request body",
          "The request body is missing or is not valid JSON.");
    }
    return ResponseEntity.badRequest().headers(headers).body(p);
  }

  /** Paths whose every answer, errors included, is JSON for programs: the API and the channels. */
  static boolean isApiPath(String path) {
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/channels/");
  }

  /** The problem for a bare status (no exception of ours to describe it). */
  static ProblemDetail problemFor(HttpStatus status) {
    return switch (status) {
      case UNAUTHORIZED -> problem(status, "unauthorized", "Unauthorized",
          "This needs a staff login (HTTP Basic or the browser session).");
      case FORBIDDEN -> problem(status, "forbidden", "Forbidden", "The caller may not do this.");
      case NOT_FOUND -> problem(status, "not-found", "Not found", "There is nothing at this address.");
      case METHOD_NOT_ALLOWED -> problem(status, "method-not-allowed", "Method not allowed",
          "This address does not take this HTTP method.");
      case UNSUPPORTED_MEDIA_TYPE -> problem(status, "unsupported-media-type", "Unsupported media type",
          "This address does not take a body of this Content-Type.");
      case NOT_ACCEPTABLE -> problem(status, "not-acceptable", "Not acceptable",
          "This address answers in JSON (application/json or application/problem+json).");
      case PAYLOAD_TOO_LARGE -> problem(status, "request-too-large", "Request too large", "The request is too large.");
      case INTERNAL_SERVER_ERROR -> problem(status, "internal-error", "Internal error",
          "Something went wrong on our side. Nothing was stored.");
      default -> status.is4xxClientError()
          ? problem(status, "bad-request", status.getReasonPhrase(), "The request is not valid: " + status.getReasonPhrase() + ".")
          : problem(status, "unavailable", status.getReasonPhrase(), "The service cannot answer now; try again later.");
    };
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(TYPE_PREFIX + type));
    p.setTitle(title);
    return p;
  }
}
