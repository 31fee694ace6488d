package id.lapor.complaint;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

/** All complaints. */
public interface Complaints extends JpaRepository<Complaint, Long> {

  Optional<Complaint> findByTrackingNumber(String trackingNumber);

  boolean existsByTrackingNumber(String trackingNumber);

  /**
   * The complaint, locked until the caller's transaction ends: changes that must see each other (files
   * counted against the per-complaint limit, "saya juga") wait for one another.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from Complaint c where c.trackingNumber = :trackingNumber")
  Optional<Complaint> lockByTrackingNumber(String trackingNumber);

  /** {@link #lockByTrackingNumber}, or {@link ComplaintNotFoundException}. */
  default Complaint getLockedByTrackingNumber(String trackingNumber) {
    return lockByTrackingNumber(trackingNumber).orElseThrow(() -> new ComplaintNotFoundException(trackingNumber));
  }

  /**
   * Complaints a staff member may read: all of them, or those addressed to {@code regencies} or now
   * at one of {@code opds}; optionally of one status. Newest first through {@code page}.
   */
  @Query("select c from Complaint c where (:everything = true or c.addressedRegionCode in :regencies"
      + " or c.opdCode in :opds) and (:status is null or c.status = :status)")
  Page<Complaint> visibleTo(boolean everything, Collection<String> regencies, Collection<String> opds,
      ComplaintStatus status, Pageable page);

  /**
   * Complaints that may be published (not confidential) submitted in [{@code start}, {@code end}),
   * optionally of one region and some categories, in some statuses; newest first through {@code page}.
   */
  @Query("select c from Complaint c where c.privacy <> id.lapor.complaint.Privacy.CONFIDENTIAL"
      + " and c.submittedAt >= :start and c.submittedAt < :end"
      + " and (:region is null or c.addressedRegionCode = :region)"
      + " and (:anyCategory = true or c.category in :categories) and c.status in :statuses")
  List<Complaint> publishable(String region, Instant start, Instant end, boolean anyCategory,
      Collection<Category> categories, Collection<ComplaintStatus> statuses, Pageable page);

  List<Complaint> findByTrackingNumberIn(Collection<String> trackingNumbers);

  /** Complaints in these statuses (the duplicate index loads the open ones). */
  List<Complaint> findByStatusIn(Collection<ComplaintStatus> statuses, Pageable page);

  /** Ids of complaints after {@code after}, in order (a rebuild walks them in batches). */
  @Query("select c.id from Complaint c where c.id > :after order by c.id")
  List<Long> idsAfter(long after, Pageable page);

  long countBySubmittedAtGreaterThanEqual(Instant since);

  long countByAnsweredAtGreaterThanEqual(Instant since);

  long countByStatusAndClosedAtGreaterThanEqual(ComplaintStatus status, Instant since);

  default Complaint getByTrackingNumber(String trackingNumber) {
    return findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new ComplaintNotFoundException(trackingNumber));
  }

  default Complaint getById(long id) {
    return findById(id).orElseThrow(() -> new ComplaintNotFoundException("#" + id));
  }
}
