package id.lapor.supervision;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.ComplaintEvent;
import id.lapor.deadlines.OfficeHours;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model and the national rollup's deltas with every event of a complaint, in the
 * transaction that changed it: the row counts the event and mirrors the complaint; what that changes
 * in the rollup is appended as insert-only delta rows (summed every minute by {@link FiguresRollup}).
 */
@Component
class ProjectionKeeper {

  private final ComplaintProjections projections;
  private final FiguresDeltas deltas;
  private final OfficeHours officeHours;

  ProjectionKeeper(ComplaintProjections projections, FiguresDeltas deltas, OfficeHours officeHours) {
    this.projections = projections;
    this.deltas = deltas;
    this.officeHours = officeHours;
  }

  @EventListener
  void on(ComplaintEvent event) {
    Complaint complaint = event.complaint();
    ComplaintProjection projection = projections.findByComplaintId(complaint.getId()).orElse(null);
    FiguresDelta.Contribution before = FiguresDelta.Contribution.of(projection);
    if (projection == null) {
      // its first event, or a complaint recorded before the read model existed: its timeline so far
      projection = ComplaintProjection.rebuiltUpTo(complaint, event.occurrence().entry(), officeHours);
      projections.save(projection);
    } else {
      projection.apply(event, officeHours);
    }
    record(complaint, before, projection);
  }

  /**
   * Recomputes the complaint's row from its timeline and state; returns the fields that had drifted
   * (none when keeping it event by event was right; {@code *} when it had no row).
   */
  List<String> rebuild(Complaint complaint) {
    ComplaintProjection rebuilt = ComplaintProjection.rebuiltFrom(complaint, officeHours);
    ComplaintProjection kept = projections.findByComplaintId(complaint.getId()).orElse(null);
    FiguresDelta.Contribution before = FiguresDelta.Contribution.of(kept);
    List<String> drifted;
    if (kept == null) {
      kept = projections.save(rebuilt);
      drifted = List.of("*");
    } else {
      drifted = kept.differences(rebuilt);
      if (!drifted.isEmpty()) {
        kept.copyFrom(rebuilt);
      }
    }
    record(complaint, before, kept);
    return drifted;
  }

  /** Appends what changing the row from {@code before} to {@code after} adds to the rollup. */
  void record(Complaint complaint, FiguresDelta.Contribution before, ComplaintProjection after) {
    List<FiguresDelta> rows = FiguresDelta.between(complaint, before, FiguresDelta.Contribution.of(after));
    deltas.saveAll(rows);
  }
}
