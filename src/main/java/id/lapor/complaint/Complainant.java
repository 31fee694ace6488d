package id.lapor.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The complainant's contact data (pelapor). Personal data lives only in this table, encrypted
 * (AES-256-GCM, {@link PersonalDataCipher}): never in process variables, Camunda history, the
 * timeline, logs or public API responses. The application stores no IP addresses.
 */
@Entity
@Table(name = "complainant")
@jakarta.persistence.EntityListeners(ContactKeys.class)
public class Complainant {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(length = 1000)
  @Convert(converter = EncryptedPersonalData.class)
  private String name;

  @Column(length = 1500)
  @Convert(converter = EncryptedPersonalData.class)
  private String email;

  @Column(length = 300)
  @Convert(converter = EncryptedPersonalData.class)
  private String phone;

  /** Keyed pseudonyms of the normalized address and number, to find a contact's complaints ({@link ContactKeys}). */
  @Column(name = "email_key", length = 64)
  private String emailKey;

  @Column(name = "phone_key", length = 64)
  private String phoneKey;

  @Column(name = "contact_key_id", length = 40)
  private String contactKeyId;

  protected Complainant() {}

  void keyContact(String emailKey, String phoneKey, String keyId) {
    this.emailKey = emailKey;
    this.phoneKey = phoneKey;
    this.contactKeyId = keyId;
  }

  Long getId() {
    return id;
  }

  String getContactKeyId() {
    return contactKeyId;
  }

  public Complainant(String name, String email, String phone) {
    this.name = name;
    this.email = email;
    this.phone = phone;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }
}
