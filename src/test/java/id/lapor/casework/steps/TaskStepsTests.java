package id.lapor.casework.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each form in {@code forms/} has its step, and the fields a form submits are exactly the fields
 * its step takes: a designer who adds a field to a form without the step (or the other way round)
 * finds out here, not from an officer whose decision is refused.
 */
class TaskStepsTests {

  static final List<TaskStep> STEPS = List.of(new VerifyComplaintStep(null, null, null, null, null),
      new VerifyComplaintNationallyStep(null), new DisposeComplaintStep(null, null), new PrepareFollowUpStep(),
      new SuperviseOverdueComplaintStep(null, null), new CoordinateFirstResponseStep(), new ReviewFollowUpStep());

  @Test
  void everyFormHasItsStepAndSubmitsExactlyTheStepsFields() throws Exception {
    Map<String, TaskStep> byForm = new TaskSteps(STEPS).forms().stream()
        .collect(Collectors.toMap(f -> f, f -> new TaskSteps(STEPS).forForm(f).orElseThrow()));
    List<Path> forms;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).hasSize(STEPS.size());
    for (Path form : forms) {
      JsonNode json = new ObjectMapper().readTree(form.toFile());
      String id = json.get("id").asText();
      assertThat(byForm).as("a step for the form %s", id).containsKey(id);
      assertThat(submitted(json.get("components"))).as("what %s submits", form)
          .containsExactlyInAnyOrderElementsOf(byForm.get(id).fields());
    }
  }

  @Test
  void twoStepsForOneFormAreRefusedAtStartUp() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TaskSteps(List.of(new PrepareFollowUpStep(),
        new PrepareFollowUpStep()))).hasMessageContaining("Two steps for the form PrepareFollowUp");
  }

  @Test
  void complaintTextIsShownAsWrittenNeverAsMarkdownOrHtml() {
    assertThat(FormText.markdown("<script>alert(1)</script> [klik](http://x) **tebal** # judul\nbaris 2"))
        .isEqualTo("&lt;script&gt;alert\\(1\\)&lt;\\/script&gt; \\[klik\\]\\(http\\:\\/\\/x\\) \\*\\*tebal\\*\\* \\# judul  \n"
            + "baris 2");
    assertThat(FormText.markdown("  ")).isEqualTo("-");
  }

  /** The keys of the inputs a form submits: enabled fields with a key (text views and groups submit nothing). */
  private static Set<String> submitted(JsonNode components) {
    Set<String> keys = new HashSet<>();
    for (JsonNode c : components) {
      if (c.has("components")) {
        keys.addAll(submitted(c.get("components")));
      }
      if (c.has("key") && !c.path("disabled").asBoolean(false) && !c.path("readonly").asBoolean(false)) {
        keys.add(c.get("key").asText());
      }
    }
    return keys;
  }
}
