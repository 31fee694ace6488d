package id.lapor.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a complainant receives at submission and needs for every later write (supplement,
 * reply). Only its SHA-256 hash is stored; the tracking number alone never authorizes anything.
 */
public record FollowUpToken(String value, String hash) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static FollowUpToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new FollowUpToken(value, hash(value));
  }

  static String hash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Compares in constant time so the hash cannot be probed byte by byte. */
  static boolean matches(String candidate, String storedHash) {
    if (candidate == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(candidate).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
