package id.lapor.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

/** The read model's rows, one per complaint. */
interface ComplaintProjections extends JpaRepository<ComplaintProjection, Long> {

  // written out (not derived from the name): Hibernate keeps a string query's plan, whereas a derived
  // query builds its criteria tree on every call, and this one runs with every change of a complaint
  @Query("select p from ComplaintProjection p where p.complaintId = :complaintId")
  Optional<ComplaintProjection> findByComplaintId(Long complaintId);

  /** Ids of complaints recorded before the read model existed (no row yet). */
  @Query("select c.id from Complaint c where not exists"
      + " (select p.id from ComplaintProjection p where p.complaintId = c.id) order by c.id")
  List<Long> complaintsWithoutRow(Pageable page);
}
