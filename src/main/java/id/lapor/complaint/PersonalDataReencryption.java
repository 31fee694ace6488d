package id.lapor.complaint;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key rotation: seals every complainant's personal data with the current key (also values stored
 * before encryption was introduced). Run after moving the old key to {@code previous-keys}; when
 * it reports nothing left, the old key can be removed.
 */
@Service
public class PersonalDataReencryption {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataReencryption.class);

  private final JdbcTemplate jdbc;
  private final PersonalDataCipher cipher;
  private final ContactKeys keys;

  PersonalDataReencryption(JdbcTemplate jdbc, PersonalDataCipher cipher, ContactKeys keys) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.keys = keys;
  }

  /** @return how many complainants were re-encrypted */
  @Transactional
  public int reencryptAll() {
    List<Object[]> rows = jdbc.query("select id, name, email, phone, contact_key_id from complainant",
        (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
    int changed = 0;
    for (Object[] row : rows) {
      String name = (String) row[1];
      String email = (String) row[2];
      String phone = (String) row[3];
      if (cipher.isCurrent(name) && cipher.isCurrent(email) && cipher.isCurrent(phone)
          && cipher.currentKeyId().equals(row[4])) {
        continue;
      }
      // the contact keys ("laporan saya") are keyed pseudonyms: computed again under the current key
      jdbc.update("update complainant set name = ?, email = ?, phone = ?, email_key = ?, phone_key = ?,"
          + " contact_key_id = ? where id = ?", seal(name), seal(email), seal(phone),
          keys.email(cipher.decrypt(email)), keys.phone(cipher.decrypt(phone)), cipher.currentKeyId(), row[0]);
      changed++;
    }
    log.info("Re-encrypted the personal data of {} complainants with key '{}'", changed, cipher.currentKeyId());
    return changed;
  }

  private String seal(String stored) {
    return cipher.encrypt(cipher.decrypt(stored));
  }
}
