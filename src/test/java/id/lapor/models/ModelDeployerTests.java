package id.lapor.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDeployerTests {

  final ModelDeployer deployer = new ModelDeployer(new ModelProperties(null, null, null, null));

  @Test
  void namesFilesRelativeToTheirFolderAndIgnoresOtherFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Mine.bpmn"), "<x/>");
    Files.writeString(dir.resolve("Rules.dmn"), "<x/>");
    Files.writeString(dir.resolve("notes.txt"), "not a model");
    Files.createDirectories(dir.resolve("51.06"));
    assertThat(deployer.read("processes", dir, ModelDeployer.PROCESS_SUFFIXES))
        .containsOnlyKeys("processes/Mine.bpmn", "processes/Rules.dmn");
  }

  @Test
  void findsRegencyVariantsInFoldersNamedByRegionCode(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("35.10"));
    Files.createDirectories(dir.resolve("51"));
    Files.createDirectories(dir.resolve("drafts"));
    var deployerOfDir = new ModelDeployer(new ModelProperties(dir, null, null, null));
    assertThat(deployerOfDir.tenantFolders()).containsOnlyKeys("35.10", "51");
  }

  @Test
  void fallsBackToThePackagedVariantsWhenTheFolderIsMissing(@TempDir Path dir) {
    var packaged = new ModelDeployer(new ModelProperties(dir.resolve("absent"), null, null, null));
    assertThat(packaged.tenantFolders()).containsKey("35.10");
    assertThat(packaged.read("processes", packaged.tenantFolders().get("35.10"), "processes/35.10",
        ModelDeployer.PROCESS_SUFFIXES)).containsOnlyKeys("processes/FirstResponse.bpmn");
  }

  @Test
  void fallsBackToThePackagedCopiesWhenTheFolderIsMissing(@TempDir Path dir) {
    assertThat(deployer.read("processes", dir.resolve("absent"), ModelDeployer.PROCESS_SUFFIXES))
        .containsKeys("processes/ComplaintHandling.bpmn", "processes/SopDeadlines.dmn");
    assertThat(deployer.read("forms", dir.resolve("absent"), ModelDeployer.FORM_SUFFIXES))
        .containsKeys("forms/VerifyComplaint.form", "forms/PrepareFollowUp.form");
  }
}
