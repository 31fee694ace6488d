package id.lapor.models;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the process designers' files are.
 *
 * @param processesDir folder with BPMN and DMN files; sub-folders named by region code hold a
 *     regency's own variants; when absent, the copies packaged in the jar
 * @param formsDir folder with Camunda Forms ({@code .form}); when absent, the packaged copies
 * @param deploymentName name of the Camunda deployment (duplicate filtering compares per name)
 * @param tenantVariants deploy the regencies' own variants (default); off only where a tool cannot
 *     tell two definitions with the same key apart
 */
@ConfigurationProperties("lapor.models")
public record ModelProperties(Path processesDir, Path formsDir, String deploymentName, Boolean tenantVariants) {

  public ModelProperties {
    processesDir = processesDir == null ? Path.of("processes") : processesDir;
    formsDir = formsDir == null ? Path.of("forms") : formsDir;
    deploymentName = deploymentName == null ? "lapor-models" : deploymentName;
    tenantVariants = tenantVariants == null || tenantVariants;
  }
}
