package id.lapor.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The complainant's contact data (pelapor). Personal data lives only in this table: never in
 * process variables, the timeline, logs or API responses.
 */
@Entity
@Table(name = "complainant")
public class Complainant {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(length = 150)
  private String name;

  @Column(length = 254)
  private String email;

  @Column(length = 30)
  private String phone;

  protected Complainant() {}

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
