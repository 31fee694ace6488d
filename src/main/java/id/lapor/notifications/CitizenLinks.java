package id.lapor.notifications;

import id.lapor.complaint.Channel;
import id.lapor.complaint.Complainant;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.ContactKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Private links sent on a citizen's request: the receipt of a complaint to the contact given with it,
 * and "laporan saya" — links to every complaint of an email address or phone number, no account, no
 * password. The request is answered the same whether or not the address is known; what is sent goes
 * only to the address stored with the complaints, through the outbox, with retries.
 */
@Service
public class CitizenLinks {

  private static final Logger log = LoggerFactory.getLogger(CitizenLinks.class);
  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{5,19}$");

  /** One "laporan saya" message per contact in this time, however often it is asked for. */
  static final Duration MY_REPORTS_INTERVAL = Duration.ofMinutes(15);
  /** At most this many "laporan saya" messages to one contact a day (each resend also retires the last links). */
  static final int MY_REPORTS_PER_DAY = 4;
  /** At most this many receipts of one complaint sent per hour. */
  static final int RECEIPTS_PER_HOUR = 3;
  static final int RECEIPTS_PER_DAY = 6;
  /** Newest complaints linked in one message (email; an SMS carries fewer). */
  static final int LINKS_MAX = 20;
  static final int SMS_LINKS_MAX = 3;

  /** What the citizen typed, understood. */
  public enum Contact { EMAIL, PHONE, INVALID }

