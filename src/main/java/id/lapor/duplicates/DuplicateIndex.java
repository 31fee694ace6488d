package id.lapor.duplicates;

import id.lapor.text.IndonesianText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A Lucene index of the open complaints, in memory (rebuilt from the database at start, a few seconds
 * for 100,000 complaints). Lucene finds the complaints sharing stems with a report within the time
 * window, in its regency or addressed to its institution (BM25, at most 100); {@link DuplicateScoring}
 * then scores them. Thread-safe. Pure of Spring, so the benchmark measures exactly this.
 *
 * <p>What is put or removed becomes visible to searches without a reopen per change (a reopen per
 * submitted complaint cost 4–6 % of intake): Lucene's reopen thread refreshes at most once a second
 * in the background, and a search first waits for every change made before it (read your writes),
 * which reopens at once when one is pending.
 */
public final class DuplicateIndex implements AutoCloseable {

  static final int RETRIEVED = 100;
  /** Words of a draft asked for at most (a title has fewer). */
  static final int DRAFT_STEMS_MAX = 32;

  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
  /** The sequence number of the latest change: what a search must see. */
  private final AtomicLong written = new AtomicLong(-1);
  /** Puts and removes so far, and how many of them searches see. */
  private final AtomicLong changes = new AtomicLong();
  private volatile long visibleChanges;

  public DuplicateIndex() {
    try {
      writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(IndonesianText.get().analyzer())
          .setRAMBufferSizeMB(64));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    searchers.addListener(new ReferenceManager.RefreshListener() {
      private long before;

      @Override
      public void beforeRefresh() {
        before = changes.get();
      }

      @Override
      public void afterRefresh(boolean didRefresh) {
        visibleChanges = Math.max(visibleChanges, before);
      }
    });
    reopener = new ControlledRealTimeReopenThread<>(writer, searchers, 1.0, 0.0);
    reopener.setName("duplicate-index-reopen");
    reopener.setDaemon(true);
    reopener.start();
  }

  /** An indexed complaint. {@code target} is the institution the complainant addressed, or null. */
  public record Entry(long id, String trackingNumber, String title, String status, String region, String target,
      DuplicateScoring.Report report) {}

  /** A complaint found like the report, with its score. */
  public record Hit(long id, String trackingNumber, String title, String status, Instant submittedAt, double score) {}

