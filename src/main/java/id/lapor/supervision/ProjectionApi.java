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
  private final FiguresRollup rollup;

  ProjectionApi(ProjectionRebuild rebuild, FiguresRollup rollup) {
    this.rebuild = rebuild;
    this.rollup = rollup;
  }

  @Operation(summary = "Recompute every complaint's read-model row from its timeline, then the national rollup from"
      + " the read model; reports drifted fields and differing rollup rows (operators)")
  @PostMapping("/rebuild")
  ProjectionRebuild.Result rebuild() {
    return rebuild.rebuildAll().withRollup(rollup.rebuild());
  }
}
