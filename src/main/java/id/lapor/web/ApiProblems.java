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
import org.springframework.http.converter.HttpMessageNotReadableException;
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

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(TYPE_PREFIX + type));
    p.setTitle(title);
    return p;
  }
}
