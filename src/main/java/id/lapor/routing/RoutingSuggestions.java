package id.lapor.routing;

import static id.lapor.models.EngineCalls.asSystem;

import id.lapor.complaint.Category;
import id.lapor.institutions.Institution;
import id.lapor.institutions.Institutions;
import id.lapor.text.IndonesianText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Suggests the institution responsible for a complaint from the deployed {@code Routing} decision. */
@Service
public class RoutingSuggestions {

  static final String DECISION_KEY = "Routing";

  private final DecisionService decisionService;
  private final Institutions institutions;

  RoutingSuggestions(DecisionService decisionService, Institutions institutions) {
    this.decisionService = decisionService;
    this.institutions = institutions;
  }

  /** A suggestion with the institution's name, for forms. */
  public record Suggested(String code, String name, boolean withinRegency, List<String> reasons) {}

  public Optional<Suggested> suggest(String regionCode, Category category, String title, String description) {
    return suggest(regionCode, category, title, description, Set.of());
  }

  /** As above, never suggesting one of {@code excluded} (e.g. the OPDs that returned it: not their authority). */
  public Optional<Suggested> suggest(String regionCode, Category category, String title, String description,
      Set<String> excluded) {
    List<String> stems = IndonesianText.get().stems(title + "\n" + description);
    DmnDecisionResult result = asSystem(() -> decisionService.evaluateDecisionByKey(DECISION_KEY)
        .decisionDefinitionWithoutTenantId()
        .variables(Variables.createVariables()
            .putValue("regionCode", regionCode)
            .putValue("category", category.name())
            .putValue("keywords", RoutingRules.keywords(stems)))
        .evaluate());
    List<Map<String, Object>> rows = result.getResultList();
    return RoutingRules.suggest(rows, regionCode, code -> !excluded.contains(code) && institutions.existsById(code))
        .flatMap(s -> institutions.findById(s.institutionCode()).map(i -> new Suggested(i.getCode(), i.getName(),
            regionCode.equals(i.getParentCode()), s.reasons())));
  }


}
