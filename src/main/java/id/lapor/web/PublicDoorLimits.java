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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Abuse resistance of the public doors (complaint API, portal, Open311, SMS/WhatsApp webhook). Which
 * door a request is for is decided on its path as the application routes it — percent-decoded,
 * without path parameters — so {@code /api/%63omplaints} counts as {@code /api/complaints}.
 * <ul>
 *   <li>While the application is still starting (not yet ready for traffic: registry, calendar, index
 *       loading) every public door answers {@code 503} with {@code Retry-After}.
 *   <li>New complaints (and supplements, replies, "saya juga") are rate limited per client address with
 *       token buckets (bucket4j): {@code 429} with {@code Retry-After}.
 *   <li>Request bodies other than file uploads are read here, whatever their transfer encoding, up to
 *       {@link Limits#maxBodyBytes()}: one byte more answers {@code 413} and nothing more is read.
 *   <li>The gateway webhook without its signature header is refused before its body is read.
 * </ul>
 * Open311 and the gateway webhook are not limited per address: one integrating server speaks for many
 * citizens, and each request carries its own credential (API key, HMAC signature). Behind a reverse
 * proxy the client address is the one the proxy reports (server.forward-headers-strategy).
 */
@Component
class PublicDoorLimits extends OncePerRequestFilter {

  private static final int MAX_CLIENTS = 50_000;
  static final String SIGNATURE_HEADER = "X-Lapor-Signature";
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final Limits limits;
  private final Supplier<Boolean> ready;
  private final UrlPathHelper paths = new UrlPathHelper();
  private final Map<String, Bucket> buckets = Collections.synchronizedMap(
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_CLIENTS;
        }
      });

  @org.springframework.beans.factory.annotation.Autowired
  PublicDoorLimits(Limits limits, ApplicationAvailability availability) {
    this(limits, () -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
  }

  PublicDoorLimits(Limits limits, Supplier<Boolean> ready) {
    this.limits = limits;
    this.ready = ready;
    paths.setUrlDecode(true);
    paths.setRemoveSemicolonContent(true);
  }

  /** The path the application routes the request by. */
  String routedPath(HttpServletRequest request) {
    return paths.getPathWithinApplication(request).replaceAll("/{2,}", "/");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isPublicDoor(routedPath(request));
  }

  static boolean isPublicDoor(String path) {
    return path.startsWith("/api/complaints") || path.startsWith("/open311/") || path.startsWith("/lapor")
        || path.startsWith("/lacak") || path.startsWith("/channels/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = routedPath(request);
    if (!ready.get()) {
      response.setHeader("Retry-After", "5");
      problem(response, HttpStatus.SERVICE_UNAVAILABLE, "starting", "Starting",
          "The service is starting; try again in a few seconds. Nothing was received.");
      return;
    }
    boolean credentialed = path.startsWith("/open311/") || path.startsWith("/channels/");
    if (path.startsWith("/channels/") && HttpMethod.POST.matches(request.getMethod())
        && request.getHeader(SIGNATURE_HEADER) == null) {
      problem(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
          "The request carries no " + SIGNATURE_HEADER + " header.");
      return;
    }
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
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
    if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE) || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        || !WITH_BODY.contains(request.getMethod())) {
      // the container parses forms and file uploads itself, bounded by server.tomcat.max-http-form-post-size
      // and the multipart limits, whatever the transfer encoding
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > limits.maxBodyBytes()) {
      tooLarge(response);
      return;
    }
    var read = ReadBodyRequest.read(request, limits.maxBodyBytes());
    if (read.isEmpty()) {
      response.setHeader("Connection", "close");
      tooLarge(response);
      return;
    }
    chain.doFilter(read.get(), response);
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "Request too large",
        "A request to this door may carry at most " + limits.maxBodyBytes() + " bytes.");
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
