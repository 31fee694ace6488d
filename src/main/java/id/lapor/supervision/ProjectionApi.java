package id.lapor.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' rebuild of the supervision read model (after a restore, or to check it). */
@RestController
@RequestMapping("/api/staff/supervision/projection")
@Tag(name = "Supervision")
class ProjectionApi {

  private final ProjectionRebuild rebuild;

  ProjectionApi(ProjectionRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @Operation(summary = "Recompute every complaint's read-model row from its timeline; reports drifted fields (operators)")
  @PostMapping("/rebuild")
  ProjectionRebuild.Result rebuild() {
    return rebuild.rebuildAll();
  }
}
