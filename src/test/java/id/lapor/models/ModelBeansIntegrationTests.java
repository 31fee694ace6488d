package id.lapor.models;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.support.LaporTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The components models may name are the ones docs/process-design.md lists for designers. */
@LaporTest
class ModelBeansIntegrationTests {

  @Autowired ModelBeans beans;

  @Test
  void theDesignersListIsTheApplicationsDelegatesAndListeners() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("docs/process-design.md"));
    int start = lines.indexOf("<!-- model-beans -->");
    assertThat(start).isNotNegative();
    TreeSet<String> documented = new TreeSet<>();
    Pattern name = Pattern.compile("^\\| `([A-Za-z0-9]+)` \\|");
    for (String line : lines.subList(start + 3, lines.size())) {
      Matcher m = name.matcher(line);
      if (!m.find()) {
        break;
      }
      documented.add(m.group(1));
    }
    assertThat(documented).isEqualTo(new TreeSet<>(beans.names()));
  }
}
