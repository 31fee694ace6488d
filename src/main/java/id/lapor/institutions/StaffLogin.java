package id.lapor.institutions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a staff account last logged in: whether an institution's admin account is active. */
@Entity
@Table(name = "staff_login")
class StaffLogin {

  @Id
  @Column(name = "user_id", length = 100)
  private String userId;

  @Column(name = "last_login_at", nullable = false)
  private Instant lastLoginAt;

  protected StaffLogin() {}

  StaffLogin(String userId, Instant at) {
    this.userId = userId;
    this.lastLoginAt = at;
  }

  void loggedInAt(Instant at) {
    if (at.isAfter(lastLoginAt)) {
      lastLoginAt = at;
    }
  }

  public String getUserId() {
    return userId;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }
}
