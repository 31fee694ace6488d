package id.lapor.open311;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The key of one integrating app of one institution: only its hash and first characters are kept. */
@Entity
@Table(name = "open311_api_key")
class Open311ApiKey {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "institution_code", nullable = false, length = 40)
  private String institutionCode;

  @Column(nullable = false, length = 150)
  private String name;

  @Column(name = "key_hash", nullable = false, length = 64, unique = true)
  private String keyHash;

  @Column(name = "key_prefix", nullable = false, length = 12)
  private String keyPrefix;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected Open311ApiKey() {}

  Open311ApiKey(String institutionCode, String name, String keyHash, String keyPrefix, Instant createdAt) {
    this.institutionCode = institutionCode;
    this.name = name;
    this.keyHash = keyHash;
    this.keyPrefix = keyPrefix;
    this.createdAt = createdAt;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  void used(Instant now) {
    lastUsedAt = now;
  }

  boolean isActive() {
    return revokedAt == null;
  }

  Long getId() {
    return id;
  }

  String getInstitutionCode() {
    return institutionCode;
  }

  String getName() {
    return name;
  }

  String getKeyPrefix() {
    return keyPrefix;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getRevokedAt() {
    return revokedAt;
  }

  Instant getLastUsedAt() {
    return lastUsedAt;
  }
}
