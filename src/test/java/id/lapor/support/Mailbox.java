package id.lapor.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What a test's GreenMail server received for one address. */
public final class Mailbox {

  private Mailbox() {}

  /** The messages sent to {@code address}, oldest first; none when the server is not running. */
  public static List<MimeMessage> to(GreenMail smtp, String address) {
    if (smtp == null || !smtp.isRunning()) {
      return List.of();
    }
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
