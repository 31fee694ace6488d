package id.lapor.intake;

import id.lapor.attachments.Attachments;
import id.lapor.attachments.InspectedFile;
import id.lapor.casework.ComplaintProcess;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.FollowUpToken;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.ReplyDecision;
import id.lapor.complaint.TimelineEntry;
import id.lapor.complaint.TrackingNumbers;
import id.lapor.deadlines.ComplaintDeadlines;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Receives complaints and the complainant's later contributions. Each method is one transaction
 * spanning the complaint's row and its process instance: either both change or neither does.
 */
@Service
public class ComplaintIntake {

  private final Complaints complaints;
  private final TrackingNumbers trackingNumbers;
  private final ComplaintDeadlines deadlines;
  private final ComplaintProcess process;
  private final Attachments attachments;
  private final Clock clock;
  private final MeTooVotes meTooVotes;
  private final MeterRegistry meters;

  ComplaintIntake(Complaints complaints, TrackingNumbers trackingNumbers, ComplaintDeadlines deadlines,
      ComplaintProcess process, Attachments attachments, Clock clock, MeTooVotes meTooVotes, MeterRegistry meters) {
    this.meTooVotes = meTooVotes;
    this.meters = meters;
    this.attachments = attachments;
    this.complaints = complaints;
    this.trackingNumbers = trackingNumbers;
    this.deadlines = deadlines;
    this.process = process;
    this.clock = clock;
  }

  /** Stores a validated complaint and starts its handling. */
  @Transactional
  public Submission submit(NewComplaint report) {
    return submit(report, List.of());
  }

  /** Stores a validated complaint with its inspected files and starts its handling. */
  @Transactional
  public Submission submit(NewComplaint report, List<InspectedFile> files) {
    timeUntilCommitted(report.channel());
    Instant now = clock.instant();
    String region = report.location().regionCode();
    Instant verificationDue = deadlines.verification(region, report.classification(), now);
    FollowUpToken token = FollowUpToken.generate();
    String trackingNumber = trackingNumbers.next(Year.from(now.atZone(deadlines.zone(region))));
    Complaint complaint = complaints.saveAndFlush(
        Complaint.submit(report, trackingNumber, token, now, verificationDue));
    attachments.store(complaint.getId(), files, TimelineEntry.COMPLAINANT);
    process.start(complaint, verificationDue);
    return new Submission(complaint.getTrackingNumber(), token.value(), verificationDue);
  }

  /**
   * {@code lapor.intake.submissions{channel,outcome}}: complaints submitted and the time from here
   * until their transaction ended ({@code stored}, or {@code rolled-back} when nothing was kept), as
   * a histogram (rate and latency percentiles in Prometheus).
   */
  private void timeUntilCommitted(Channel channel) {
    Timer.Sample sample = Timer.start(meters);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        sample.stop(Timer.builder("lapor.intake.submissions")
            .description("Complaints submitted, timed until their transaction ended")
            .tag("channel", channel.name())
            .tag("outcome", status == STATUS_COMMITTED ? "stored" : "rolled-back")
            .publishPercentileHistogram()
            .register(meters));
      }
    });
  }

  /** The complainant supplies the information the admin asked for. */
  @Transactional
  public void supplement(String trackingNumber, String token, String text) {
    supplement(trackingNumber, token, text, List.of());
  }

  /** The complainant supplies the information the admin asked for, with files. */
  @Transactional
  public void supplement(String trackingNumber, String token, String text, List<InspectedFile> files) {
    Complaint complaint = complaints.getLockedByTrackingNumber(trackingNumber);
    complaint.requireToken(token);
    attachments.store(complaint.getId(), files, TimelineEntry.COMPLAINANT);
    Instant now = clock.instant();
    Instant verificationDue = deadlines.verification(complaint, now);
    complaint.supplement(text, verificationDue, now);
    process.supplementReceived(complaint, verificationDue);
  }

  /** The complainant adds files to their open complaint. */
  @Transactional
  public void attach(String trackingNumber, String token, List<InspectedFile> files) {
    // locked: parallel uploads are counted one after the other against the per-complaint limit
    Complaint complaint = complaints.getLockedByTrackingNumber(trackingNumber);
    complaint.requireToken(token);
    complaint.requireOpenFor("given more files");
    attachments.store(complaint.getId(), files, TimelineEntry.COMPLAINANT);
  }

  /**
   * Someone else has the same problem ("saya juga"): counted on the public complaint once per person —
   * once per browser ({@code voter}, a pseudonym of a cookie) and at most {@link #ME_TOO_PER_ADDRESS}
   * times per client address (a pseudonym too), so clearing cookies does not multiply a voice while
   * neighbours behind one mobile operator's address still count.
   *
   * @return whether this call was counted
   */
  @Transactional
  public boolean meToo(String trackingNumber, String voter, String address) {
    Complaint complaint = complaints.getLockedByTrackingNumber(trackingNumber);
    complaint.requireOpenFor("supported");
    if (meTooVotes.existsByComplaintIdAndVoterKey(complaint.getId(), voter)
        || meTooVotes.countByComplaintIdAndAddressKey(complaint.getId(), address) >= ME_TOO_PER_ADDRESS) {
      return false;
    }
    Instant now = clock.instant();
    complaint.meToo(now);
    meTooVotes.save(new MeTooVote(complaint.getId(), voter, address, now));
    return true;
  }

  /** "Saya juga" votes one client address may give one complaint. */
  static final int ME_TOO_PER_ADDRESS = 3;

  /** The complainant accepts or disputes the follow-up. */
  @Transactional
  public void reply(String trackingNumber, String token, ReplyDecision decision, Integer rating, String comment) {
    Complaint complaint = complaints.getByTrackingNumber(trackingNumber);
    complaint.requireToken(token);
    complaint.recordReply(decision, rating, comment, clock.instant());
    process.replyReceived(complaint, decision);
  }

  /** What the complainant gets back: the tracking number and, once only, the follow-up token. */
  public record Submission(String trackingNumber, String followUpToken, Instant verificationDue) {}
}
