package id.lapor.intake;

import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.PersonalDataCipher;
import id.lapor.intake.ComplaintIntake.Submission;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} for submissions: an app that lost the answer and sends the same request
 * with the same key within {@link #KEPT} gets the same tracking number and token, and no second
 * complaint is made. The same key with a different request is refused. Two first requests racing
 * with one key: one commits, the other's whole transaction (complaint and process) rolls back.
 */
@Service
class IdempotentSubmissions {

  static final Duration KEPT = Duration.ofHours(24);

  private final IdempotencyRecords records;
  private final ComplaintIntake intake;
  private final PersonalDataCipher cipher;
  private final Clock clock;

  IdempotentSubmissions(IdempotencyRecords records, ComplaintIntake intake, PersonalDataCipher cipher, Clock clock) {
    this.records = records;
    this.intake = intake;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** @return the stored answer when this key was used for the same request before */
  @Transactional
  Optional<Submission> previous(String key, String request) {
    records.deleteOlderThan(clock.instant().minus(KEPT));
    return records.findById(sha256(key)).map(r -> {
      if (!r.getRequestHash().equals(sha256(request))) {
        throw new IdempotencyKeyReusedException();
      }
      return new Submission(r.getTrackingNumber(), cipher.decrypt(r.getTokenSealed()), null);
    });
  }

  /** Submits and remembers the answer under the key, in one transaction. */
  @Transactional
  Submission submit(String key, String request, NewComplaint report) {
    Submission submission = intake.submit(report);
    records.saveAndFlush(new IdempotencyRecord(sha256(key), sha256(request), submission.trackingNumber(),
        cipher.encrypt(submission.followUpToken()), clock.instant()));
    return submission;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key was used before for a different request. */
  static class IdempotencyKeyReusedException extends RuntimeException {}
}
