package id.lapor.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.complaint.Channel;
import id.lapor.complaint.Complaint;
import id.lapor.complaint.Complaints;
import id.lapor.complaint.Location;
import id.lapor.complaint.NewComplaint;
import id.lapor.complaint.Privacy;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.w3c.dom.Document;

/** GeoReport v2 as another government app (Kota Denpasar's) uses it, checked against the spec's shapes. */
@LaporTest
class Open311IntegrationTests {

  static final String DENPASAR_KEY = "demo-denpasar-open311";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired Complaints complaints;
  @Autowired ComplaintIntake intake;
  @Autowired TransactionTemplate transactions;

  @Test
  void servicesAreTheCategoriesInXmlAndJson() throws Exception {
    ResponseEntity<String> xml = http.getForEntity("/open311/v2/services.xml?jurisdiction_id=51.71", String.class);
    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xml.getHeaders().getContentType().toString()).isEqualTo("text/xml;charset=UTF-8");
    assertThat(xml.getBody()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><services><service>");
    Document services = xml(xml.getBody());
    assertThat(text(services, "count(/services/service)")).isEqualTo("10");
    assertThat(text(services, "/services/service[service_code='INFRASTRUKTUR']/service_name")).isEqualTo("Infrastruktur dan jalan");
    assertThat(text(services, "/services/service[1]/type")).isEqualTo("realtime");
    assertThat(text(services, "/services/service[1]/metadata")).isEqualTo("true");

    JsonNode list = json.readTree(http.getForObject("/open311/v2/services.json", String.class));
    assertThat(list.isArray()).isTrue();
    assertThat(list.get(0).fieldNames()).toIterable()
        .containsExactly("service_code", "service_name", "description", "metadata", "type", "keywords", "group");

    Document definition = xml(http.getForObject("/open311/v2/services/KESEHATAN.xml", String.class));
    assertThat(text(definition, "/service_definition/service_code")).isEqualTo("KESEHATAN");
    assertThat(text(definition, "/service_definition/attributes/attribute[code='privacy']/values/value[3]/key"))
        .isEqualTo("CONFIDENTIAL");
    JsonNode definitionJson = json.readTree(http.getForObject("/open311/v2/services/KESEHATAN.json", String.class));
    assertThat(definitionJson.at("/attributes/1/datatype").asText()).isEqualTo("singlevaluelist");

    assertError(http.getForEntity("/open311/v2/services/SIHIR.xml", String.class), 404, "service_code SIHIR not found");
    assertError(http.getForEntity("/open311/v2/services.xml?jurisdiction_id=99.99", String.class), 404,
        "jurisdiction_id 99.99 not found");
  }

  @Test
  void kotaDenpasarsAppPostsARequestThatBecomesAComplaintAndCanBeFollowed() throws Exception {
    MultiValueMap<String, String> form = request("51.71");
    form.add("first_name", "Ketut");
    form.add("last_name", "Pelapor");
    form.add("email", "ketut.open311@example.org");
    form.add("attribute[title]", "Jalan berlubang di Jl. Gatot Subroto");
    ResponseEntity<String> created = post("/open311/v2/requests.json", form);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = json.readTree(created.getBody());
    assertThat(answer.isArray()).isTrue();
    assertThat(answer.get(0).fieldNames()).toIterable()
        .containsExactly("service_request_id", "token", "service_notice", "account_id");
    String id = answer.get(0).get("service_request_id").asText();
    assertThat(answer.get(0).get("service_notice").asText()).contains("Kota Denpasar", "WITA");

    Complaint complaint = transactions.execute(s -> {
      Complaint c = complaints.getByTrackingNumber(id);
      c.getComplainant().orElseThrow().getEmail();
      return c;
    });
    assertThat(complaint.getChannel()).isEqualTo(Channel.OPEN311);
    assertThat(complaint.getTitle()).isEqualTo("Jalan berlubang di Jl. Gatot Subroto");
    assertThat(complaint.getAddressedRegionCode()).isEqualTo("51.71");
    assertThat(complaint.getLocation().district()).isEqualTo("Denpasar Barat");

    ResponseEntity<String> one = http.getForEntity("/open311/v2/requests/" + id + ".xml", String.class);
    Document request = xml(one.getBody());
    assertThat(text(request, "/service_requests/request/service_request_id")).isEqualTo(id);
    assertThat(text(request, "/service_requests/request/status")).isEqualTo("open");
    assertThat(text(request, "/service_requests/request/service_code")).isEqualTo("INFRASTRUKTUR");
    assertThat(text(request, "/service_requests/request/agency_responsible")).isEqualTo("Kota Denpasar");
    assertThat(text(request, "/service_requests/request/requested_datetime")).endsWith("+08:00");
    assertThat(text(request, "/service_requests/request/lat")).isEqualTo("-8.6705");
    assertThat(one.getBody()).doesNotContain("Ketut", "example.org");

    JsonNode token = json.readTree(http.getForObject("/open311/v2/tokens/" + answer.get(0).get("token").asText()
        + ".json", String.class));
    assertThat(token.get(0).get("service_request_id").asText()).isEqualTo(id);
    assertError(http.getForEntity("/open311/v2/tokens/nope.json", String.class), 404, "token nope not found");

    JsonNode listed = json.readTree(http.getForObject("/open311/v2/requests.json?jurisdiction_id=51.71"
        + "&service_code=INFRASTRUKTUR&status=open", String.class));
    assertThat(listed.findValuesAsText("service_request_id")).contains(id);
    JsonNode closed = json.readTree(http.getForObject("/open311/v2/requests.json?jurisdiction_id=51.71&status=closed",
        String.class));
    assertThat(closed.findValuesAsText("service_request_id")).doesNotContain(id);
    JsonNode byId = json.readTree(http.getForObject("/open311/v2/requests.json?service_request_id=" + id + ",LPR-0000-XXXXXX",
        String.class));
    assertThat(byId.findValuesAsText("service_request_id")).containsExactly(id);
  }

