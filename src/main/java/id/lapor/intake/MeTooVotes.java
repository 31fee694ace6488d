package id.lapor.intake;

import org.springframework.data.jpa.repository.JpaRepository;

/** The "saya juga" votes. */
interface MeTooVotes extends JpaRepository<MeTooVote, Long> {

  boolean existsByComplaintIdAndVoterKey(long complaintId, String voterKey);

  long countByComplaintIdAndAddressKey(long complaintId, String addressKey);
}
