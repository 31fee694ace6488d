package id.lapor.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} from the working directory when the engine has
 * been built, under resource names relative to those folders ({@code processes/ComplaintHandling.bpmn},
 * {@code forms/verify-complaint.form}). Duplicate filtering with "changed only" means a restart with
 * unchanged files creates no new version, and editing one file versions only what is in that file.
 * A missing folder falls back to the copy packaged in the application jar.
 */
@Component
class ModelDeployer extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
  static final Set<String> PROCESS_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".dmn");
  static final Set<String> FORM_SUFFIXES = Set.of(".form");
  static final String SOURCE = "lapor-startup";
  /** Folder names that are region codes: a province (51) or a regency/city (51.06). */
  static final String REGION_CODE = "\\d{2}(\\.\\d{2})?";

  private final ModelProperties properties;

  ModelDeployer(ModelProperties properties) {
    this.properties = properties;
  }

  /** Deploys as soon as the engine is built, before anything can start a process. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deployModels(processEngine.getRepositoryService());
  }

  void deployModels(RepositoryService repositoryService) {
    Map<String, byte[]> shared = new TreeMap<>(read("processes", properties.processesDir(), PROCESS_SUFFIXES));
    shared.putAll(read("forms", properties.formsDir(), FORM_SUFFIXES));
    if (shared.isEmpty()) {
      log.warn("No process models found in {} or {} nor in the application jar",
          properties.processesDir().toAbsolutePath(), properties.formsDir().toAbsolutePath());
      return;
    }
    deploy(repositoryService, properties.deploymentName(), null, shared);
    // processes/<region code>/: a regency's own SOP variant, deployed for its tenant. Forms stay
    // shared: Camunda resolves formRef "latest" by key alone and refuses a key found in several tenants.
    if (!properties.tenantVariants()) {
      return;
    }
    tenantFolders().forEach((tenant, folder) -> deploy(repositoryService,
        properties.deploymentName() + "-" + tenant, tenant,
        withoutNationalModel(tenant, read("processes", folder, "processes/" + tenant, PROCESS_SUFFIXES))));
  }

  /**
   * A region's folder holds its plug-ins; a copy of the national model left there (the first
   * release's way of varying the SOP) is not deployed: every region runs the shared one.
   */
  private static Map<String, byte[]> withoutNationalModel(String tenant, Map<String, byte[]> resources) {
    Map<String, byte[]> kept = new TreeMap<>();
    resources.forEach((name, bytes) -> {
      boolean national = false;
      if (name.endsWith(".bpmn")) {
        try {
          national = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes))
              .getModelElementById(DeploymentRules.NATIONAL_MODEL) instanceof org.camunda.bpm.model.bpmn.instance.Process;
        } catch (RuntimeException unreadable) {
          // deployed as it is: the engine reports what is wrong with it
        }
      }
      if (national) {
        log.error("Not deployed for tenant {}: {} is a copy of the national complaint process; a region varies it "
            + "through plug-ins (FirstResponse, FollowUpReview) and its rows of SopDeadlines (docs/process-design.md)",
            tenant, name);
      } else {
        kept.put(name, bytes);
      }
    });
    return kept;
  }

  private void deploy(RepositoryService repositoryService, String name, String tenant, Map<String, byte[]> resources) {
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(name)
        .tenantId(tenant)
        .source(SOURCE)
        .enableDuplicateFiltering(true);
    resources.forEach((resource, bytes) -> builder.addInputStream(resource, new ByteArrayInputStream(bytes)));
    // the operator's own files: not checked by DeploymentRules as deployments from outside are
    DeploymentWithDefinitions deployment = TrustedDeployments.run(builder::deployWithResult);
    log.info("Deployed {} model files{}; new versions: {} processes, {} decisions (deployment {})",
        resources.size(), tenant == null ? "" : " for tenant " + tenant,
        sizeOf(deployment.getDeployedProcessDefinitions()), sizeOf(deployment.getDeployedDecisionDefinitions()),
        deployment.getId());
  }

  /**
   * Sub-folders of the processes folder named by region code ({@code 35.10}); when the folder is
   * absent, those packaged in the jar.
   */
  Map<String, Path> tenantFolders() {
    Map<String, Path> folders = new TreeMap<>();
    if (!Files.isDirectory(properties.processesDir())) {
      try {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*/*.bpmn")) {
          String url = r.getURL().toString();
          String tenant = url.substring(0, url.lastIndexOf('/'));
          tenant = tenant.substring(tenant.lastIndexOf('/') + 1);
          if (tenant.matches(REGION_CODE)) {
            folders.put(tenant, properties.processesDir().resolve(tenant));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read packaged process variants", e);
      }
      return folders;
    }
    try (Stream<Path> entries = Files.list(properties.processesDir())) {
      entries.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches(REGION_CODE))
          .forEach(p -> folders.put(p.getFileName().toString(), p));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + properties.processesDir(), e);
    }
    return folders;
  }

  private static int sizeOf(java.util.List<?> list) {
    return list == null ? 0 : list.size();
  }

  /** Files directly in a folder, keyed by {@code prefix/relative path}. */
  Map<String, byte[]> read(String prefix, Path folder, Set<String> suffixes) {
    return read(prefix, folder, prefix, suffixes);
  }

  /**
   * Files directly in {@code folder}, named {@code prefix/<file>}; when the folder is absent, the
   * files packaged in the jar under {@code packaged/}.
   */
  Map<String, byte[]> read(String prefix, Path folder, String packaged, Set<String> suffixes) {
    Map<String, byte[]> found = new TreeMap<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(Files::isRegularFile).filter(p -> hasSuffix(p.getFileName().toString(), suffixes))
            .forEach(p -> found.put(prefix + "/" + p.getFileName(), bytes(p)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + folder, e);
      }
      log.info("Reading {} models from {}", found.size(), folder.toAbsolutePath());
      return found;
    }
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + packaged + "/*")) {
        String name = r.getFilename();
        if (name != null && hasSuffix(name, suffixes)) {
          try (InputStream in = r.getInputStream()) {
            found.put(prefix + "/" + name, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read packaged " + prefix, e);
    }
    log.info("Folder {} not found; using {} packaged models", folder.toAbsolutePath(), found.size());
    return found;
  }

  private static boolean hasSuffix(String name, Set<String> suffixes) {
    return suffixes.stream().anyMatch(name::endsWith);
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + p, e);
    }
  }
}
