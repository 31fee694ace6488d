package id.lapor.security;

import id.lapor.institutions.StaffLogins;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against Camunda's identity store; the user's Camunda groups become
 * the granted authorities. Wrong passwords are slowed down per account and client address
 * ({@link LoginThrottle}); a held login is refused before its password is checked. Camunda's own
 * locking, which a stranger could use to lock anyone out until an operator intervenes, is switched
 * off in application.yml. Successful logins are remembered ({@link StaffLogins}) to tell whether
 * institutions' admin accounts are active.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(
      CamundaIdentityAuthenticationProvider.class);

  private final IdentityService identityService;
  private final StaffLogins logins;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, StaffLogins logins, LoginThrottle throttle) {
    this.identityService = identityService;
    this.logins = logins;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null;
    if (user == null || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    var held = throttle.heldUntil(user, address);
    if (held.isPresent()) {
      throw new LoginHeldException(held.get());
    }
    if (!identityService.checkPassword(user, credentials.toString())) {
      throttle.failed(user, address);
      throw new BadCredentialsException("Bad credentials");
    }
    throttle.succeeded(user, address);
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    try {
      logins.record(user);
    } catch (RuntimeException e) {
      // two first logins at once race to insert the row; a login never fails because of its record
      log.debug("Login of {} not recorded: {}", user, e.getMessage());
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  /** Too many wrong passwords: no password is checked until {@code until}. */
  static final class LoginHeldException extends LockedException {
    private final transient java.time.Instant until;

    LoginHeldException(java.time.Instant until) {
      super("Too many wrong passwords; try again after " + until);
      this.until = until;
    }

    java.time.Instant until() {
      return until;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
