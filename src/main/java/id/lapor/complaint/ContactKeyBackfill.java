package id.lapor.complaint;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives complainants stored before contact keys existed, or keyed with a rotated-out key, their keys
 * under the current one — in batches after start-up, so that "laporan saya" finds every complaint.
 * Safe on several nodes at once: each computes the same keys.
 */
@Component
class ContactKeyBackfill {

  private static final Logger log = LoggerFactory.getLogger(ContactKeyBackfill.class);
  private static final int BATCH = 500;

  private final EntityManager entities;
  private final TransactionTemplate transactions;
  private final ContactKeys keys;
  private final PersonalDataCipher cipher;

  ContactKeyBackfill(EntityManager entities, TransactionTemplate transactions, ContactKeys keys,
      PersonalDataCipher cipher) {
    this.entities = entities;
    this.transactions = transactions;
    this.keys = keys;
    this.cipher = cipher;
  }

  /** In the background: the application takes traffic meanwhile, and a failure only postpones it. */
  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    Thread worker = new Thread(() -> {
      try {
        int done = run();
        if (done > 0) {
          log.info("Contact keys computed for {} complainants", done);
        }
      } catch (RuntimeException e) {
        log.error("Contact keys not computed (\"laporan saya\" misses those complainants until the next start)", e);
      }
    }, "contact-key-backfill");
    worker.setDaemon(true);
    worker.start();
  }

  /** Keys every complainant not keyed with the current key; answers how many. */
  int run() {
    String current = cipher.currentKeyId();
    int total = 0;
    long after = 0;
    while (true) {
      long from = after;
      List<Complainant> batch = transactions.execute(s -> {
        List<Complainant> found = entities.createQuery("select c from Complainant c where c.id > :after"
            + " and (c.contactKeyId is null or c.contactKeyId <> :current) order by c.id", Complainant.class)
            .setParameter("after", from).setParameter("current", current).setMaxResults(BATCH).getResultList();
        found.forEach(c -> c.keyContact(keys.email(c.getEmail()), keys.phone(c.getPhone()), current));
        return found;
      });
      total += batch.size();
      if (batch.size() < BATCH) {
        return total;
      }
      after = batch.get(batch.size() - 1).getId();
    }
  }
}
