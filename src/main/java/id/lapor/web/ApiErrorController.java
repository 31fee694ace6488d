package id.lapor.web;

import jakarta.servlet.RequestDispatcher;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page of requests that never reached a controller of this application — refused by Spring
 * Security (401, 403), for a path that does not exist (404), with a method or media type no handler
 * takes (405, 415), or failed in a filter: for the API and the channels it is RFC 7807
 * {@code application/problem+json} like every other answer there; for pages Spring Boot's error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorController extends BasicErrorController {

  private final ObjectMapper json;

  ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> resolvers,
      ObjectMapper json) {
    super(errorAttributes, server.getError(), resolvers);
    this.json = json;
  }

  @Override
  @RequestMapping
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    if (!isApi(request)) {
      return super.error(request);
    }
    return problemFor(request);
  }

  /** Browsers asking an API path for HTML still get the problem, not a page. */
  @Override
  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    if (!isApi(request)) {
      return super.errorHtml(request, response);
    }
    ResponseEntity<Map<String, Object>> problem = problemFor(request);
    response.setStatus(problem.getStatusCode().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    try {
      json.writeValue(response.getOutputStream(), problem.getBody());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private ResponseEntity<Map<String, Object>> problemFor(HttpServletRequest request) {
    HttpStatus status = getStatus(request);
    ProblemDetail problem = ApiProblems.problemFor(status);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri != null) {
      problem.setInstance(URI.create(uri.toString().replaceAll("[^A-Za-z0-9/._~%-]", "")));
    }
    return (ResponseEntity) ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  static boolean isApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    String context = request.getContextPath();
    if (path.startsWith(context)) {
      path = path.substring(context.length());
    }
    return ApiProblems.isApiPath(path);
  }
}
