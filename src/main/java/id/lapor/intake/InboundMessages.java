package id.lapor.intake;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.notifications.NotificationProperties;
import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an SMS or WhatsApp message asks for: {@code LAPOR <region code> <text>} submits a complaint
 * through the same validation and intake as the other doors (channel SMS/WHATSAPP), {@code CEK
 * <tracking number>} asks for its status, anything else gets the help text. Each message is handled
 * once: its id is stored with the outcome in the same transaction.
 */
@Service
class InboundMessages {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");
  private static final Pattern REPORT = Pattern.compile("(?is)^\\s*LAPOR\\s+([0-9]{2}\\.?[0-9]{2})\\s+(.+)$");
  private static final Pattern CHECK = Pattern.compile("(?is)^\\s*CEK\\s+(\\S+)\\s*$");
  private static final int MIN_TEXT = 10;

  private final SubmissionValidator validator;
  private final ComplaintIntake intake;
  private final Complaints complaints;
  private final ChannelMessages handled;
  private final MessageSource messages;
  private final NotificationProperties notifications;
  private final Clock clock;

  InboundMessages(SubmissionValidator validator, ComplaintIntake intake, Complaints complaints,
      ChannelMessages handled, MessageSource messages, NotificationProperties notifications, Clock clock) {
    this.validator = validator;
    this.intake = intake;
    this.complaints = complaints;
    this.handled = handled;
    this.messages = messages;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** What came of a message: the outcome, the complaint it concerns, and the answer to send (or null). */
  record Handled(String outcome, String trackingNumber, String reply) {}

  /**
   * Handles a message not handled before ({@code key}: channel and message id).
   *
   * @throws org.springframework.dao.DataIntegrityViolationException when the same message is being
   *     handled at the same moment (the other delivery wins)
   */
  @Transactional
  Handled handle(String key, GatewayWebhook.Inbound message) {
    Matcher report = REPORT.matcher(message.text());
    Matcher check = CHECK.matcher(message.text());
    Handled result;
    if (report.matches()) {
      result = report(message, report.group(1), report.group(2).strip());
    } else if (check.matches()) {
      String tn = check.group(1).toUpperCase(Locale.ROOT);
      result = complaints.findByTrackingNumber(tn)
          .map(c -> new Handled("STATUS", tn, text("channel.status", tn, text("status." + c.getStatus()), url(c))))
          .orElseGet(() -> new Handled("HELP", null, text("channel.notFound", tn) + " " + text("channel.help")));
    } else {
      result = new Handled("HELP", null, text("channel.help"));
    }
    handled.saveAndFlush(new ChannelMessage(key, result.outcome(), result.trackingNumber(), clock.instant()));
    return result;
  }

  private Handled report(GatewayWebhook.Inbound message, String code, String text) {
    String region = code.contains(".") ? code : code.substring(0, 2) + "." + code.substring(2);
    if (text.length() < MIN_TEXT) {
      return new Handled("HELP", null, text("channel.tooShort") + " " + text("channel.help"));
    }
    boolean named = message.senderName() != null && !message.senderName().isBlank();
    String title = SubmissionValidator.titleFrom(text);
    var request = new SubmitComplaintRequest("PENGADUAN", title, text, "LAINNYA", region,
        named ? "PUBLIC" : "ANONYMOUS", null, null,
        new SubmitComplaintRequest.ComplainantPart(named ? message.senderName().strip() : null, null, message.from()),
        null, "id");
    try {
      var report = validator.validate(request, message.channel());
      var submission = intake.submit(report);
      // the receipt (with the tracking number) goes out through the outbox like every later notice
      return new Handled("ACCEPTED", submission.trackingNumber(), null);
    } catch (InvalidRequestException e) {
      String why = e.getProblems().stream().map(FieldProblem::field).anyMatch("regionCode"::equals)
          ? text("channel.unknownRegion", region) : text("channel.invalid");
      return new Handled("HELP", null, why + " " + text("channel.help"));
    }
  }

  private String url(Complaint c) {
    return notifications.publicUrl() + "/lacak?nomor=" + c.getTrackingNumber();
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, INDONESIAN);
  }
}
