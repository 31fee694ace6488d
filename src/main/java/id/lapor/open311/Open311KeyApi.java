package id.lapor.open311;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Operators issue, list and revoke the Open311 API keys of integrating institutions. */
@RestController
@RequestMapping("/api/staff/open311/keys")
class Open311KeyApi {

  private final Open311Keys keys;

  Open311KeyApi(Open311Keys keys) {
    this.keys = keys;
  }

  record IssueRequest(String institutionCode, String name) {}

  record KeyView(long id, String institutionCode, String name, String keyPrefix, Instant createdAt,
      Instant lastUsedAt, Instant revokedAt) {}

  @Operation(summary = "Issue a key for an institution's app; the key is shown in this answer only (operators only)")
  @PostMapping
  ResponseEntity<Open311Keys.Issued> issue(@RequestBody IssueRequest request) {
    if (request.institutionCode() == null || request.name() == null || request.name().isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "institutionCode and name are required");
    }
    try {
      return ResponseEntity.status(HttpStatus.CREATED).body(keys.issue(request.institutionCode(), request.name().strip()));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  @Operation(summary = "All keys, without their values (operators only)")
  @GetMapping
  List<KeyView> list() {
    return keys.all().stream().map(k -> new KeyView(k.getId(), k.getInstitutionCode(), k.getName(), k.getKeyPrefix(),
        k.getCreatedAt(), k.getLastUsedAt(), k.getRevokedAt())).toList();
  }

  @Operation(summary = "Revoke a key: its app can no longer post (operators only)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    if (!keys.revoke(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no key " + id);
    }
    return ResponseEntity.noContent().build();
  }
}
