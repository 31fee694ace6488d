package id.lapor.notifications;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Whether a member of staff wants emails about their work: on unless they opted out in their
 * profile ({@code /staff/profile}). Kept with their account in Camunda's identity store (user
 * info {@value #KEY}), so that it follows the account, not a browser.
 */
@Component
class StaffNoticePreferences {

  static final String KEY = "lapor.staffEmails";
  static final String OFF = "off";

  private final IdentityService identities;

  StaffNoticePreferences(IdentityService identities) {
    this.identities = identities;
  }

  boolean wantsEmail(String userId) {
    return !OFF.equals(identities.getUserInfo(userId, KEY));
  }

  void setWantsEmail(String userId, boolean wanted) {
    if (wanted) {
      identities.deleteUserInfo(userId, KEY);
    } else {
      identities.setUserInfo(userId, KEY, OFF);
    }
  }
}
