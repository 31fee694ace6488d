package id.lapor.attachments;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRecords extends JpaRepository<Attachment, Long> {

  List<Attachment> findByComplaintIdOrderById(long complaintId);

  long countByComplaintId(long complaintId);

  long countByComplaintIdAndFollowUpEvidence(long complaintId, boolean followUpEvidence);
}
