package id.lapor.notifications;

import id.lapor.notifications.NoticeMedium;
import java.net.http.HttpClient;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends SMS and WhatsApp messages through the gateway's HTTP API (docs/api.md): a JSON POST of
 * {@code {reference, channel, to, text}} with the reference also in {@code Idempotency-Key}, so a
 * gateway that deduplicates never sends a retried message twice.
 */
@Component
public class GatewayClient {

  private final GatewayProperties properties;
  private final RestClient http;

  GatewayClient(GatewayProperties properties, RestClient.Builder builder) {
    this.properties = properties;
    var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .connectTimeout(properties.timeout())
        // no h2c upgrade on plain-HTTP gateways (HTTPS gateways still negotiate HTTP/2 by ALPN)
        .version(HttpClient.Version.HTTP_1_1).build());
    factory.setReadTimeout(properties.timeout());
    this.http = builder.requestFactory(factory).build();
  }

  public boolean isConfigured() {
    return properties.url() != null;
  }

  /** One message to {@code to} (an E.164-like phone number). */
  public void send(String reference, NoticeMedium channel, String to, String text) throws DeliveryException {
    if (!isConfigured()) {
      throw new DeliveryException(DeliveryException.Kind.NOT_CONFIGURED,
          "no SMS/WhatsApp gateway configured (lapor.gateway.url)", null);
    }
    try {
      http.post().uri(properties.url())
          .contentType(MediaType.APPLICATION_JSON)
          .headers(h -> {
            h.set("Idempotency-Key", reference);
            if (properties.token() != null && !properties.token().isBlank()) {
              h.setBearerAuth(properties.token());
            }
          })
          .body(new Message(reference, channel.name(), to, text))
          .retrieve()
          .toBodilessEntity();
    } catch (RestClientResponseException e) {
      HttpStatusCode status = e.getStatusCode();
      boolean retry = status.is5xxServerError() || status.value() == 408 || status.value() == 429;
      throw new DeliveryException(retry ? DeliveryException.Kind.TRANSIENT : DeliveryException.Kind.PERMANENT,
          "gateway answered " + status.value(), e);
    } catch (ResourceAccessException e) {
      throw new DeliveryException(DeliveryException.Kind.TRANSIENT, "gateway unreachable: " + e.getMessage(), e);
    } catch (RestClientException e) {
      throw new DeliveryException(DeliveryException.Kind.TRANSIENT, "gateway: " + e.getMessage(), e);
    }
  }

  /** The gateway's JSON body. */
  record Message(String reference, String channel, String to, String text) {}
}
