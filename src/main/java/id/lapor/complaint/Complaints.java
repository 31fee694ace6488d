package id.lapor.complaint;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** All complaints. */
public interface Complaints extends JpaRepository<Complaint, Long> {

  Optional<Complaint> findByTrackingNumber(String trackingNumber);

  boolean existsByTrackingNumber(String trackingNumber);

  default Complaint getByTrackingNumber(String trackingNumber) {
    return findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new ComplaintNotFoundException(trackingNumber));
  }

  default Complaint getById(long id) {
    return findById(id).orElseThrow(() -> new ComplaintNotFoundException("#" + id));
  }
}
