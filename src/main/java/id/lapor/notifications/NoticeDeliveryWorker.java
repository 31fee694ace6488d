package id.lapor.notifications;

import id.lapor.notifications.ComplainantNotice;
import id.lapor.notifications.ComplainantNotices;
import id.lapor.complaint.Complainant;
import id.lapor.notifications.NoticeMedium;
import id.lapor.notifications.NoticeState;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: takes due notices (a lease, so that several nodes never send the same one
 * at once), writes and sends each outside any database transaction, then records the outcome.
 * A failed attempt waits (1 min, 2, 4 … at most {@code max-retry}) and is tried again, up to
 * {@code max-attempts}; what cannot be delivered stays visible to operators.
 *
 * <p>Delivery is at least once: a node that dies between handing a message over and recording it
 * leaves the notice to be sent again when the lease ends. The gateway receives the notice's
 * reference as {@code Idempotency-Key} for that case; the email carries it in {@code X-Lapor-Notice}.
 */
@Component
public class NoticeDeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(NoticeDeliveryWorker.class);
  private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s<>\"'@]+@[^\\s<>\"',;]+");
  private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?\\d[\\d -]{6,}\\d");

  private final ComplainantNotices notices;
  private final NoticeMessages messages;
  private final EmailCourier email;
  private final GatewayClient gateway;
  private final NotificationProperties properties;
  private final TransactionTemplate transactions;
  private final MeterRegistry meters;
  private final Clock clock;
  private final StaffNotices staffNotices;
  private final org.camunda.bpm.engine.IdentityService identities;
  private final CitizenLinks links;

  NoticeDeliveryWorker(ComplainantNotices notices, NoticeMessages messages, EmailCourier email, GatewayClient gateway,
      NotificationProperties properties, TransactionTemplate transactions, MeterRegistry meters, Clock clock,
      StaffNotices staffNotices, org.camunda.bpm.engine.IdentityService identities, CitizenLinks links) {
    this.links = links;
    this.staffNotices = staffNotices;
    this.identities = identities;
    this.notices = notices;
    this.messages = messages;
    this.email = email;
    this.gateway = gateway;
    this.properties = properties;
    this.transactions = transactions;
    this.meters = meters;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${lapor.notifications.poll-interval:PT10S}",
      initialDelayString = "${lapor.notifications.initial-delay:PT20S}")
  void poll() {
    try {
      deliverDue(clock.instant());
    } catch (RuntimeException e) {
      log.error("Notice delivery round failed; next round in {}", properties.pollInterval(), e);
    }
  }

  /**
   * Delivers every notice due at {@code now} that no other worker holds — the complainants', the
   * staff's and the private links citizens asked for ({@link CitizenLinks}); returns how many it attempted.
   */
  public int deliverDue(Instant now) {
    List<Long> due = notices.dueIds(now, PageRequest.of(0, properties.batchSize()));
    int attempted = 0;
    for (Long id : due) {
      if (notices.claim(id, now, now.plus(properties.lease())) == 1) {
        deliver(id, now);
        attempted++;
      }
    }
    for (Long id : staffNotices.dueIds(now, PageRequest.of(0, properties.batchSize()))) {
      if (staffNotices.claim(id, now, now.plus(properties.lease())) == 1) {
        deliverToStaff(id, now);
        attempted++;
      }
    }
    return attempted + links.deliverDue(now, properties.batchSize());
  }

  /** An email to a member of staff, at the address their account has when it is sent. */
  private void deliverToStaff(long id, Instant now) {
    StaffNotice notice = transactions.execute(status -> staffNotices.findById(id).orElseThrow());
    Outcome outcome = Outcome.of(() -> {
      var user = identities.createUserQuery().userId(notice.getRecipient()).singleResult();
      if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
        throw new DeliveryException(DeliveryException.Kind.NOT_CONFIGURED, "the account has no email address", null);
      }
      String html = "<p>" + org.springframework.web.util.HtmlUtils.htmlEscape(notice.getBody())
          .replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>";
      email.send("lapor-staff-notice-" + id, user.getEmail(),
          new NoticeMessages.Email(notice.getSubject(), notice.getBody(), html));
    });
    if (outcome.kind() != null) {
      log.warn("Staff notice {} ({}) not delivered: {}", id, notice.getKind(), outcome.error());
    }
    transactions.executeWithoutResult(status -> count("STAFF_EMAIL", staffNotices.findById(id).orElseThrow()
        .record(outcome.kind(), outcome.error(), now, properties.backoffAfter(notice.getAttempts() + 1),
            properties.maxAttempts())));
  }

  private void deliver(long id, Instant now) {
    Prepared prepared = transactions.execute(status -> prepare(notices.findById(id).orElseThrow()));
    Outcome outcome = Outcome.of(() -> {
      if (prepared.recipient() == null) {
        throw new DeliveryException(DeliveryException.Kind.NOT_CONFIGURED, "the complainant has no "
            + (prepared.medium() == NoticeMedium.EMAIL ? "email address" : "phone number") + " any more", null);
      }
      if (prepared.medium() == NoticeMedium.EMAIL) {
        email.send(prepared.reference(), prepared.recipient(), prepared.email());
      } else {
        gateway.send(prepared.reference(), prepared.medium(), prepared.recipient(), prepared.shortText());
      }
    });
    if (outcome.kind() != null) {
      log.warn("Notice {} ({} by {}) not delivered: {}", id, prepared.event(), prepared.medium(), outcome.error());
    }
    transactions.executeWithoutResult(status -> record(notices.findById(id).orElseThrow(), outcome, now));
  }

  /**
   * Error texts from SMTP servers and gateways may quote the recipient ("550 <x@y> rejected"):
   * they are logged and kept in the outbox, so addresses and numbers are masked first.
   */
  static String withoutContactData(String error) {
    if (error == null) {
      return null;
    }
    return PHONE_NUMBER.matcher(EMAIL_ADDRESS.matcher(error).replaceAll("<address>")).replaceAll("<number>");
  }

  private Prepared prepare(ComplainantNotice notice) {
    Complainant who = notice.getComplaint().getComplainant().orElse(null);
    String recipient = who == null ? null : notice.getMedium() == NoticeMedium.EMAIL ? who.getEmail() : who.getPhone();
    String reference = "lapor-notice-" + notice.getId();
    return notice.getMedium() == NoticeMedium.EMAIL
        ? new Prepared(reference, notice.getMedium(), notice.getEventType().name(), recipient, messages.email(notice), null)
        : new Prepared(reference, notice.getMedium(), notice.getEventType().name(), recipient, null,
            messages.shortMessage(notice));
  }

  private void record(ComplainantNotice notice, Outcome outcome, Instant now) {
    count(notice.getMedium().name(), notice.record(outcome.kind(), outcome.error(), now,
        properties.backoffAfter(notice.getAttempts() + 1), properties.maxAttempts()));
  }

  private void count(String medium, String result) {
    meters.counter("lapor.notifications.attempts", "medium", medium, "result", result).increment();
  }

  private record Prepared(String reference, NoticeMedium medium, String event, String recipient,
      NoticeMessages.Email email, String shortText) {}

  /** Handing a message to the mail server or the gateway. */
  interface Sending {
    void send() throws DeliveryException;
  }

  /**
   * How an attempt went, ready to record: {@code kind} null when delivered, else why not, with the
   * error text masked of addresses and numbers. The complainants', the staff's and the citizens' link
   * messages ({@link CitizenLinks}) all go through here.
   */
  record Outcome(DeliveryException.Kind kind, String error) {

    static Outcome of(Sending sending) {
      try {
        sending.send();
        return new Outcome(null, null);
      } catch (DeliveryException e) {
        return new Outcome(e.kind(), withoutContactData(e.getMessage()));
      } catch (RuntimeException e) {
        return new Outcome(DeliveryException.Kind.TRANSIENT, withoutContactData(e.toString()));
      }
    }
  }
}
