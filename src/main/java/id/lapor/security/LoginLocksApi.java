package id.lapor.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators see which logins are held after wrong passwords (account, address, until when) and clear
 * an account's holds, e.g. when its owner is locked out by someone else's guessing. Clearing also
 * unlocks the account in Camunda's identity store, for locks left from before the throttle.
 */
@RestController
@RequestMapping("/api/staff/login-locks")
class LoginLocksApi {

  private final LoginThrottle throttle;
  private final IdentityService identityService;

  LoginLocksApi(LoginThrottle throttle, IdentityService identityService) {
    this.throttle = throttle;
    this.identityService = identityService;
  }

  @GetMapping
  List<LoginThrottle.Hold> holds() {
    return throttle.holds();
  }

  @DeleteMapping("/{account}")
  Map<String, Object> clear(@PathVariable String account) {
    int cleared = throttle.clear(account);
    if (identityService.createUserQuery().userId(account).count() > 0) {
      identityService.unlockUser(account);
    }
    return Map.of("account", account, "cleared", cleared);
  }
}
