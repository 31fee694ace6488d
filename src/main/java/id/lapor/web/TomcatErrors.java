package id.lapor.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before the application sees the request (a broken percent-encoding,
 * an unreadable request line): under {@code /api} and {@code /channels} as problem+json like every
 * other error there, elsewhere Tomcat's plain page without its version or any report.
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      // the host adds a valve of this class when it starts, unless one is there already
      ((org.apache.catalina.core.StandardHost) context.getParent())
          .setErrorReportValveClass(ProblemReportValve.class.getName());
      var pipeline = context.getParent().getPipeline();
      for (Valve valve : pipeline.getValves()) {
        if (valve instanceof ErrorReportValve) {
          pipeline.removeValve(valve);
        }
      }
      ProblemReportValve valve = new ProblemReportValve();
      valve.setShowReport(false);
      valve.setShowServerInfo(false);
      pipeline.addValve(valve);
    });
  }

  @Override
  public int getOrder() {
    // after Spring Boot's own customizer, which adds the valve this one replaces
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Tomcat's error report, as problem+json for the API's paths. */
  public static class ProblemReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      String uri = request.getDecodedRequestURI() != null ? request.getDecodedRequestURI() : request.getRequestURI();
      String path = uri == null ? "" : uri;
      if (!ApiProblems.isApiPath(path)) {
        super.report(request, response, throwable);
        return;
      }
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write("{\"type\":\"" + ApiProblems.TYPE_PREFIX + (status == 400 ? "malformed-request" : "error")
              + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
              + (status == 400 ? "The request could not be read (its address or headers are malformed)."
                  : "The request could not be handled.") + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client has gone; nothing more to say
      }
    }
  }
}
