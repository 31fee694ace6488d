package id.lapor.complaint;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The keys a complainant's complaints are found by ("laporan saya"): keyed pseudonyms
 * ({@link PersonalDataCipher#pseudonym}) of the normalized email address and phone number, written
 * with the complainant row (an entity listener) and recomputed after a key rotation. Whoever reads the
 * table learns nothing of the addresses; comparing needs the key.
 */
@Component
public class ContactKeys {

  private final PersonalDataCipher cipher;

  ContactKeys(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @PrePersist
  @PreUpdate
  void key(Complainant complainant) {
    complainant.keyContact(email(complainant.getEmail()), phone(complainant.getPhone()), cipher.currentKeyId());
  }

  /** The key of an email address (case and surrounding blanks ignored), or null for none. */
  public String email(String address) {
    String normal = normalEmail(address);
    return normal == null ? null : cipher.pseudonym("contact-email", normal);
  }

  /** The key of a phone number (+62 …, 62 … and 0 … are the same number), or null for none. */
  public String phone(String number) {
    String normal = normalPhone(number);
    return normal == null ? null : cipher.pseudonym("contact-phone", normal);
  }

  /** Whether this complainant's keys were computed with the current key. */
  public boolean isCurrent(Complainant complainant) {
    return cipher.currentKeyId().equals(complainant.getContactKeyId());
  }

  static String normalEmail(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    return address.strip().toLowerCase(Locale.ROOT);
  }

  static String normalPhone(String number) {
    if (number == null) {
      return null;
    }
    String digits = number.replaceAll("\\D", "");
    if (digits.isEmpty()) {
      return null;
    }
    return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
  }
}
