package id.lapor.calendar;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as process designers write it in SOP tables: {@code 5 working days},
 * {@code 4 working hours}, {@code 30 days}, {@code 4 hours} (also {@code 5 hari kerja},
 * {@code 4 jam kerja}, {@code 30 hari}, {@code 4 jam}, or ISO-8601 clock time {@code P30D}, {@code PT4H}).
 * Working time counts only office hours on working days; the rest is plain clock time.
 *
 * @param amount how many units
 * @param hours hours rather than days
 * @param working counted in working time
 */
public record SopDuration(int amount, boolean hours, boolean working) {

  private static final Pattern TEXT = Pattern.compile(
      "(\\d+)\\s*(working days?|working hours?|days?|hours?|hari kerja|jam kerja|hari|jam)");
  private static final Pattern ISO = Pattern.compile("P(\\d+)D|PT(\\d+)H");

  public SopDuration {
    if (amount < 1) {
      throw new IllegalArgumentException("an SOP duration must be at least 1: " + amount);
    }
  }

  /** @throws IllegalArgumentException naming the accepted forms */
  public static SopDuration parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Matcher m = TEXT.matcher(t);
    if (m.matches()) {
      String unit = m.group(2);
      boolean working = unit.startsWith("working") || unit.endsWith("kerja");
      boolean hours = unit.startsWith("working hour") || unit.startsWith("hour") || unit.startsWith("jam");
      return new SopDuration(Integer.parseInt(m.group(1)), hours, working);
    }
    Matcher iso = ISO.matcher(t.toUpperCase(Locale.ROOT));
    if (iso.matches()) {
      return iso.group(1) != null ? new SopDuration(Integer.parseInt(iso.group(1)), false, false)
          : new SopDuration(Integer.parseInt(iso.group(2)), true, false);
    }
    throw new IllegalArgumentException("\"" + text + "\" is not an SOP duration; write e.g. \"5 working days\", "
        + "\"4 working hours\", \"30 days\" or \"4 hours\"");
  }

  Duration clockDuration() {
    return hours ? Duration.ofHours(amount) : Duration.ofDays(amount);
  }

  /** In Bahasa Indonesia, as staff read it: {@code 5 hari kerja}, {@code 4 jam}. */
  public String toIndonesian() {
    return amount + (hours ? " jam" : " hari") + (working ? " kerja" : "");
  }

  @Override
  public String toString() {
    return amount + (working ? " working" : "") + (hours ? " hour" : " day") + (amount == 1 ? "" : "s");
  }
}
