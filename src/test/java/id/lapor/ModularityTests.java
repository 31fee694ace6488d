package id.lapor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Features reach each other only through their APIs (the public types of a feature's own package;
 * sub-packages such as {@code casework.steps} are its internals), depend only on the features their
 * {@code package-info} declares ({@code @ApplicationModule(allowedDependencies = …)}), and form no
 * cycles. The modules' component diagrams and canvases are written into {@code docs/modules}.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(LaporApplication.class);

  @Test
  void featuresRespectTheirBoundariesAndDeclaredDependencies() {
    MODULES.verify();
  }

  @Test
  void writesTheModulesDocumentation() throws Exception {
    Path folder = Path.of("docs", "modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("components.puml", "module-complaint.puml", "module-supervision.adoc");
    }
  }
}
