package id.lapor.notifications;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lapor.gateway.*}: the SMS/WhatsApp gateway (docs/api.md, "SMS and WhatsApp"). Outgoing
 * messages are POSTed to {@code url}; the gateway's inbound webhook is signed with
 * {@code webhookSecret} (HMAC-SHA256).
 *
 * @param url where outgoing messages are POSTed (JSON); none: SMS/WhatsApp notices are SKIPPED
 * @param token bearer token sent with outgoing messages, if the gateway wants one
 * @param timeout connect and read timeout of outgoing messages
 * @param webhookSecret shared secret of the inbound webhook's signature; none: the webhook answers 503
 */
@ConfigurationProperties("lapor.gateway")
public record GatewayProperties(URI url, String token, Duration timeout, String webhookSecret) {

  public GatewayProperties {
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    url = url == null || url.toString().isBlank() ? null : url;
    webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
  }
}
