package id.lapor.notifications;

import id.lapor.complaint.Complaint;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** The outbox of notices to complainants. */
public interface ComplainantNotices extends JpaRepository<ComplainantNotice, Long> {

  /** Pending notices whose time has come and that no worker holds, oldest first. */
  @Query("select n.id from ComplainantNotice n where n.delivery.state = id.lapor.notifications.NoticeState.PENDING"
      + " and n.delivery.nextAttemptAt <= :now and (n.delivery.claimedUntil is null or n.delivery.claimedUntil < :now)"
      + " order by n.delivery.nextAttemptAt, n.id")
  List<Long> dueIds(Instant now, Pageable page);

  /**
   * Takes a due notice for one worker until {@code until}: 1 if this caller got it, 0 if another
   * worker was first (several application nodes may deliver from the same outbox).
   */
  @Transactional
  @Modifying(clearAutomatically = true)
  @Query("update ComplainantNotice n set n.delivery.claimedUntil = :until, n.version = n.version + 1"
      + " where n.id = :id and n.delivery.state = id.lapor.notifications.NoticeState.PENDING"
      + " and (n.delivery.claimedUntil is null or n.delivery.claimedUntil < :now)")
  int claim(long id, Instant now, Instant until);

  List<ComplainantNotice> findByDeliveryStateOrderByIdDesc(NoticeState state, Pageable page);

  List<ComplainantNotice> findByComplaintOrderById(Complaint complaint);

  long countByDeliveryState(NoticeState state);
}
