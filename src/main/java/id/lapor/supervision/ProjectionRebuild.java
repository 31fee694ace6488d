package id.lapor.supervision;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes complaints' read model from their timelines, in batches of {@value #BATCH} complaints
 * per transaction (so a national archive is rebuilt without holding it in memory), and reports
 * which fields had drifted — none, while the incremental folding is right. At every start it also
 * gives complaints recorded before the read model existed their row.
 */
@Service
class ProjectionRebuild {

  private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
  static final int BATCH = 500;

  private final Complaints complaints;
  private final ComplaintProjections projections;
  private final ProjectionKeeper keeper;
  private final TransactionTemplate transactions;

  ProjectionRebuild(Complaints complaints, ComplaintProjections projections, ProjectionKeeper keeper,
      PlatformTransactionManager transactionManager) {
    this.complaints = complaints;
    this.projections = projections;
    this.keeper = keeper;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * What a rebuild found.
   *
   * @param complaints complaints rebuilt
   * @param drifted complaints whose row differed from the rebuild (now repaired)
   * @param driftedFields how many rows differed in each field
   * @param examples up to 20 tracking numbers of drifted complaints
   * @param rollup the national rollup rebuilt afterwards from the repaired read model (when asked for)
   */
  public record Result(long complaints, long drifted, Map<String, Long> driftedFields, List<String> examples,
      FiguresRollup.Result rollup) {

    Result withRollup(FiguresRollup.Result rebuilt) {
      return new Result(complaints, drifted, driftedFields, examples, rebuilt);
    }
  }

  /** Rebuilds every complaint's row. */
  public Result rebuildAll() {
    Tally tally = new Tally();
    long after = 0;
    while (true) {
      long from = after;
      List<Long> ids = complaints.idsAfter(from, PageRequest.of(0, BATCH));
      if (ids.isEmpty()) {
        break;
      }
      transactions.executeWithoutResult(tx -> ids.forEach(id -> rebuild(id, tally)));
      after = ids.get(ids.size() - 1);
    }
    Result result = tally.result();
    log.info("Projection rebuilt: {} complaints, {} had drifted {}", result.complaints(), result.drifted(),
        result.driftedFields());
    return result;
  }

  /** At every start: complaints recorded before the read model existed get their row (usually none). */
  @EventListener(ApplicationReadyEvent.class)
  void backfillAtStart() {
    backfill();
  }

  /** Gives complaints recorded before the read model existed their row. */
  public Result backfill() {
    Tally tally = new Tally();
    while (true) {
      List<Long> ids = projections.complaintsWithoutRow(PageRequest.of(0, BATCH));
      if (ids.isEmpty()) {
        break;
      }
      try {
        transactions.executeWithoutResult(tx -> ids.forEach(id -> rebuild(id, tally)));
      } catch (RuntimeException e) {
        // the application still starts; the operator sees why and runs the rebuild once it is mended
        log.error("Building the read model of complaints {}..{} failed; figures leave them out until a rebuild",
            ids.get(0), ids.get(ids.size() - 1), e);
        break;
      }
    }
    if (tally.complaints > 0) {
      log.info("Read model built for {} complaints recorded before it existed", tally.complaints);
    }
    return tally.result();
  }

  private void rebuild(long id, Tally tally) {
    Complaint c = complaints.getById(id);
    List<String> drifted = keeper.rebuild(c);
    tally.count(c.getTrackingNumber(), drifted);
  }

  private static final class Tally {
    long complaints;
    long drifted;
    final Map<String, Long> fields = new TreeMap<>();
    final List<String> examples = new ArrayList<>();

    void count(String trackingNumber, List<String> driftedFields) {
      complaints++;
      if (!driftedFields.isEmpty()) {
        drifted++;
        driftedFields.forEach(f -> fields.merge(f, 1L, Long::sum));
        if (examples.size() < 20) {
          examples.add(trackingNumber);
        }
      }
    }

    Result result() {
      return new Result(complaints, drifted, Map.copyOf(fields), List.copyOf(examples), null);
    }
  }
}
