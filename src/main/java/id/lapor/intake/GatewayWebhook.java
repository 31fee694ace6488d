package id.lapor.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.complaint.Channel;
import id.lapor.notifications.NoticeMedium;
import id.lapor.notifications.DeliveryException;
import id.lapor.notifications.GatewayClient;
import id.lapor.notifications.GatewayProperties;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The SMS/WhatsApp gateway's inbound webhook (docs/api.md). Each message is signed by the gateway
 * ({@code X-Lapor-Signature: sha256=<hex HMAC-SHA256 of the body>}) and handled once by its message
 * id. {@code LAPOR <kode wilayah> <isi>} becomes a complaint (channel SMS or WHATSAPP; the receipt
 * with the tracking number and every later notice go back through the gateway by the outbox);
 * {@code CEK <nomor>} answers the status; anything else gets the help text.
 */
@RestController
@RequestMapping("/channels/gateway")
class GatewayWebhook {

  static final String SIGNATURE_HEADER = "X-Lapor-Signature";
  private static final Logger log = LoggerFactory.getLogger(GatewayWebhook.class);

  private final GatewayProperties gateway;
  private final GatewayClient replies;
  private final ObjectMapper json;
  private final InboundMessages inbound;
  private final ChannelMessages handled;

  GatewayWebhook(GatewayProperties gateway, GatewayClient replies, ObjectMapper json, InboundMessages inbound,
      ChannelMessages handled) {
    this.gateway = gateway;
    this.replies = replies;
    this.json = json;
    this.inbound = inbound;
    this.handled = handled;
  }

  /** What the webhook did with a message. */
  record Result(String result, String trackingNumber) {}

  @Operation(summary = "Inbound SMS/WhatsApp message from the gateway (signed; see docs/api.md)")
  @PostMapping(path = "/inbound", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Result> inbound(@RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
      @RequestBody byte[] body) {
    if (gateway.webhookSecret() == null) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the gateway webhook is not configured");
    }
    if (!signed(body, signature)) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "missing or wrong " + SIGNATURE_HEADER);
    }
    Inbound message = parse(body);
    String key = message.channel() + ":" + message.messageId();
    Optional<ChannelMessage> seen = handled.findById(key);
    if (seen.isPresent()) {
      return ResponseEntity.ok(new Result("DUPLICATE", seen.get().getTrackingNumber()));
    }
    try {
      InboundMessages.Handled result = inbound.handle(key, message);
      if (result.reply() != null) {
        reply(key, message, result.reply());
      }
      return ResponseEntity.ok(new Result(result.outcome(), result.trackingNumber()));
    } catch (DataIntegrityViolationException raced) {
      // the same message arrived twice at once; the other delivery made the complaint
      return ResponseEntity.ok(new Result("DUPLICATE",
          handled.findById(key).map(ChannelMessage::getTrackingNumber).orElse(null)));
    }
  }

  /** Help and status answers are not tied to a complaint: sent once, now; a gateway failure is logged. */
  private void reply(String key, Inbound message, String text) {
    NoticeMedium medium = message.channel() == Channel.WHATSAPP ? NoticeMedium.WHATSAPP : NoticeMedium.SMS;
    try {
      replies.send("lapor-reply-" + key, medium, message.from(), text);
    } catch (DeliveryException e) {
      log.warn("Reply to gateway message {} not sent: {}", key, e.getMessage());
    }
  }

  private boolean signed(byte[] body, String signature) {
    if (signature == null || !signature.startsWith("sha256=")) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(gateway.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(expected,
          signature.substring("sha256=".length()).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The gateway's JSON body. */
  record Inbound(String messageId, Channel channel, String from, String text, String senderName) {}

  private Inbound parse(byte[] body) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (IOException e) {
      throw new InvalidRequestException(List.of(new FieldProblem("body", "is not JSON")));
    }
    List<FieldProblem> problems = new ArrayList<>();
    String id = field(node, "messageId", 100, problems);
    String channel = field(node, "channel", 20, problems);
    String from = field(node, "from", 30, problems);
    String text = field(node, "text", SubmissionValidator.DESCRIPTION_MAX, problems);
    String name = node.hasNonNull("senderName") ? node.get("senderName").asText() : null;
    Channel ch = null;
    if (channel != null) {
      ch = "SMS".equals(channel) ? Channel.SMS : "WHATSAPP".equals(channel) ? Channel.WHATSAPP : null;
      if (ch == null) {
        problems.add(new FieldProblem("channel", "must be SMS or WHATSAPP"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new Inbound(id, ch, from, text, name == null || name.length() > SubmissionValidator.NAME_MAX ? null : name);
  }

  private static String field(JsonNode node, String name, int max, List<FieldProblem> problems) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      problems.add(new FieldProblem(name, "is required"));
      return null;
    }
    if (value.asText().length() > max) {
      problems.add(new FieldProblem(name, "must be at most " + max + " characters"));
      return null;
    }
    return value.asText();
  }

}
