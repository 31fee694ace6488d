package id.lapor.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

/** The read model's rows, one per complaint. */
interface ComplaintProjections extends JpaRepository<ComplaintProjection, Long> {

  Optional<ComplaintProjection> findByComplaintId(Long complaintId);

  /** Ids of complaints recorded before the read model existed (no row yet). */
  @Query("select c.id from Complaint c where not exists"
      + " (select p.id from ComplaintProjection p where p.complaintId = c.id) order by c.id")
  List<Long> complaintsWithoutRow(Pageable page);
}
