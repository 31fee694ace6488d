package id.lapor.notifications;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands emails to the SMTP server of {@code spring.mail.*}, as text and HTML alternatives. */
@Component
class EmailCourier {

  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationProperties properties;

  EmailCourier(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
  }

  void send(String reference, String to, NoticeMessages.Email email) throws DeliveryException {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      throw new DeliveryException(DeliveryException.Kind.NOT_CONFIGURED,
          "no SMTP server configured (spring.mail.host)", null);
    }
    try {
      var message = sender.createMimeMessage();
      var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.emailFrom());
      helper.setTo(to);
      helper.setSubject(email.subject());
      helper.setText(email.text(), email.html());
      message.setHeader("X-Lapor-Notice", reference);
      sender.send(message);
    } catch (MessagingException | MailParseException | MailPreparationException e) {
      throw new DeliveryException(DeliveryException.Kind.PERMANENT, "email not sendable: " + e.getMessage(), e);
    } catch (MailException e) {
      throw new DeliveryException(DeliveryException.Kind.TRANSIENT, "SMTP: " + e.getMessage(), e);
    }
  }
}
