package id.lapor.open311;

import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of integrating institutions. A key is shown once, when issued; only its SHA-256 is
 * stored. A key lets its app post for its own institution's region (a regency's app for that
 * regency, a province's for its regencies, a national one for all).
 */
@Service
public class Open311Keys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Open311ApiKeys keys;
  private final Institutions institutions;
  private final Clock clock;

  Open311Keys(Open311ApiKeys keys, Institutions institutions, Clock clock) {
    this.keys = keys;
    this.institutions = institutions;
    this.clock = clock;
  }

  /** A new key and what is stored of it. */
  public record Issued(long id, String institutionCode, String name, String apiKey) {}

  /** Issues a new random key for an institution's app. */
  @Transactional
  public Issued issue(String institutionCode, String name) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return register(institutionCode, name, "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Registers a key chosen elsewhere (the demo's published key) unless it is registered already. */
  @Transactional
  public Issued register(String institutionCode, String name, String apiKey) {
    if (institutions.findById(institutionCode).isEmpty()) {
      throw new IllegalArgumentException("no institution " + institutionCode);
    }
    Optional<Open311ApiKey> existing = keys.findByKeyHash(hash(apiKey));
    Open311ApiKey key = existing.orElseGet(() -> keys.save(new Open311ApiKey(institutionCode, name, hash(apiKey),
        apiKey.substring(0, Math.min(8, apiKey.length())), clock.instant())));
    return new Issued(key.getId(), key.getInstitutionCode(), key.getName(), apiKey);
  }

  @Transactional
  public boolean revoke(long id) {
    return keys.findById(id).map(k -> {
      k.revoke(clock.instant());
      return true;
    }).orElse(false);
  }

  @Transactional(readOnly = true)
  List<Open311ApiKey> all() {
    return keys.findAllByOrderById();
  }

  /** The active key with this value, noting its use. */
  @Transactional
  Optional<Open311ApiKey> authenticate(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      return Optional.empty();
    }
    Optional<Open311ApiKey> key = keys.findByKeyHash(hash(apiKey.strip())).filter(Open311ApiKey::isActive);
    key.ifPresent(k -> k.used(clock.instant()));
    return key;
  }

  /** Whether a key of {@code institutionCode} may post for the regency {@code jurisdiction}. */
  boolean covers(String institutionCode, String jurisdiction) {
    String code = jurisdiction;
    for (int depth = 0; code != null && depth < 8; depth++) {
      if (code.equals(institutionCode)) {
        return true;
      }
      code = institutions.findById(code).map(Institution::getParentCode).orElse(null);
    }
    return false;
  }

  static String hash(String apiKey) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
