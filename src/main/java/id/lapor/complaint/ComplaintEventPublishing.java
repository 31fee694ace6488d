package id.lapor.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.FlushMode;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes what complaints announced ({@link ComplaintEvent}) to the application's listeners at
 * every flush of the persistence context, before Hibernate writes anything: before the transaction
 * commits, and before a query that might read what changed. The listeners (supervision's read model
 * and rollup, notifications' outbox) run synchronously in the transaction that changed the
 * complaint, so what they write commits or rolls back with it — nothing lost, nothing half-written —
 * and whoever changes a complaint need not remember to publish anything.
 *
 * <p>Hooked into this application context's own Hibernate session factory (never a static holder:
 * two application contexts in one JVM each publish to their own listeners).
 */
@Component
class ComplaintEventPublishing implements HibernatePropertiesCustomizer {

  private static final ThreadLocal<Boolean> PUBLISHING = ThreadLocal.withInitial(() -> false);
  private static final int MAX_ROUNDS = 100;

  private final ApplicationEventPublisher publisher;

  ComplaintEventPublishing(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void customize(Map<String, Object> properties) {
    properties.put("hibernate.integrator_provider", (IntegratorProvider) () -> List.of(new Installer()));
  }

  /** Puts the publisher in front of Hibernate's own flush listeners. */
  private final class Installer implements Integrator {
    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
        SessionFactoryImplementor sessionFactory) {
      EventListenerRegistry registry = sessionFactory.getServiceRegistry().getService(EventListenerRegistry.class);
      Publisher listener = new Publisher();
      registry.prependListeners(EventType.FLUSH, (FlushEventListener) listener);
      registry.prependListeners(EventType.AUTO_FLUSH, (AutoFlushEventListener) listener);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry registry) {
      // nothing held
    }
  }

  private final class Publisher implements FlushEventListener, AutoFlushEventListener {
    @Override
    public void onFlush(FlushEvent event) {
      publishPending(event.getSession());
    }

    @Override
    public void onAutoFlush(AutoFlushEvent event) {
      publishPending(event.getSession());
    }
  }

  /**
   * Publishes the pending events of every complaint in the session, in the order each complaint
   * announced them, until listeners announce nothing more.
   */
  void publishPending(EventSource session) {
    if (PUBLISHING.get()) {
      return;
    }
    PUBLISHING.set(true);
    // the listeners' queries must not flush within this flush (Hibernate's flush is not re-entrant);
    // they read what they wrote from the persistence context
    FlushMode mode = session.getHibernateFlushMode();
    session.setHibernateFlushMode(FlushMode.MANUAL);
    try {
      for (int round = 0; round < MAX_ROUNDS; round++) {
        List<ComplaintEvent> events = new ArrayList<>();
        for (Map.Entry<Object, EntityEntry> entry : session.getPersistenceContextInternal()
            .reentrantSafeEntityEntries()) {
          if (entry.getKey() instanceof Complaint complaint && complaint.hasPendingEvents()) {
            events.addAll(complaint.takeEvents());
          }
        }
        if (events.isEmpty()) {
          return;
        }
        for (ComplaintEvent event : events) {
          // the entry first: what listeners write may refer to it, and inserts keep their order
          session.persist(event.occurrence().entry());
          publisher.publishEvent(event);
        }
      }
      throw new IllegalStateException("complaint events keep announcing further events");
    } finally {
      session.setHibernateFlushMode(mode);
      PUBLISHING.remove();
    }
  }
}