  @Test
  void confidentialComplaintsNeverAppear() throws Exception {
    NewComplaint base = ComplaintFixtures.complaint("51.71", Privacy.CONFIDENTIAL);
    String secret = intake.submit(new NewComplaint(base.classification(), base.title(), base.description(),
        base.category(), base.incidentDate(), new Location("51.71", "Denpasar Timur", null, null), base.channel(),
        base.privacy(), base.complainant())).trackingNumber();
    assertError(http.getForEntity("/open311/v2/requests/" + secret + ".json", String.class), 404,
        "service_request_id " + secret + " not found");
    assertThat(http.getForObject("/open311/v2/requests.json?jurisdiction_id=51.71", String.class)).doesNotContain(secret);
    assertThat(http.getForObject("/open311/v2/requests.xml?service_request_id=" + secret, String.class))
        .doesNotContain(secret);
  }

  @Test
  void errorsAreListsOfCodeAndDescriptionInTheRequestedFormat() throws Exception {
    MultiValueMap<String, String> noKey = request("51.71");
    noKey.remove("api_key");
    assertError(post("/open311/v2/requests.xml", noKey), 403, "api_key is missing, unknown or revoked");

    assertError(post("/open311/v2/requests.json", request("51.06")), 403,
        "this api_key may not post for jurisdiction_id 51.06");

    MultiValueMap<String, String> noService = request("51.71");
    noService.remove("service_code");
    assertError(post("/open311/v2/requests.json", noService), 400, "service_code is required");

    MultiValueMap<String, String> nowhere = request("51.71");
    nowhere.remove("lat");
    nowhere.remove("long");
    nowhere.remove("address_string");
    assertError(post("/open311/v2/requests.xml", nowhere), 400, "lat and long, address_string or address_id is required");

    MultiValueMap<String, String> invalid = request("51.71");
    invalid.remove("description");
    invalid.add("attribute[privacy]", "RAHASIA");
    invalid.add("email", "bukan-email");
    ResponseEntity<String> refused = post("/open311/v2/requests.json", invalid);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode errors = json.readTree(refused.getBody());
    assertThat(errors.findValuesAsText("description")).contains("description is required",
        "attribute[privacy] must be one of PUBLIC, ANONYMOUS, CONFIDENTIAL", "email is not an email address");
    assertThat(errors.findValuesAsText("code")).containsOnly("400");

    assertError(http.getForEntity("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
        String.class), 400, "start_date to end_date may span at most 90 days");
    assertError(http.getForEntity("/open311/v2/requests.xml?start_date=kemarin", String.class), 400,
        "start_date must be an ISO 8601 date and time with a time zone, e.g. 2026-11-01T00:00:00+08:00");
  }

  @Test
  void operatorsIssueListAndRevokeKeysWhichAreStoredOnlyAsHashes() throws Exception {
    TestRestTemplate operator = http.withBasicAuth("demo", "demo");
    ResponseEntity<String> issued = operator.postForEntity("/api/staff/open311/keys",
        jsonBody("{\"institutionCode\":\"51.06\",\"name\":\"Aplikasi Bangli Mengadu\"}"), String.class);
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode key = json.readTree(issued.getBody());
    String apiKey = key.get("apiKey").asText();
    assertThat(apiKey).startsWith("o311_").hasSizeGreaterThan(30);

    String listed = operator.getForObject("/api/staff/open311/keys", String.class);
    assertThat(listed).contains("Aplikasi Bangli Mengadu").doesNotContain(apiKey);
    assertThat(http.withBasicAuth("admin.bangli", "demo").getForEntity("/api/staff/open311/keys", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    MultiValueMap<String, String> form = request("51.06");
    form.set("api_key", apiKey);
    form.set("address_string", "Kintamani");
    assertThat(post("/open311/v2/requests.json", form).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    assertThat(operator.exchange("/api/staff/open311/keys/" + key.get("id").asLong(), HttpMethod.DELETE, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertError(post("/open311/v2/requests.json", form), 403, "api_key is missing, unknown or revoked");
  }

  private static MultiValueMap<String, String> request(String jurisdiction) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("api_key", DENPASAR_KEY);
    form.add("jurisdiction_id", jurisdiction);
    form.add("service_code", "INFRASTRUKTUR");
    form.add("lat", "-8.6705");
    form.add("long", "115.2126");
    form.add("address_string", "Denpasar Barat");
    form.add("description", "Jalan berlubang sedalam 20 cm di depan pasar, sudah dua motor jatuh minggu ini.");
    return form;
  }

  private ResponseEntity<String> post(String path, MultiValueMap<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  private static HttpEntity<String> jsonBody(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private void assertError(ResponseEntity<String> response, int code, String description) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(code);
    String body = response.getBody();
    if (body.startsWith("<?xml")) {
      Document errors = xml(body);
      assertThat(text(errors, "/errors/error[1]/code")).isEqualTo(String.valueOf(code));
      assertThat(text(errors, "/errors/error[1]/description")).isEqualTo(description);
    } else {
      JsonNode errors = json.readTree(body);
      assertThat(errors.get(0).get("code").asInt()).isEqualTo(code);
      assertThat(errors.get(0).get("description").asText()).isEqualTo(description);
    }
  }

  private static Document xml(String body) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Document document, String xpath) throws Exception {
    return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
  }
}
