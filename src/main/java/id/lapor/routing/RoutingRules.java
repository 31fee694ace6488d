package id.lapor.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How the rows of {@code Routing.dmn} that matched become one suggestion: every row votes with its
 * weight for an institution of the complaint's regency (an OPD suffix such as {@code dinkes}) or a
 * national body (a full code such as {@code ID.pln}); institutions the registry does not know are
 * left out; the most weight wins (on a tie, the earlier row), and its rows are the reason. Pure,
 * so the evaluation program runs it on the DMN file without the application.
 */
final class RoutingRules {

  private RoutingRules() {}

  /** The suggestion: the institution's code, its total weight and the reasons of the rows that voted for it. */
  public record Suggestion(String institutionCode, int weight, List<String> reasons) {}

  /**
   * @param rows the matched rows (outputs {@code institution}, {@code weight}, {@code reason}) in table order
   * @param regionCode the regency the complaint is addressed to
   * @param exists whether the registry knows an institution code
   */
  public static Optional<Suggestion> suggest(List<Map<String, Object>> rows, String regionCode, Predicate<String> exists) {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    int order = 0;
    for (Map<String, Object> row : rows) {
      Object institution = row.get("institution");
      if (institution == null || institution.toString().isBlank()) {
        continue;
      }
      String code = resolve(institution.toString().strip(), regionCode);
      if (!exists.test(code)) {
        continue;
      }
      int weight = row.get("weight") instanceof Number n ? n.intValue() : 1;
      Tally tally = tallies.computeIfAbsent(code, c -> new Tally(c));
      tally.order = Math.min(tally.order, order++);
      tally.weight += weight;
      if (row.get("reason") != null) {
        tally.reasons.add(row.get("reason").toString());
      }
    }
    return tallies.values().stream()
        .max(Comparator.<Tally>comparingInt(t -> t.weight).thenComparing(t -> -t.order))
        .map(t -> new Suggestion(t.code, t.weight, List.copyOf(t.reasons)));
  }

  /** An OPD suffix of the regency ({@code dinkes} → {@code 51.06.dinkes}) or a full code with a dot. */
  static String resolve(String institution, String regionCode) {
    return institution.contains(".") ? institution : regionCode + "." + institution;
  }

  /** The stems as the table's keyword column sees them: separated and surrounded by single spaces. */
  public static String keywords(List<String> stems) {
    return " " + String.join(" ", stems) + " ";
  }

  private static final class Tally {
    final String code;
    int weight;
    int order = Integer.MAX_VALUE;
    final List<String> reasons = new ArrayList<>();

    Tally(String code) {
      this.code = code;
    }
  }
}
