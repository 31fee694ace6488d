package id.lapor.models;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the process designers' files are.
 *
 * @param processesDir folder with BPMN and DMN files; when absent, the copies packaged in the jar
 * @param formsDir folder with Camunda Forms ({@code .form}); when absent, the packaged copies
 * @param deploymentName name of the Camunda deployment (duplicate filtering compares per name)
 */
@ConfigurationProperties("lapor.models")
public record ModelProperties(Path processesDir, Path formsDir, String deploymentName) {

  public ModelProperties {
    processesDir = processesDir == null ? Path.of("processes") : processesDir;
    formsDir = formsDir == null ? Path.of("forms") : formsDir;
    deploymentName = deploymentName == null ? "lapor-models" : deploymentName;
  }
}
