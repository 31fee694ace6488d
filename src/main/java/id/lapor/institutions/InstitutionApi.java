package id.lapor.institutions;

import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The institution registry for operators: list the hierarchy and register provinces, regencies/
 * cities and their OPDs. Registering creates the Camunda groups (and, for a regency, the tenant)
 * its people work in; users are then put into those groups in Camunda Admin.
 */
@RestController
@RequestMapping(path = "/api/staff/institutions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Institutions", description = "National → province → regency/city → OPD (operators register)")
class InstitutionApi {

  private final Institutions institutions;
  private final InstitutionRegistry registry;

  InstitutionApi(Institutions institutions, InstitutionRegistry registry) {
    this.institutions = institutions;
    this.registry = registry;
  }

  @GetMapping
  @Operation(summary = "The institutions directly under a parent (the national level when omitted)")
  List<View> children(@RequestParam(required = false) String parentCode) {
    if (parentCode == null) {
      return institutions.findById(Institution.NATIONAL_CODE).map(View::of).stream().toList();
    }
    return institutions.findByParentCodeOrderByCode(parentCode).stream().map(View::of).toList();
  }

  @GetMapping("/{code}")
  ResponseEntity<View> one(@PathVariable String code) {
    return ResponseEntity.of(institutions.findById(code).map(View::of));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Register an institution and create its Camunda groups (and tenant, for a regency/city)")
  ResponseEntity<?> register(@RequestBody Registration r) {
    List<FieldProblem> problems = new ArrayList<>();
    InstitutionKind kind = null;
    if (r.kind() == null) {
      problems.add(new FieldProblem("kind", "is required (NATIONAL, PROVINCE, REGENCY, CITY or OPD)"));
    } else {
      try {
        kind = InstitutionKind.valueOf(r.kind());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("kind", "must be NATIONAL, PROVINCE, REGENCY, CITY or OPD"));
      }
    }
    if (r.code() == null || !r.code().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
      problems.add(new FieldProblem("code", "is required: the region code (51.06) or, for an OPD, "
          + "<regency>.<short name> (51.06.dinkes), letters, digits, . _ -, at most 40"));
    }
    if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
      problems.add(new FieldProblem("name", "is required, at most 200 characters"));
    }
    ZoneId zone = null;
    try {
      zone = ZoneId.of(r.timeZone() == null ? "" : r.timeZone());
    } catch (DateTimeException e) {
      problems.add(new FieldProblem("timeZone", "must be a zone such as Asia/Jakarta (WIB), Asia/Makassar (WITA) "
          + "or Asia/Jayapura (WIT)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (institutions.existsById(r.code())) {
      ProblemDetail conflict = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
          "An institution with code " + r.code() + " is already registered.");
      conflict.setTitle("Already registered");
      conflict.setType(URI.create("urn:lapor:problem:institution-exists"));
      return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict);
    }
    try {
      Institution created = registry.register(r.code(), r.name().strip(), kind, r.parentCode(), zone);
      return ResponseEntity.created(URI.create("/api/staff/institutions/" + created.getCode())).body(View.of(created));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(List.of(new FieldProblem("parentCode", e.getMessage())));
    }
  }

  record Registration(String code, String name, String kind, String parentCode, String timeZone) {}

  record View(String code, String name, InstitutionKind kind, String parentCode, String timeZone,
      List<String> groups) {
    static View of(Institution i) {
      return new View(i.getCode(), i.getName(), i.getKind(), i.getParentCode(), i.getTimeZone().getId(),
          i.groups().all().stream().map(InstitutionGroups.Group::id).toList());
    }
  }
}
