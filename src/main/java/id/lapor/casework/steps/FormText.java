package id.lapor.casework.steps;

import id.lapor.institutions.Institution;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How forms write times and complaint text. */
public final class FormText {

  public static final Locale INDONESIAN = Locale.forLanguageTag("id");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", INDONESIAN);

  private FormText() {}

  /** Where staff read a complaint (a page, within their scope), linked from forms and lists. */
  public static String staffPage(String trackingNumber) {
    return "/staff/complaints/" + trackingNumber;
  }

  /** A time as the regency reads it: {@code 17 Mar 2026 16:00 WITA}. */
  public static String at(Instant instant, ZoneId zone) {
    return DATE_TIME.format(instant.atZone(zone)) + " " + Institution.zoneName(zone);
  }

  /**
   * Text written by a complainant or officer, for a Markdown view: shown exactly as written — no
   * link, image, emphasis, heading or HTML of its own — with its line breaks kept.
   */
  public static String markdown(String text) {
    if (text == null || text.isBlank()) {
      return "-";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char ch : text.strip().toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> { }
        case '\n' -> out.append("  \n");
        // every Markdown punctuation, and what would make a URL or an e-mail address a link
        case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', '"', '\'', '=',
            ':', '/', '@' ->
            out.append('\\').append(ch);
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** Complaint text inside one line of a Markdown list. */
  public static String markdownLine(String text) {
    return markdown(text == null ? null : text.replaceAll("\\s+", " "));
  }
}