  private final Complaints complaints;
  private final ContactKeys keys;
  private final LinkNotices notices;
  private final MessageSource messages;
  private final NotificationProperties properties;
  private final EmailCourier email;
  private final GatewayClient gateway;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CitizenLinks(Complaints complaints, ContactKeys keys, LinkNotices notices, MessageSource messages,
      NotificationProperties properties, EmailCourier email, GatewayClient gateway, TransactionTemplate transactions,
      Clock clock) {
    this.complaints = complaints;
    this.keys = keys;
    this.notices = notices;
    this.messages = messages;
    this.properties = properties;
    this.email = email;
    this.gateway = gateway;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Whether {@code address} is an email address, a phone number, or neither. */
  public static Contact kindOf(String address) {
    String a = address == null ? "" : address.strip();
    return EMAIL.matcher(a).matches() && a.length() <= 254 ? Contact.EMAIL
        : PHONE.matcher(a).matches() ? Contact.PHONE : Contact.INVALID;
  }

  /**
   * "Laporan saya": queues one message with private links to the complaints of {@code address}, if it
   * has any and none was queued for it in the last {@link #MY_REPORTS_INTERVAL}. Says nothing of
   * whether it did: the caller answers the same either way.
   */
  @Transactional
  public void requestMyReports(String address, Locale locale) {
    Contact kind = kindOf(address);
    if (kind == Contact.INVALID) {
      throw new IllegalArgumentException("neither an email address nor a phone number");
    }
    String key = kind == Contact.EMAIL ? keys.email(address) : keys.phone(address);
    Instant now = clock.instant();
    if (notices.countByContactKeyAndCreatedAtAfter(key, now.minus(MY_REPORTS_INTERVAL)) > 0
        || notices.countByContactKeyAndCreatedAtAfter(key, now.minus(Duration.ofDays(1))) >= MY_REPORTS_PER_DAY) {
      return;
    }
    List<Complaint> theirs = ofContact(kind, key, 1);
    if (theirs.isEmpty()) {
      return;
    }
    NoticeMedium medium = kind == Contact.EMAIL ? NoticeMedium.EMAIL
        : theirs.get(0).getChannel() == Channel.WHATSAPP ? NoticeMedium.WHATSAPP : NoticeMedium.SMS;
    notices.save(LinkNotice.myReports(key, medium, locale.getLanguage(), now));
  }

  /**
   * Queues the receipt of {@code complaint} to the contact given with it (email and/or phone); answers
   * by which media, none when there is no contact or it was sent {@link #RECEIPTS_PER_HOUR} times this hour.
   */
  @Transactional
  public List<NoticeMedium> sendReceipt(Complaint complaint, Locale locale) {
    Complainant who = complaint.getComplainant().orElse(null);
    Instant now = clock.instant();
    List<NoticeMedium> media = new ArrayList<>();
    if (who == null || notices.countForComplaintSince(complaint.getId(), now.minus(Duration.ofHours(1)))
        >= RECEIPTS_PER_HOUR
        || notices.countForComplaintSince(complaint.getId(), now.minus(Duration.ofDays(1))) >= RECEIPTS_PER_DAY) {
      return media;
    }
    if (who.getEmail() != null) {
      media.add(NoticeMedium.EMAIL);
    }
    if (who.getPhone() != null) {
      media.add(complaint.getChannel() == Channel.WHATSAPP ? NoticeMedium.WHATSAPP : NoticeMedium.SMS);
    }
    media.forEach(m -> notices.save(LinkNotice.receipt(complaint, m, locale.getLanguage(), now)));
    return media;
  }

  /** Whether {@code complaint}'s complainant gave an email address or a phone number. */
  public static boolean hasContact(Complaint complaint) {
    return complaint.getComplainant().map(c -> c.getEmail() != null || c.getPhone() != null).orElse(false);
  }

  private List<Complaint> ofContact(Contact kind, String key, int max) {
    return complaints.ofContact(kind == Contact.EMAIL ? key : null, kind == Contact.PHONE ? key : null,
        PageRequest.of(0, max));
  }

  /** Delivers the due link messages no other worker holds; answers how many it attempted. */
  int deliverDue(Instant now, int batch) {
    int attempted = 0;
    for (Long id : notices.dueIds(now, PageRequest.of(0, batch))) {
      if (notices.claim(id, now, now.plus(properties.lease())) == 1) {
        deliver(id, now);
        attempted++;
      }
    }
    return attempted;
  }

  private record Prepared(NoticeMedium medium, String recipient, NoticeMessages.Email email, String shortText) {}

  private void deliver(long id, Instant now) {
    // the links are issued in their own transaction, then sent outside any
    NoticeDeliveryWorker.Outcome outcome = NoticeDeliveryWorker.Outcome.of(() -> {
      Prepared prepared = transactions.execute(s -> prepare(notices.findById(id).orElseThrow()));
      if (prepared.recipient() == null) {
        throw new DeliveryException(DeliveryException.Kind.NOT_CONFIGURED, "no contact to send to any more", null);
      }
      if (prepared.medium() == NoticeMedium.EMAIL) {
        email.send("lapor-link-" + id, prepared.recipient(), prepared.email());
      } else {
        gateway.send("lapor-link-" + id, prepared.medium(), prepared.recipient(), prepared.shortText());
      }
    });
    if (outcome.kind() != null) {
      log.warn("Link message {} not delivered: {}", id, outcome.error());
    }
    transactions.executeWithoutResult(s -> {
      LinkNotice n = notices.findById(id).orElseThrow();
      n.record(outcome.kind(), outcome.error(), now, properties.backoffAfter(n.getAttempts() + 1),
          properties.maxAttempts());
    });
  }

  private Prepared prepare(LinkNotice notice) {
    Locale locale = Locale.forLanguageTag(notice.getLanguage());
    boolean byEmail = notice.getMedium() == NoticeMedium.EMAIL;
    List<Complaint> linked = notice.getKind() == LinkNotice.Kind.RECEIPT ? List.of(notice.getComplaint().orElseThrow())
        : ofContact(byEmail ? Contact.EMAIL : Contact.PHONE, notice.getContactKey(), byEmail ? LINKS_MAX : SMS_LINKS_MAX);
    if (linked.isEmpty()) {
      return new Prepared(notice.getMedium(), null, null, null);
    }
    Complainant who = linked.get(0).getComplainant().orElse(null);
    String recipient = who == null ? null : byEmail ? who.getEmail() : who.getPhone();
    List<String> lines = new ArrayList<>();
    List<String> html = new ArrayList<>();
    for (Complaint c : linked) {
      String link = UriComponentsBuilder.fromUri(properties.publicUrl()).path("/lacak/{tn}")
          .queryParam("token", c.reissueToken()).queryParam("lang", locale.getLanguage())
          .buildAndExpand(c.getTrackingNumber()).encode().toUriString();
      String status = messages.getMessage("status." + c.getStatus(), null, locale);
      lines.add(byEmail ? c.getTrackingNumber() + " — " + c.getTitle() + " (" + status + ")\n" + link
          : c.getTrackingNumber() + " " + link);
      html.add("<li><strong>" + c.getTrackingNumber() + "</strong> — " + HtmlUtils.htmlEscape(c.getTitle()) + " ("
          + HtmlUtils.htmlEscape(status) + ")<br><a href=\"" + HtmlUtils.htmlEscape(link) + "\">"
          + HtmlUtils.htmlEscape(link) + "</a></li>");
    }
    String kind = notice.getKind() == LinkNotice.Kind.RECEIPT ? "receipt" : "mine";
    String subject = messages.getMessage("links." + kind + ".subject",
        new Object[] {linked.get(0).getTrackingNumber()}, locale);
    String intro = messages.getMessage("links." + kind + ".intro", new Object[] {linked.size()}, locale);
    String keep = messages.getMessage("links.keep", null, locale);
    if (!byEmail) {
      return new Prepared(notice.getMedium(), recipient, null,
          messages.getMessage("links." + kind + ".sms", null, locale) + " " + String.join(" ", lines));
    }
    String text = intro + "\n\n" + String.join("\n\n", lines) + "\n\n" + keep;
    String body = "<p>" + HtmlUtils.htmlEscape(intro) + "</p><ul>" + String.join("", html) + "</ul><p>"
        + HtmlUtils.htmlEscape(keep) + "</p>";
    return new Prepared(notice.getMedium(), recipient, new NoticeMessages.Email(subject, text, body), null);
  }
}
