package id.lapor.notifications;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** The outbox of emails to staff (leased and retried like {@link ComplainantNotices}). */
interface StaffNotices extends JpaRepository<StaffNotice, Long> {

  @Query("select n.id from StaffNotice n where n.delivery.state = id.lapor.notifications.NoticeState.PENDING"
      + " and n.delivery.nextAttemptAt <= :now and (n.delivery.claimedUntil is null or n.delivery.claimedUntil < :now)"
      + " order by n.delivery.nextAttemptAt, n.id")
  List<Long> dueIds(Instant now, Pageable page);

  @Transactional
  @Modifying(clearAutomatically = true)
  @Query("update StaffNotice n set n.delivery.claimedUntil = :until, n.version = n.version + 1"
      + " where n.id = :id and n.delivery.state = id.lapor.notifications.NoticeState.PENDING"
      + " and (n.delivery.claimedUntil is null or n.delivery.claimedUntil < :now)")
  int claim(long id, Instant now, Instant until);

  List<StaffNotice> findByRecipientOrderById(String recipient);
}
