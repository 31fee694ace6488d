package id.lapor.models;

import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators move running complaints onto the newest process version. */
@RestController
@RequestMapping(path = "/api/staff/process-migrations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Process versions", description = "Migrate running complaints to the newest SOP (operators)")
class MigrationApi {

  private final ProcessMigrations migrations;

  MigrationApi(ProcessMigrations migrations) {
    this.migrations = migrations;
  }

  @PostMapping
  @Operation(summary = "Migrate running instances of older versions to the latest version",
      description = "tenantId: a regency's variant (e.g. 35.10); omit for the shared national default.")
  List<ProcessMigrations.Migrated> migrate(@RequestParam(defaultValue = "ComplaintHandling") String processKey,
      @RequestParam(required = false) String tenantId) {
    try {
      return migrations.migrateToLatest(processKey, tenantId);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(List.of(new FieldProblem("processKey", e.getMessage())));
    }
  }

  /** The new version cannot take the old one's running instances as they are: say why, change nothing. */
  @ExceptionHandler({MigrationPlanValidationException.class, MigratingProcessInstanceValidationException.class})
  ProblemDetail notMigratable(ProcessEngineException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Running instances cannot be migrated");
    problem.setType(java.net.URI.create("urn:lapor:problem:migration-not-possible"));
    return problem;
  }
}
