package id.lapor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Features reach each other only through their APIs (the public types of a feature's own package;
 * sub-packages such as {@code casework.steps} are its internals), depend only on the features their
 * {@code package-info} declares ({@code @ApplicationModule(allowedDependencies = …)}), and form no
 * cycles. The modules' component diagrams and canvases in {@code docs/modules} are up to date.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(LaporApplication.class);

  @Test
  void featuresRespectTheirBoundariesAndDeclaredDependencies() {
    MODULES.verify();
  }

  /**
   * Spring Modulith writes the diagrams in no stable order, so they are written under
   * {@code target/modules} and compared with {@code docs/modules} line by line, in any order: the
   * test fails when a change of the modules' dependencies has not reached the docs. Regenerate them
   * with {@code mvn test -Dtest=ModularityTests -Dlapor.write-module-docs=true}.
   */
  @Test
  void theModulesDocumentationIsUpToDate() throws Exception {
    Path written = Path.of("target", "modules");
    Path docs = Path.of("docs", "modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(written.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    List<Path> files;
    try (Stream<Path> list = Files.list(written)) {
      files = list.filter(p -> p.toString().endsWith(".puml") || p.toString().endsWith(".adoc")).sorted().toList();
    }
    assertThat(files.stream().map(p -> p.getFileName().toString()))
        .contains("components.puml", "module-complaint.puml", "module-supervision.adoc");
    if (Boolean.getBoolean("lapor.write-module-docs")) {
      Files.createDirectories(docs);
      for (Path file : files) {
        Files.copy(file, docs.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (Path file : files) {
      Path committed = docs.resolve(file.getFileName());
      assertThat(committed).as("regenerate with -Dlapor.write-module-docs=true").exists();
      assertThat(Files.readAllLines(committed)).as("%s (regenerate with -Dlapor.write-module-docs=true)", committed)
          .containsExactlyInAnyOrderElementsOf(Files.readAllLines(file));
    }
  }
}
