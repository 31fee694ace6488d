package id.lapor.institutions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers when staff accounts last logged in (every successful password check: the login page,
 * the webapps' login, HTTP Basic). Written at most once per {@link #RESOLUTION} per account, so an
 * API client authenticating on every request costs nothing.
 */
@Service
public class StaffLogins {

  static final Duration RESOLUTION = Duration.ofHours(1);

  private final StaffLoginTimes logins;
  private final Clock clock;
  private final Map<String, Instant> recent = new ConcurrentHashMap<>();

  StaffLogins(StaffLoginTimes logins, Clock clock) {
    this.logins = logins;
    this.clock = clock;
  }

  /** {@code userId} has just logged in. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String userId) {
    Instant now = clock.instant();
    Instant last = recent.get(userId);
    if (last != null && !now.isAfter(last.plus(RESOLUTION)) && !now.isBefore(last)) {
      return;
    }
    logins.findById(userId).ifPresentOrElse(l -> l.loggedInAt(now), () -> logins.save(new StaffLogin(userId, now)));
    recent.put(userId, now);
  }

  /** The last login of each of {@code userIds} that ever logged in. */
  @Transactional(readOnly = true)
  public Map<String, Instant> lastLogins(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return logins.findByUserIdIn(userIds).stream()
        .collect(Collectors.toMap(StaffLogin::getUserId, StaffLogin::getLastLoginAt));
  }
}
