package id.lapor.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Abuse resistance of the public doors. New complaints (and supplements, replies) are rate limited
 * per client address with token buckets (bucket4j): {@code 429} with {@code Retry-After} once a
 * client has used its allowance. Request bodies of the public API are bounded: {@code 413} above
 * {@link Limits#maxBodyBytes()}. Open311 and the SMS/WhatsApp gateway webhook are bounded in size
 * but not limited per address: one integrating server speaks for many citizens, and each request
 * carries its own credential (API key, HMAC signature). Behind a reverse proxy, set {@code server.forward-headers-strategy}
 * so the client address is the citizen's, not the proxy's.
 */
@Component
class PublicDoorLimits extends OncePerRequestFilter {

  private static final int MAX_CLIENTS = 50_000;

  private final Limits limits;
  private final Map<String, Bucket> buckets = Collections.synchronizedMap(
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_CLIENTS;
        }
      });

  PublicDoorLimits(Limits limits) {
    this.limits = limits;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/complaints") || path.startsWith("/open311/") || path.startsWith("/lapor")
        || path.startsWith("/lacak") || path.startsWith("/channels/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean multipart = request.getContentType() != null
        && request.getContentType().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    if (!multipart && request.getContentLengthLong() > limits.maxBodyBytes()) {
      problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "Request too large",
          "A request to this door may carry at most " + limits.maxBodyBytes() + " bytes.");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean credentialed = path.startsWith("/open311/") || path.startsWith("/channels/");
    if (HttpMethod.POST.matches(request.getMethod()) && !credentialed) {
      ConsumptionProbe probe = buckets.computeIfAbsent(request.getRemoteAddr(), a -> newBucket())
          .tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setHeader("Retry-After", Long.toString(seconds));
        problem(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
            "Too many submissions from this address; try again in " + seconds + " seconds.");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limits.postsPerHour())
            .refillGreedy(limits.postsPerHour(), Duration.ofHours(1)).build())
        .build();
  }

  private static void problem(HttpServletResponse response, HttpStatus status, String type, String title,
      String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"" + ApiProblems.TYPE_PREFIX + type + "\",\"title\":\"" + title
        + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
  }

  /**
   * @param postsPerHour submissions (POST) per client address and hour
   * @param maxBodyBytes largest request body of a public door, attachments (multipart) aside
   */
  @ConfigurationProperties("lapor.limits")
  record Limits(@DefaultValue("30") int postsPerHour, @DefaultValue("65536") long maxBodyBytes) {}
}
