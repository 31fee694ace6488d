package id.lapor.routing;

import id.lapor.complaint.Category;
import id.lapor.text.IndonesianText;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** For process designers writing Routing.dmn: the stems of a text and what the table suggests for it. */
@RestController
@RequestMapping("/api/staff/routing")
class RoutingApi {

  private final RoutingSuggestions suggestions;

  RoutingApi(RoutingSuggestions suggestions) {
    this.suggestions = suggestions;
  }

  @Operation(summary = "The stems of a text, as the keyword column of Routing.dmn sees them")
  @GetMapping("/stems")
  Map<String, Object> stems(@RequestParam String text) {
    List<String> stems = IndonesianText.get().stems(text);
    return Map.of("stems", stems, "keywords", RoutingRules.keywords(stems));
  }

  @Operation(summary = "What Routing.dmn suggests for a complaint text in a regency and category")
  @GetMapping("/suggestion")
  Object suggestion(@RequestParam String regionCode, @RequestParam String category, @RequestParam String text) {
    Category c;
    try {
      c = Category.valueOf(category);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "category must be one of "
          + Arrays.toString(Category.values()));
    }
    return suggestions.suggest(regionCode, c, "", text).map(s -> (Object) s)
        .orElse(Map.of("suggestion", "none"));
  }
}
