package id.lapor.complaint;

import java.security.SecureRandom;
import java.time.Year;
import org.springframework.stereotype.Component;

/**
 * Issues tracking numbers such as {@code LPR-2026-7K3QX9}: readable over the phone (no 0/O, 1/I/L),
 * random rather than sequential, so one number does not reveal the next.
 */
@Component
public class TrackingNumbers {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int RANDOM_LENGTH = 6;
  private static final int ATTEMPTS = 20;

  private final SecureRandom random = new SecureRandom();
  private final Complaints complaints;

  TrackingNumbers(Complaints complaints) {
    this.complaints = complaints;
  }

  /** A number no complaint has yet (the unique constraint guards the rare race). */
  public String next(Year year) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String candidate = candidate(year);
      if (!complaints.existsByTrackingNumber(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("No free tracking number after " + ATTEMPTS + " attempts");
  }

  String candidate(Year year) {
    StringBuilder sb = new StringBuilder("LPR-").append(year.getValue()).append('-');
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
