package id.lapor.duplicates;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintStatus;
import id.lapor.complaint.Complaints;
import id.lapor.text.IndonesianText;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitInsertEventListener;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open complaints like a given one. The index is loaded from the database on first use and then
 * follows every committed insert and update of a complaint (Hibernate post-commit events), so a
 * complaint is a candidate as soon as it is committed and leaves the index when it closes. Each node
 * holds its own index; what other nodes change reaches it within seconds through {@link #catchUp()}.
 */
@Service
public class DuplicateCandidates implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(DuplicateCandidates.class);
  static final int PAGE = 1000;
  public static final int LIMIT = 10;

  private final Complaints complaints;
  private final TransactionTemplate transactions;
  private final EntityManagerFactory entityManagers;
  private final DuplicateIndex index = new DuplicateIndex();
  /** The version indexed per complaint: an older state (a slow load page) never overwrites a newer one. */
  private final ConcurrentHashMap<Long, Long> indexedVersion = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile boolean loaded;
  /** Changes up to this instant (less the overlap) have been read from the database. */
  private volatile Instant caughtUpTo;
  private volatile long lastCatchUpNanos = System.nanoTime();

  DuplicateCandidates(Complaints complaints, TransactionTemplate transactions, EntityManagerFactory entityManagers,
      Clock clock) {
    this.complaints = complaints;
    this.transactions = transactions;
    this.entityManagers = entityManagers;
    this.clock = clock;
  }

  /**
   * How far back each catch-up reads again: a change is stamped when it happens and committed a
   * moment later, and other nodes' clocks may differ a little (keep them synchronised, NTP).
   */
  static final Duration CATCH_UP_OVERLAP = Duration.ofMinutes(1);

  /** Every few seconds: the complaints changed on other nodes (this node's own arrive with their commits). */
  @Scheduled(fixedDelayString = "${lapor.duplicates.catch-up-interval:PT5S}",
      initialDelayString = "${lapor.duplicates.catch-up-interval:PT5S}")
  void catchUpOnSchedule() {
    try {
      catchUp();
    } catch (RuntimeException e) {
      // the next run reads the same changes again (the window starts where the last good run did)
      log.warn("Duplicate index did not catch up with the database: {}", e.toString());
    }
  }

  /**
   * Indexes the complaints changed on any node since the last catch-up (less {@link #CATCH_UP_OVERLAP})
   * whose version this index does not have yet: with several nodes, a complaint submitted on one is a
   * duplicate candidate on the others within seconds. One indexed query for ids and versions; only
   * what this node has not seen is loaded.
   *
   * @return complaints (re)indexed or dropped
   */
  int catchUp() {
    if (!loaded) {
      return 0;
    }
    Instant now = clock.instant();
    Instant since = caughtUpTo.minus(CATCH_UP_OVERLAP);
    List<Long> unseen = complaints.changedSince(since).stream()
        .filter(row -> indexedVersion.getOrDefault((Long) row[0], -1L) < ((Number) row[1]).longValue())
        .map(row -> (Long) row[0]).toList();
    for (int from = 0; from < unseen.size(); from += PAGE) {
      List<Long> page = unseen.subList(from, Math.min(unseen.size(), from + PAGE));
      transactions.executeWithoutResult(s -> complaints.findAllById(page).forEach(this::index));
    }
    caughtUpTo = now;
    lastCatchUpNanos = System.nanoTime();
    return unseen.size();
  }

  @PostConstruct
  void followCommits() {
    var listener = new IndexOnCommit();
    var registry = entityManagers.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
        .getService(EventListenerRegistry.class);
    registry.appendListeners(EventType.POST_COMMIT_INSERT, listener);
    registry.appendListeners(EventType.POST_COMMIT_UPDATE, listener);
  }

  /**
   * {@code lapor.duplicates.index{state}}: open complaints in this node's index ({@code documents})
   * and changes not yet visible to its searches ({@code pending}; the index lags by at most a second);
   * {@code lapor.duplicates.index.catch.up.age}: seconds since it last read the other nodes' changes.
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("lapor.duplicates.index", index, DuplicateIndex::size).tag("state", "documents")
        .description("Open complaints in this node's duplicate index").register(registry);
    Gauge.builder("lapor.duplicates.index", index, DuplicateIndex::pendingChanges).tag("state", "pending")
        .description("Changes of complaints not yet visible to duplicate searches").register(registry);
    Gauge.builder("lapor.duplicates.index.catch.up.age", this, c -> (System.nanoTime() - c.lastCatchUpNanos) / 1e9)
        .baseUnit("seconds")
        .description("Time since this node's index last read the other nodes' changes (every 5 s when well)")
        .register(registry);
  }

  /** The open complaints like {@code c}, best first. */
  public List<DuplicateIndex.Hit> similarTo(Complaint c) {
    load();
    return index.similar(report(c), c.getAddressedRegionCode(), c.getTargetInstitutionCode().orElse(null), c.getId(),
        DuplicateScoring.THRESHOLD, LIMIT);
  }

  /**
   * Open complaints of {@code region} that share most words of a report being written: while a
   * citizen types a title, the portal offers them to join instead of filing again.
   */
  public List<DuplicateIndex.Hit> containingWordsOf(String draft, String region, java.time.Instant now, int limit) {
    load();
    List<String> stems = IndonesianText.get().stems(draft == null ? "" : draft);
    // a single word says too little; two words, both present, or most of a longer title
    return stems.stream().distinct().count() < 2 ? List.of() : index.containing(stems, region, now, 0.6, limit);
  }

  /** Loads the index when the application has started, not in the first admin's form. */
  @EventListener(ApplicationReadyEvent.class)
  void loadAtStart() {
    load();
  }

  /** Reads all open complaints into the index, once. */
  private void load() {
    if (loaded) {
      return;
    }
    synchronized (this) {
      if (loaded) {
        return;
      }
      caughtUpTo = clock.instant(); // what changes while the pages are read, the first catch-up reads again
      List<ComplaintStatus> open = ComplaintStatus.openOnes();
      int page = 0;
      int count = 0;
      while (true) {
        int number = page++;
        List<Complaint> found = transactions.execute(s -> {
          var batch = complaints.findByStatusIn(open, PageRequest.of(number, PAGE, Sort.by("id")));
          batch.forEach(this::index);
          return batch;
        });
        count += found.size();
        if (found.size() < PAGE) {
          break;
        }
      }
      index.refresh();
      loaded = true;
      log.info("Duplicate index loaded: {} open complaints", count);
    }
  }

  private void index(Complaint c) {
    long version = c.getVersion();
    long newest = indexedVersion.merge(c.getId(), version, Math::max);
    if (newest > version) {
      return;
    }
    if (c.getStatus().isOpen()) {
      index.put(new DuplicateIndex.Entry(c.getId(), c.getTrackingNumber(), c.getTitle(), c.getStatus().name(),
          c.getAddressedRegionCode(), c.getTargetInstitutionCode().orElse(null), report(c)),
          c.getTitle() + "\n" + c.getDescription());
    } else {
      index.remove(c.getId());
    }
  }

  static DuplicateScoring.Report report(Complaint c) {
    return new DuplicateScoring.Report(c.getCategory().name(),
        IndonesianText.get().stems(c.getTitle() + "\n" + c.getDescription()), c.getLocation().district(),
        c.getLocation().latitude(), c.getLocation().longitude(), c.getSubmittedAt());
  }

  @PreDestroy
  void close() throws IOException {
    index.close();
  }

  /** After a complaint's insert or update is committed: index it (or drop it when it closed). */
  private final class IndexOnCommit implements PostCommitInsertEventListener, PostCommitUpdateEventListener {

    @Override
    public void onPostInsert(PostInsertEvent event) {
      changed(event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
      changed(event.getEntity());
    }

    private void changed(Object entity) {
      // also while the load runs: the newer state wins either way
      if (entity instanceof Complaint c) {
        try {
          // visible to the next search (which waits for it), not reopened per commit
          index(c);
        } catch (RuntimeException e) {
          // the index is an aid; the complaint is stored whatever happens here
          log.warn("Duplicate index not updated for {}: {}", c.getTrackingNumber(), e.toString());
        }
      }
    }

    @Override
    public void onPostInsertCommitFailed(PostInsertEvent event) {
      // nothing was committed, nothing to index
    }

    @Override
    public void onPostUpdateCommitFailed(PostUpdateEvent event) {
      // nothing was committed, nothing to index
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
      return persister.getMappedClass() == Complaint.class;
    }
  }
}
