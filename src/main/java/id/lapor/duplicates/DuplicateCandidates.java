package id.lapor.duplicates;

import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.text.IndonesianText;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open complaints like a given one. The index follows the database by each complaint's last change
 * (re-reading the last {@link #OVERLAP} too, so a transaction that committed late is not missed);
 * every lookup first catches up, so a complaint is a candidate as soon as it is committed.
 */
@Service
public class DuplicateCandidates {

  private static final Logger log = LoggerFactory.getLogger(DuplicateCandidates.class);
  static final Duration OVERLAP = Duration.ofMinutes(5);
  static final int PAGE = 1000;
  public static final int LIMIT = 10;

  private final Complaints complaints;
  private final TransactionTemplate transactions;
  private final DuplicateIndex index = new DuplicateIndex();
  private Instant watermark = Instant.EPOCH;

  DuplicateCandidates(Complaints complaints, TransactionTemplate transactions) {
    this.complaints = complaints;
    this.transactions = transactions;
  }

  /** The open complaints like {@code c}, best first. */
  public List<DuplicateIndex.Hit> similarTo(Complaint c) {
    catchUp();
    return index.similar(report(c), c.getAddressedRegionCode(), c.getTargetInstitutionCode().orElse(null), c.getId(),
        DuplicateScoring.THRESHOLD, LIMIT);
  }

  /** Brings the index up to date with the database. */
  public synchronized void catchUp() {
    Instant start = watermark.minus(OVERLAP);
    int seen = 0;
    while (true) {
      Instant from = start;
      int offset = seen;
      var page = transactions.execute(s -> {
        var found = complaints.findByUpdatedAtGreaterThanEqualOrderByUpdatedAtAscIdAsc(from,
            PageRequest.of(offset / PAGE, PAGE));
        found.forEach(this::index);
        return found.stream().map(Complaint::getUpdatedAt).reduce((a, b) -> b).orElse(null);
      });
      if (page == null) {
        break;
      }
      if (page.isAfter(watermark)) {
        watermark = page;
      }
      seen += PAGE;
    }
    index.refresh();
    if (seen > PAGE) {
      log.info("Duplicate index caught up: {} open complaints", index.size());
    }
  }

  private void index(Complaint c) {
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
}
