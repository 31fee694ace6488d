package id.lapor.notifications;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lapor.notifications.*}: where the links in notices point, who sends email, how the outbox
 * worker retries. Email goes through Spring Boot's {@code spring.mail.*} SMTP settings; without
 * {@code spring.mail.host} email notices are marked SKIPPED; SMS/WhatsApp go through
 * {@link GatewayProperties the gateway}.
 *
 * @param publicUrl the portal's address as complainants reach it (links in messages)
 * @param emailFrom sender address of notification emails
 * @param pollInterval how often the worker looks for due notices
 * @param batchSize at most this many notices per look
 * @param maxAttempts attempts before a notice is FAILED (operators can retry it)
 * @param firstRetry wait after the first failed attempt; doubled after each further failure
 * @param maxRetry the longest wait between attempts
 * @param lease how long a worker holds a notice it is delivering before another may take it
 */
@ConfigurationProperties("lapor.notifications")
public record NotificationProperties(
    URI publicUrl,
    String emailFrom,
    Duration pollInterval,
    Integer batchSize,
    Integer maxAttempts,
    Duration firstRetry,
    Duration maxRetry,
    Duration lease) {

  public NotificationProperties {
    publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
    emailFrom = emailFrom == null || emailFrom.isBlank() ? "LAPOR! <no-reply@lapor.localhost>" : emailFrom;
    pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
    batchSize = batchSize == null ? 50 : batchSize;
    maxAttempts = maxAttempts == null ? 10 : maxAttempts;
    firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
    maxRetry = maxRetry == null ? Duration.ofHours(2) : maxRetry;
    lease = lease == null ? Duration.ofMinutes(5) : lease;
  }

  /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures: doubling, capped. */
  Duration backoffAfter(int attempts) {
    Duration wait = firstRetry;
    for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }

}
