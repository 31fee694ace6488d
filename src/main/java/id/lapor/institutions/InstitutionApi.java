package id.lapor.institutions;

import id.lapor.web.FieldProblem;
import id.lapor.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

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
  private final Clock clock;
  private final DecreeDocuments documents;

  InstitutionApi(Institutions institutions, InstitutionRegistry registry, Clock clock, DecreeDocuments documents) {
    this.institutions = institutions;
    this.registry = registry;
    this.clock = clock;
    this.documents = documents;
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

  static final long DECREE_MAX_BYTES = 10L * 1024 * 1024;

  @PutMapping(path = "/{code}/decree", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Record the institution's decree (SK) on complaint management: number, date and, "
      + "optionally, the signed document as PDF (operators)")
  @Transactional
  View recordDecree(@PathVariable String code, @RequestParam(required = false) String number,
      @RequestParam(required = false) String date, @RequestPart(required = false) MultipartFile document)
      throws IOException {
    Institution institution = institutions.findById(code).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "no institution " + code));
    List<FieldProblem> problems = new ArrayList<>();
    if (number == null || number.isBlank() || number.strip().length() > 100) {
      problems.add(new FieldProblem("number", "is required: the decree's number, at most 100 characters"));
    }
    LocalDate signed = null;
    try {
      signed = date == null ? null : LocalDate.parse(date.strip());
    } catch (DateTimeException e) {
      // reported below
    }
    if (signed == null || signed.isAfter(LocalDate.now(clock.withZone(institution.getTimeZone())))) {
      problems.add(new FieldProblem("date", "is required: the date the decree was signed (2026-01-31), not in "
          + "the future"));
    }
    byte[] pdf = null;
    if (document != null && !document.isEmpty()) {
      pdf = document.getBytes();
      if (pdf.length > DECREE_MAX_BYTES) {
        problems.add(new FieldProblem("document", "must be at most 10 MB"));
      } else if (!isPdf(pdf)) {
        problems.add(new FieldProblem("document", "must be a PDF"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String fileName = document == null || document.getOriginalFilename() == null ? "sk.pdf"
        : document.getOriginalFilename().replaceAll("[^A-Za-z0-9._-]", "_");
    if (pdf == null) {
      institution.recordDecree(number.strip(), signed, null, null);
    } else {
      institution.recordDecree(number.strip(), signed, fileName.length() > 120 ? fileName.substring(0, 120)
          : fileName, MediaType.APPLICATION_PDF_VALUE);
      byte[] content = pdf;
      documents.findById(code).ifPresentOrElse(d -> d.replace(content),
          () -> documents.save(new DecreeDocument(code, content)));
    }
    return View.of(institution);
  }

  @GetMapping(path = "/{code}/decree/document", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The decree's document (PDF)")
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> decreeDocument(@PathVariable String code) {
    Institution institution = institutions.findById(code).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "no institution " + code));
    Institution.Decree decree = institution.getDecree().filter(d -> d.fileName() != null).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "no decree document for " + code));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(decree.fileName()).build()
            .toString())
        .body(documents.findById(code).orElseThrow().getContent());
  }

  private static boolean isPdf(byte[] bytes) {
    return bytes.length > 5 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
  }

  record Registration(String code, String name, String kind, String parentCode, String timeZone) {}

  /** A decree without its document; {@code document} is the path to it when one was uploaded. */
  record DecreeView(String number, LocalDate date, String document) {}

  record View(String code, String name, InstitutionKind kind, String parentCode, String timeZone,
      List<String> groups, DecreeView decree) {
    static View of(Institution i) {
      return new View(i.getCode(), i.getName(), i.getKind(), i.getParentCode(), i.getTimeZone().getId(),
          i.groups().all().stream().map(InstitutionGroups.Group::id).toList(),
          i.getDecree().map(d -> new DecreeView(d.number(), d.date(), i.getDecreeDocumentPath().orElse(null)))
              .orElse(null));
    }
  }
}
