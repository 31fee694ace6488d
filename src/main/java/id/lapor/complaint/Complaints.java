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

  // written out: Hibernate keeps a string query's plan, a derived one is built anew on every submit
  @Query("select case when count(c) > 0 then true else false end from Complaint c"
      + " where c.trackingNumber = :trackingNumber")
  boolean existsByTrackingNumber(String trackingNumber);

  /**
   * Id and version of every complaint changed at or after {@code since}, on any node (index
   * {@code ix_complaint_updated}): what the duplicate index of one node catches up from the others.
   */
  @Query("select c.id, c.version from Complaint c where c.updatedAt >= :since")
  List<Object[]> changedSince(Instant since);

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

  /** What a listed complaint shows, never its complainant or description (see {@link PublishedComplaint}). */
  String PUBLISHED = "select new id.lapor.complaint.PublishedComplaint(c.trackingNumber, c.privacy, c.title,"
      + " c.category, c.addressedRegionCode, c.location.district, c.location.latitude, c.location.longitude,"
      + " c.status, c.submittedAt, c.currentDeadline, c.openedAt, c.answeredAt, c.reportCount) from Complaint c"
      + " where c.privacy <> id.lapor.complaint.Privacy.CONFIDENTIAL";

  /**
   * The complaints the public may see in some regions (or all, with {@code anyRegion}), in some statuses
   * and categories, optionally only those with a map point; ordered and paged by {@code page}. A slice:
   * counting every match of a national list would cost more than the page itself.
   */
  @Query(PUBLISHED + " and (:anyRegion = true or c.addressedRegionCode in :regions) and c.status in :statuses"
      + " and (:anyCategory = true or c.category in :categories)"
      + " and (:located = false or c.location.latitude is not null)")
  org.springframework.data.domain.Slice<PublishedComplaint> published(boolean anyRegion, Collection<String> regions,
      Collection<ComplaintStatus> statuses, boolean anyCategory, Collection<Category> categories, boolean located,
      Pageable page);

  /** The published complaints of a region in some statuses whose map point lies in a box. */
  @Query(PUBLISHED + " and c.addressedRegionCode = :region and c.status in :statuses"
      + " and c.location.latitude between :south and :north and c.location.longitude between :west and :east")
  List<PublishedComplaint> publishedWithin(String region, Collection<ComplaintStatus> statuses, double south,
      double north, double west, double east, Pageable page);

  /** The published complaints among these tracking numbers. */
  @Query(PUBLISHED + " and c.trackingNumber in :trackingNumbers")
  List<PublishedComplaint> publishedAmong(Collection<String> trackingNumbers);

  /** A contact's complaints, newest first: by the keys of their email address or phone number ({@link ContactKeys}). */
  @Query("select c from Complaint c where (:emailKey is not null and c.complainant.emailKey = :emailKey)"
      + " or (:phoneKey is not null and c.complainant.phoneKey = :phoneKey) order by c.submittedAt desc, c.id desc")
  List<Complaint> ofContact(String emailKey, String phoneKey, Pageable page);

  /** Ids of open complaints whose current deadline is at or after {@code from}, after {@code after}, in order. */
  @Query("select c.id from Complaint c where c.id > :after and c.status in :statuses and c.currentDeadline >= :from"
      + " order by c.id")
  List<Long> idsWithDeadlineFrom(long after, Collection<ComplaintStatus> statuses, Instant from, Pageable page);

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
