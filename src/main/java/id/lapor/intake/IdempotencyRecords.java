package id.lapor.intake;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IdempotencyRecords extends JpaRepository<IdempotencyRecord, String> {

  @Modifying
  @Query("delete from IdempotencyRecord r where r.createdAt < :before")
  int deleteOlderThan(Instant before);
}
