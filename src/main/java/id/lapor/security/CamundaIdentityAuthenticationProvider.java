package id.lapor.security;

import id.lapor.institutions.StaffLogins;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against Camunda's identity store; the user's Camunda groups become
 * the granted authorities. Camunda's own login throttling (growing delay after failed attempts)
 * applies because the check goes through {@link IdentityService#checkPassword}. Successful logins are
 * remembered ({@link StaffLogins}) to tell whether institutions' admin accounts are active.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(
      CamundaIdentityAuthenticationProvider.class);

  private final IdentityService identityService;
  private final StaffLogins logins;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, StaffLogins logins) {
    this.identityService = identityService;
    this.logins = logins;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
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

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
