package id.lapor.casework;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InternalNotes extends JpaRepository<InternalNote, Long> {

  List<InternalNote> findByComplaintIdOrderByWrittenAtAscIdAsc(long complaintId);
}
