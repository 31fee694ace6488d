package id.lapor.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without giving strangers a way to lock staff out. Wrong passwords are
 * counted per account <em>and client address</em>: after {@code freeFailures} the pair waits, doubling
 * from {@code firstDelay} up to {@code maxDelay}, so a guesser at one address is slowed while the
 * account's owner, elsewhere, logs in as usual. An address that fails against many accounts is slowed
 * for all of them (password spraying). Only when an account fails from many addresses within
 * {@code window} is the account itself held, and never for longer than {@code maxDelay} (15 minutes by
 * default): the worst anyone can do to an account is a bounded pause, which operators see and clear
 * ({@code /api/staff/login-locks}). Kept in memory, per node; nothing of it is stored.
 */
@Component
class LoginThrottle {

  private final Settings settings;
  private final Clock clock;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Until when a login of this account from this address is refused without checking the password. */
  public Optional<Instant> heldUntil(String account, String address) {
    Instant now = clock.instant();
    return keys(account, address).stream().map(counters::get).filter(c -> c != null)
        .map(c -> c.heldUntil).filter(t -> t != null && t.isAfter(now)).max(Comparator.naturalOrder());
  }

  /** A wrong password: counts against the pair, the address and the account. */
  public void failed(String account, String address) {
    Instant now = clock.instant();
    String acc = normalize(account);
    count(pairKey(acc, address), now, settings.freeFailures());
    count(addressKey(address), now, settings.addressFailures());
    count(accountKey(acc), now, settings.accountFailures());
    prune(now);
  }

  /** The right password: the pair and the account start afresh. */
  public void succeeded(String account, String address) {
    String acc = normalize(account);
    counters.remove(pairKey(acc, address));
    counters.remove(accountKey(acc));
  }

  /** What is held now, for operators. */
  public List<Hold> holds() {
    Instant now = clock.instant();
    List<Hold> holds = new ArrayList<>();
    counters.forEach((key, c) -> {
      if (c.heldUntil != null && c.heldUntil.isAfter(now)) {
        String[] parts = key.split("\\|", -1);
        holds.add(new Hold(parts[0], parts[1].isEmpty() ? null : parts[1], parts[2].isEmpty() ? null : parts[2],
            c.failures, c.heldUntil));
      }
    });
    holds.sort(Comparator.comparing(Hold::until));
    return holds;
  }

  /** Clears every hold of an account (from any address). */
  public int clear(String account) {
    String acc = normalize(account);
    int before = counters.size();
    counters.keySet().removeIf(k -> k.startsWith("account|" + acc + "|") || k.startsWith("pair|" + acc + "|"));
    return before - counters.size();
  }

  private void count(String key, Instant now, int free) {
    counters.compute(key, (k, c) -> {
      Counter counter = c == null || c.lastFailure.plus(settings.window()).isBefore(now) ? new Counter() : c;
      counter.failures++;
      counter.lastFailure = now;
      if (counter.failures > free) {
        int over = Math.min(counter.failures - free - 1, 20);
        Duration delay = settings.firstDelay().multipliedBy(1L << over);
        counter.heldUntil = now.plus(delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay);
      }
      return counter;
    });
  }

  /** Forgets counters older than the window (bounded memory under a flood of addresses). */
  private void prune(Instant now) {
    if (counters.size() > 10_000) {
      counters.values().removeIf(c -> c.lastFailure.plus(settings.window()).isBefore(now)
          && (c.heldUntil == null || c.heldUntil.isBefore(now)));
    }
  }

  private static List<String> keys(String account, String address) {
    String acc = normalize(account);
    return List.of(pairKey(acc, address), addressKey(address), accountKey(acc));
  }

  private static String pairKey(String account, String address) {
    return "pair|" + account + "|" + String.valueOf(address);
  }

  private static String addressKey(String address) {
    return "address||" + String.valueOf(address);
  }

  private static String accountKey(String account) {
    return "account|" + account + "|";
  }

  private static String normalize(String account) {
    return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
  }

  private static final class Counter {
    int failures;
    Instant lastFailure;
    Instant heldUntil;
  }

  /**
   * A hold: of a pair (account and address), of an address for every account, or of an account from
   * every address.
   */
  public record Hold(String kind, String account, String address, int failures, Instant until) {}

  /**
   * @param freeFailures wrong passwords per account and address before the pair waits
   * @param addressFailures wrong passwords from one address (any accounts) before the address waits
   * @param accountFailures wrong passwords of one account (any addresses) before the account waits
   * @param firstDelay the first wait; each further failure doubles it
   * @param maxDelay the longest wait, also for a whole account
   * @param window failures older than this are forgotten
   */
  @ConfigurationProperties("lapor.login")
  record Settings(@DefaultValue("3") int freeFailures, @DefaultValue("100") int addressFailures,
      @DefaultValue("30") int accountFailures, @DefaultValue("PT5S") Duration firstDelay,
      @DefaultValue("PT15M") Duration maxDelay, @DefaultValue("PT15M") Duration window) {}
}
