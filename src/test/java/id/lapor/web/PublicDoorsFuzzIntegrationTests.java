package id.lapor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintOwners;
import id.lapor.complaint.Complaints;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated bad input at every public door and the staff list, sent as raw HTTP so that nothing is
 * cleaned up on the way (bytes 0x80–0x9F in headers, broken percent-encodings, bodies of the wrong
 * type, broken multipart, absurd numbers and dates). Seeded, so a failure repeats. Every answer is
 * below 500; every error under {@code /api} and {@code /channels} is {@code application/problem+json}
 * with its status; Open311 answers its spec's error list; and afterwards every complaint stored has its
 * process and every process its complaint.
 */
@LaporTest
class PublicDoorsFuzzIntegrationTests {

  static final long SEED = 20261204L;
  static final int CASES = 400;

  @LocalServerPort int port;
  @Autowired ComplaintIntake intake;
  @Autowired ComplaintOwners owners;
  @Autowired Complaints complaints;
  @Autowired RuntimeService runtimeService;
  @Autowired ObjectMapper json;

  final Random random = new Random(SEED);
  String trackingNumber;
  String token;

  @Test
  void noInputReachesAServerErrorAndEveryErrorHasTheDocumentedFormat() throws Exception {
    var s = intake.submit(ComplaintFixtures.aPublicComplaintIn(ComplaintFixtures.BANGLI));
    trackingNumber = s.trackingNumber();
    token = s.followUpToken();
    int violationsBefore = owners.check().violations().size();

    List<Supplier<byte[]>> generators = List.of(this::complaintJson, this::rawJsonBody, this::weirdHeaders,
        this::statusLookup, this::supplementOrReply, this::brokenMultipart, this::staffList, this::webhook,
        this::open311, this::badUrls, this::otherMethods);
    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (int i = 0; i < CASES; i++) {
      byte[] request = generators.get(random.nextInt(generators.size())).get();
      Answer a = send(request);
      statuses.merge(a.status, 1, Integer::sum);
      String problem = check(a);
      if (problem != null) {
        failures.add("case " + i + ": " + problem + "\n  request: " + printable(request, 400) + "\n  answer: "
            + a.status + " " + a.contentType + " " + printable(a.body, 300));
      }
    }
    assertThat(failures).as("seed " + SEED + ", answers by status " + statuses + ":\n"
        + String.join("\n", failures)).isEmpty();
    assertThat(statuses.keySet()).as("the cases reached the doors, not only the parser").contains(201, 400);
    assertThat(owners.check().violations()).as("nothing half-stored: a complaint row if and only if its process")
        .hasSize(violationsBefore);
  }

  /** Why the answer breaks the contract, or null. */
  private String check(Answer a) {
    if (a.status >= 500 || a.status < 100) {
      return "server error";
    }
    if (a.status < 400) {
      return null;
    }
    if (a.path.startsWith("/open311/")) {
      if (a.path.contains(".xml")) {
        return new String(a.body, StandardCharsets.UTF_8).contains("<errors>") ? null : "not Open311's XML error list";
      }
      try {
        JsonNode errors = json.readTree(a.body);
        return errors.isArray() && errors.size() > 0 && errors.get(0).has("code") && errors.get(0).has("description")
            ? null : "not Open311's JSON error list";
      } catch (IOException e) {
        return "not Open311's JSON error list";
      }
    }
    if (!(a.path.startsWith("/api/") || a.path.startsWith("/channels/"))) {
      return null;
    }
    if (!a.contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
      return "not application/problem+json";
    }
    try {
      JsonNode p = json.readTree(a.body);
      if (p.path("status").asInt() != a.status || !p.path("title").isTextual() || !p.path("type").isTextual()) {
        return "problem without its status, title and type";
      }
    } catch (IOException e) {
      return "problem body is not JSON";
    }
    return null;
  }

  // --- generators: each returns a whole HTTP/1.1 request ------------------------------------------

