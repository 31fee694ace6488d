package id.lapor.institutions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
  private final NamedParameterJdbcTemplate jdbc;
  private final Map<String, Instant> recent = new ConcurrentHashMap<>();

  StaffLogins(StaffLoginTimes logins, Clock clock, NamedParameterJdbcTemplate jdbc) {
    this.logins = logins;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** The accounts of a group and the latest login of any of them ({@code null}: never). */
  public record GroupLogins(int accounts, Instant lastLogin) {}

  /**
   * For each of {@code groupIds} that has members: how many, and their latest login. One query over
   * the engine's identity tables (the application uses Camunda's database identity service), so that
   * the nation's ~500 governments cost one round trip, not one per group.
   */
  @Transactional(readOnly = true)
  public Map<String, GroupLogins> ofGroups(Collection<String> groupIds) {
    Map<String, GroupLogins> result = new java.util.HashMap<>();
    if (groupIds.isEmpty()) {
      return result;
    }
    jdbc.query("select m.GROUP_ID_ as group_id, count(*) as accounts, max(l.last_login_at) as last_login"
        + " from ACT_ID_MEMBERSHIP m left join staff_login l on l.user_id = m.USER_ID_"
        + " where m.GROUP_ID_ in (:groups) group by m.GROUP_ID_", Map.of("groups", groupIds), rs -> {
          java.sql.Timestamp last = rs.getTimestamp("last_login");
          result.put(rs.getString("group_id"), new GroupLogins(rs.getInt("accounts"),
              last == null ? null : last.toInstant()));
        });
    return result;
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
}