  public void put(Entry e, String text) {
    Document doc = new Document();
    doc.add(new StringField("id", Long.toString(e.id()), Field.Store.YES));
    doc.add(new StoredField("tn", e.trackingNumber()));
    doc.add(new StoredField("title", e.title()));
    doc.add(new StoredField("status", e.status()));
    doc.add(new StringField("region", e.region(), Field.Store.NO));
    if (e.target() != null) {
      doc.add(new StringField("target", e.target(), Field.Store.NO));
    }
    DuplicateScoring.Report r = e.report();
    doc.add(new StoredField("category", r.category()));
    doc.add(new StoredField("stems", String.join(" ", r.stems())));
    if (r.district() != null) {
      doc.add(new StoredField("district", r.district()));
    }
    if (r.latitude() != null && r.longitude() != null) {
      doc.add(new StoredField("lat", r.latitude()));
      doc.add(new StoredField("lon", r.longitude()));
    }
    long at = r.submittedAt().toEpochMilli();
    doc.add(new LongPoint("submitted", at));
    doc.add(new StoredField("submitted", at));
    doc.add(new TextField("text", text, Field.Store.NO));
    try {
      changed(writer.updateDocument(new Term("id", Long.toString(e.id())), doc));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public void remove(long id) {
    try {
      changed(writer.deleteDocuments(new Term("id", Long.toString(id))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void changed(long sequenceNumber) {
    changes.incrementAndGet();
    written.accumulateAndGet(sequenceNumber, Math::max);
  }

  /** Changes made that searches do not see yet (the reopen thread makes them visible within a second). */
  public long pendingChanges() {
    return Math.max(0, changes.get() - visibleChanges);
  }

  /** Makes what was put and removed so far visible to searches (waits for the reopen). */
  public void refresh() {
    try {
      reopener.waitForGeneration(written.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the duplicate index reopened", e);
    }
  }

  /** A searcher that sees every change made before this call; release it to {@link #searchers}. */
  private IndexSearcher current() throws IOException {
    refresh();
    return searchers.acquire();
  }

  public int size() {
    try {
      IndexSearcher searcher = current();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The complaints like {@code report} scoring at least {@code threshold}, best first, at most {@code limit};
   * in {@code region} or addressed to {@code target}; never {@code excludeId}.
   */
  public List<Hit> similar(DuplicateScoring.Report report, String region, String target, long excludeId,
      double threshold, int limit) {
    if (report.stems().isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder where = new BooleanQuery.Builder()
        .add(new TermQuery(new Term("region", region)), BooleanClause.Occur.SHOULD);
    if (target != null) {
      where.add(new TermQuery(new Term("target", target)), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String stem : new LinkedHashSet<>(report.stems())) {
      words.add(new TermQuery(new Term("text", stem)), BooleanClause.Occur.SHOULD);
    }
    long at = report.submittedAt().toEpochMilli();
    long window = DuplicateScoring.WINDOW.toMillis();
    BooleanQuery query = new BooleanQuery.Builder()
        .add(words.build(), BooleanClause.Occur.MUST)
        .add(where.build(), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery("submitted", at - window, at + window), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term("id", Long.toString(excludeId))), BooleanClause.Occur.MUST_NOT)
        .build();
    List<Hit> hits = new ArrayList<>();
    for (Document d : retrieve(query)) {
      var stored = new DuplicateScoring.Report(d.get("category"), Arrays.asList(d.get("stems").split(" ")),
          d.get("district"), number(d, "lat"), number(d, "lon"),
          Instant.ofEpochMilli(d.getField("submitted").numericValue().longValue()));
      double score = DuplicateScoring.score(report, stored);
      if (score >= threshold) {
        hits.add(new Hit(Long.parseLong(d.get("id")), d.get("tn"), d.get("title"), d.get("status"),
            stored.submittedAt(), score));
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    return hits.size() > limit ? hits.subList(0, limit) : hits;
  }

  /**
   * Open complaints of {@code region} that contain at least {@code minShare} of the words of a report
   * being written (a title typed so far), best first, at most {@code limit}: the portal's "already
   * reported?" while the citizen types. Score: the share of the draft's stems found in the complaint.
   */
  public List<Hit> containing(List<String> draftStems, String region, Instant now, double minShare, int limit) {
    // a title's words, at most: a long text must not become a query of thousands of clauses
    Set<String> draft = new LinkedHashSet<>(draftStems.stream().distinct().limit(DRAFT_STEMS_MAX).toList());
    if (draft.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String stem : draft) {
      words.add(new TermQuery(new Term("text", stem)), BooleanClause.Occur.SHOULD);
    }
    long at = now.toEpochMilli();
    BooleanQuery query = new BooleanQuery.Builder()
        .add(words.build(), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term("region", region)), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery("submitted", at - DuplicateScoring.WINDOW.toMillis(), at), BooleanClause.Occur.FILTER)
        .build();
    List<Hit> hits = new ArrayList<>();
    for (Document d : retrieve(query)) {
      Set<String> stems = new java.util.HashSet<>(Arrays.asList(d.get("stems").split(" ")));
      double share = draft.stream().filter(stems::contains).count() / (double) draft.size();
      if (share >= minShare) {
        hits.add(new Hit(Long.parseLong(d.get("id")), d.get("tn"), d.get("title"), d.get("status"),
            Instant.ofEpochMilli(d.getField("submitted").numericValue().longValue()), share));
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::submittedAt,
        Comparator.reverseOrder()));
    return hits.size() > limit ? hits.subList(0, limit) : hits;
  }

  /** The stored fields of the {@value #RETRIEVED} best matches of {@code query}. */
  private List<Document> retrieve(BooleanQuery query) {
    try {
      IndexSearcher searcher = current();
      try {
        List<Document> found = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, RETRIEVED).scoreDocs) {
          found.add(searcher.storedFields().document(hit.doc));
        }
        return found;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Double number(Document d, String field) {
    var f = d.getField(field);
    return f == null ? null : f.numericValue().doubleValue();
  }

  @Override
  public void close() throws IOException {
    reopener.close();
    searchers.close();
    writer.close();
  }
}