  private byte[] complaintJson() {
    Map<String, Object> body = validComplaint();
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      String field = pick("classification", "title", "description", "category", "regionCode", "privacy",
          "incidentDate", "location", "complainant", "targetInstitutionCode", "language", "location.latitude",
          "location.longitude", "complainant.email", "complainant.phone", "extra");
      Object value = randomValue();
      if (field.startsWith("location.") || field.startsWith("complainant.")) {
        String[] parts = field.split("\\.");
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = body.get(parts[0]) instanceof Map<?, ?> map ? (Map<String, Object>) map
            : new LinkedHashMap<>();
        nested.put(parts[1], value);
        body.put(parts[0], nested);
      } else if (random.nextInt(5) == 0) {
        body.remove(field);
      } else {
        body.put(field, value);
      }
    }
    return request("POST", pick("/api/complaints", "/api/%63omplaints", "/api/complaints/"), "application/json",
        toJson(body), Map.of());
  }

  private byte[] rawJsonBody() {
    String body = pick("", "{", "[]", "null", "\"x\"", "{\"title\":", "{}{}", "{\"title\": \"a\"} trailing",
        "[".repeat(3000) + "]".repeat(3000), "{\"description\":\"" + "x".repeat(70_000) + "\"}",
        "{\"latitude\": NaN}", "{\"location\":{\"latitude\":1e400,\"longitude\":1}}");
    byte[] bytes = random.nextInt(6) == 0 ? new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1}
        : body.getBytes(StandardCharsets.UTF_8);
    return request("POST", "/api/complaints", pick("application/json", "application/json; charset=utf-8",
        "text/plain", "application/xml", "application/json; charset=nonsense", "application/x-www-form-urlencoded"),
        bytes, Map.of());
  }

  private byte[] weirdHeaders() {
    byte high = (byte) (0x80 + random.nextInt(0x20));
    String header = pick("Accept-Language", "Content-Type", "Idempotency-Key", "Follow-Up-Token", "Accept",
        "X-Forwarded-For", "Cookie");
    ByteArrayOutputStream extra = new ByteArrayOutputStream();
    extra.writeBytes((header + ": ab").getBytes(StandardCharsets.ISO_8859_1));
    extra.write(high);
    extra.writeBytes("cd\r\n".getBytes(StandardCharsets.ISO_8859_1));
    String path = pick("/api/complaints", "/api/complaints/" + trackingNumber, "/api/complaints/" + trackingNumber
        + "/reply");
    String method = path.equals("/api/complaints/" + trackingNumber) ? "GET" : "POST";
    return request(method, path, header.equals("Content-Type") ? null : "application/json",
        toJson(validComplaint()), Map.of(), extra.toByteArray());
  }

  private byte[] statusLookup() {
    String tn = pick(trackingNumber, "LPR-2026-ZZZZZZ", "%00", "..%2F..%2Fetc", "x".repeat(5000), "%27%20or%201=1--",
        "LPR-" + "9".repeat(30), "%E2%80%AE", "lpr-2026-abcdef");
    return request("GET", "/api/complaints/" + tn, null, new byte[0],
        random.nextBoolean() ? Map.of("Follow-Up-Token", pick("x", token, "")) : Map.of());
  }

  private byte[] supplementOrReply() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("followUpToken", random.nextBoolean() ? token : randomValue());
    body.put(pick("decision", "text", "rating", "comment"), randomValue());
    if (random.nextBoolean()) {
      body.put("rating", pick(1.5, 0, 6, -1, "5", 5, 1e10, true));
    }
    return request("POST", "/api/complaints/" + trackingNumber + pick("/reply", "/supplement"), "application/json",
        toJson(body), Map.of());
  }

  private byte[] brokenMultipart() {
    String type = pick("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=xyz",
        "multipart/form-data; boundary=\"unterminated");
    String body = pick("", "--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n\r\nabc",
        "--xyz--", "garbage", "--xyz\r\n\r\n\r\n--xyz--\r\n");
    return request("POST", "/api/complaints/" + trackingNumber + "/attachments", type,
        body.getBytes(StandardCharsets.ISO_8859_1), random.nextBoolean() ? Map.of("Follow-Up-Token", token) : Map.of());
  }

  private byte[] staffList() {
    String query = pick("page=2147483647&size=200", "page=-1", "size=0", "size=100000", "page=abc", "status=NOPE",
        "page=99999999999999", "size=%00", "page=1&size=1", "status=SUBMITTED");
    return request("GET", "/api/staff/complaints?" + query, null, new byte[0],
        Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes())));
  }

  private byte[] webhook() {
    return request("POST", "/channels/gateway/inbound", pick("application/json", "text/plain"),
        pick("{}", "{\"from\":1}", "not json", "").getBytes(StandardCharsets.UTF_8),
        random.nextBoolean() ? Map.of("X-Lapor-Signature", pick("sha256=00", "md5=1", "")) : Map.of());
  }

  private byte[] open311() {
    if (random.nextBoolean()) {
      String q = pick("start_date=kemarin", "status=open&service_code=%00", "jurisdiction_id=99.99",
          "service_request_id=x", "end_date=2026-13-45T99:00:00Z");
      return request("GET", "/open311/v2/requests." + pick("json", "xml") + "?" + q, null, new byte[0], Map.of());
    }
    String form = pick("api_key=demo-denpasar-open311&jurisdiction_id=51.71&service_code=INFRASTRUKTUR&lat=NaN&long=1"
            + "&description=x", "api_key=salah&service_code=X", "lat=999&long=-999&description=a&email=a",
        "api_key=demo-denpasar-open311&jurisdiction_id=51.71&service_code=NOPE&description=" + "y".repeat(5000),
        "%zz=1");
    return request("POST", "/open311/v2/requests." + pick("json", "xml"), "application/x-www-form-urlencoded",
        form.getBytes(StandardCharsets.ISO_8859_1), Map.of());
  }

  private byte[] badUrls() {
    String path = pick("/api/complaints/%zz", "/api/complaints/%", "/api/complaints/%C0%AF", "/api/%2e%2e/staff",
        "/api/complaints?x=%G1", "/api/nothing-here", "/api/complaints/" + trackingNumber + "/lampiran/1",
        "/channels/unknown", "/api/staff/complaints/%00");
    return request("GET", path, null, new byte[0], Map.of());
  }

  private byte[] otherMethods() {
    return request(pick("PUT", "DELETE", "PATCH", "OPTIONS"), pick("/api/complaints", "/api/complaints/"
        + trackingNumber, "/channels/gateway/inbound"), "application/json", "{}".getBytes(), Map.of());
  }

  // --- helpers --------------------------------------------------------------------------------------

  private Map<String, Object> validComplaint() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("classification", "PENGADUAN");
    body.put("title", "Lampu jalan padam " + random.nextInt(1000));
    body.put("description", "Lampu jalan di depan pasar padam sejak seminggu.");
    body.put("category", "INFRASTRUKTUR");
    body.put("regionCode", "51.06");
    body.put("privacy", "PUBLIC");
    body.put("incidentDate", "2026-11-01");
    body.put("location", new LinkedHashMap<>(Map.of("district", "Susut", "latitude", -8.4, "longitude", 115.35)));
    body.put("complainant", new LinkedHashMap<>(Map.of("name", "Wayan", "email", "wayan@example.org")));
    return body;
  }

  private Object randomValue() {
    return pick(123, 1.5, -1, 0, Long.MAX_VALUE, 1e308, "NaN", "Infinity", "", " ", null, true, List.of(1, 2),
        Map.of("a", 1), "x".repeat(5000), "-999999999-01-01", "+999999999-12-31", "1949-12-31", "2099-01-01",
        "2026-02-30", "51.06", "PENGADUAN", "\u0000\u202e", "<script>alert(1)</script>", "${7*7}", "a@b",
        "+6281234567890", 91.0, -181.0);
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private byte[] toJson(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] request(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    return request(method, path, contentType, body, headers, new byte[0]);
  }

  private byte[] request(String method, String path, String contentType, byte[] body, Map<String, String> headers,
      byte[] rawHeaders) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nConnection: close\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    boolean chunked = body.length > 0 && random.nextInt(4) == 0;
    head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(rawHeaders);
    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (chunked) {
      out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
      out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    } else {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  record Answer(String path, int status, String contentType, byte[] body) {}

  private Answer send(byte[] request) throws IOException {
    String line = new String(request, 0, Math.min(request.length, 6000), StandardCharsets.ISO_8859_1).split("\r\n")[0];
    String path = line.split(" ").length > 1 ? line.split(" ")[1] : "";
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // the server may answer and close before it has read everything
      }
      byte[] response = readAll(socket.getInputStream());
      String text = new String(response, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
      int status = lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : 0;
      String type = "";
      boolean chunked = false;
      for (String h : lines) {
        if (h.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          type = h.substring(13).strip();
        }
        if (h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:") && h.toLowerCase(Locale.ROOT).contains("chunked")) {
          chunked = true;
        }
      }
      byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(response, end + 4, response.length);
      return new Answer(path.replaceFirst("\\?.*", ""), status, type, chunked ? dechunk(body) : body);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (java.net.SocketException e) {
      // reset after the answer: keep what arrived
    }
    return out.toByteArray();
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int lineEnd = indexOf(body, i);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
      i = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i + 1 < b.length; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String printable(byte[] bytes, int max) {
    String s = new String(bytes, 0, Math.min(bytes.length, max), StandardCharsets.ISO_8859_1);
    return s.replaceAll("[\\r\\n]+", " ⏎ ").replaceAll("[^\\x20-\\x7E⏎]", "·");
  }
}
