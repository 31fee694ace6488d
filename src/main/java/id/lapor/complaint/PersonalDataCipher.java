package id.lapor.complaint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Encrypts complainants' personal data at rest with AES-256-GCM. A stored value reads
 * {@code v1:<key id>:<base64 of 12-byte IV and ciphertext>}, so values written with an older key
 * stay readable while that key is listed in {@code previous-keys}; re-encryption moves them to the
 * current key (docs/security.md, key rotation).
 *
 * @param key the current key as {@code <id>:<base64 of 32 bytes>}
 * @param previousKeys older keys, comma-separated, same form, for reading only
 */
@ConfigurationProperties("lapor.privacy")
public record PersonalDataCipher(String key, @DefaultValue("") String previousKeys) {

  static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  public PersonalDataCipher {
    keys(key, previousKeys);
  }

  /**
   * A pseudonym of {@code value} for one purpose: HMAC-SHA256 under a key derived from the current
   * key, hex. The same value gives the same pseudonym (so it can be compared and counted), but nobody
   * without the key can tell the value from it, nor link pseudonyms of different purposes.
   */
  public String pseudonym(String purpose, String value) {
    try {
      Mac derive = Mac.getInstance("HmacSHA256");
      derive.init(new SecretKeySpec(parse(key).getValue().getEncoded(), "HmacSHA256"));
      byte[] purposeKey = derive.doFinal(("pseudonym:" + purpose).getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Pseudonym cannot be computed", e);
    }
  }

  /** The id of the key new values are written with. */
  public String currentKeyId() {
    return parse(key).getKey();
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    Map.Entry<String, SecretKey> current = parse(key);
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, current.getValue(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(current.getKey().getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + current.getKey() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Personal data cannot be encrypted", e);
    }
  }

  /**
   * @throws IllegalStateException when the value was written with a key that is no longer
   *     configured, or was tampered with
   */
  public String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    if (!stored.startsWith(PREFIX)) {
      return stored; // written before encryption was introduced; re-encryption seals it
    }
    int colon = stored.indexOf(':', PREFIX.length());
    String keyId = stored.substring(PREFIX.length(), colon);
    SecretKey secret = keys(key, previousKeys).get(keyId);
    if (secret == null) {
      throw new IllegalStateException("Personal data was encrypted with key '" + keyId
          + "', which is not configured (lapor.privacy.key / previous-keys)");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, secret, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Personal data under key '" + keyId + "' cannot be decrypted", e);
    }
  }

  /** Whether a stored value is sealed with the current key. */
  public boolean isCurrent(String stored) {
    return stored == null || stored.startsWith(PREFIX + currentKeyId() + ":");
  }

  private static Map<String, SecretKey> keys(String current, String previous) {
    Map<String, SecretKey> all = new LinkedHashMap<>();
    Map.Entry<String, SecretKey> c = parse(current);
    all.put(c.getKey(), c.getValue());
    if (previous != null) {
      for (String p : previous.split(",")) {
        if (!p.isBlank()) {
          Map.Entry<String, SecretKey> k = parse(p.strip());
          all.putIfAbsent(k.getKey(), k.getValue());
        }
      }
    }
    return all;
  }

  private static Map.Entry<String, SecretKey> parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalStateException("lapor.privacy.key is not set: give <id>:<base64 of 32 random bytes>, "
          + "e.g. from `openssl rand -base64 32`");
    }
    int colon = spec.indexOf(':');
    String id = colon > 0 ? spec.substring(0, colon) : "";
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(spec.substring(colon + 1).strip());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (id.isBlank() || !id.matches("[A-Za-z0-9._-]+") || bytes.length != 32) {
      throw new IllegalStateException("A privacy key must read <id>:<base64 of 32 bytes> (AES-256); got id '"
          + id + "' and " + bytes.length + " bytes");
    }
    return Map.entry(id, new SecretKeySpec(bytes, "AES"));
  }
}
