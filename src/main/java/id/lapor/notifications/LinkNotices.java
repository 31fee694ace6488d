package id.lapor.notifications;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface LinkNotices extends JpaRepository<LinkNotice, Long> {

  @Query("select n.id from LinkNotice n where n.delivery.state = id.lapor.notifications.NoticeState.PENDING"
      + " and n.delivery.nextAttemptAt <= :now and (n.delivery.claimedUntil is null or n.delivery.claimedUntil < :now)"
      + " order by n.delivery.nextAttemptAt, n.id")
  List<Long> dueIds(Instant now, Pageable page);

  @Transactional
  @Modifying(clearAutomatically = true)
  @Query("update LinkNotice n set n.delivery.claimedUntil = :until, n.version = n.version + 1"
      + " where n.id = :id and n.delivery.state = id.lapor.notifications.NoticeState.PENDING"
      + " and (n.delivery.claimedUntil is null or n.delivery.claimedUntil < :now)")
  int claim(long id, Instant now, Instant until);

  long countByContactKeyAndCreatedAtAfter(String contactKey, Instant after);

  @Query("select count(n) from LinkNotice n where n.complaint.id = :complaintId and n.createdAt > :after")
  long countForComplaintSince(long complaintId, Instant after);
}
