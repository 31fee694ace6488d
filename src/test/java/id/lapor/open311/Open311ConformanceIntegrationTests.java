package id.lapor.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.support.LaporTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * GeoReport v2 as its specification (wiki.open311.org/GeoReport_v2, and the field names and types of
 * its published JSON and XML schemas) describes it, walked as a client would: discovery, services,
 * service definition, POST request (contact fields optional), GET requests, GET request by id,
 * tokens; errors as lists of {code, description} naming every problem, with the status codes the
 * spec gives (400 bad input, 403 key, 404 unknown service, request, token or jurisdiction).
 */
@LaporTest
class Open311ConformanceIntegrationTests {

  static final String KEY = "demo-denpasar-open311";
  /** The fields of a service request in GET requests (spec: "Response" of GET Service Requests). */
  static final Set<String> REQUEST_FIELDS = Set.of("service_request_id", "status", "status_notes", "service_name",
      "service_code", "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
      "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
  static final Set<String> DATATYPES = Set.of("string", "number", "datetime", "text", "singlevaluelist",
      "multivaluelist");

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;

  private JsonNode getJson(String path) throws Exception {
    ResponseEntity<String> r = http.getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(r.getHeaders().getContentType().toString()).startsWith("application/json");
    return json.readTree(r.getBody());
  }

  private Document getXml(String path) throws Exception {
    ResponseEntity<String> r = http.getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(r.getHeaders().getContentType().toString()).startsWith("text/xml");
    return xml(r.getBody());
  }

  static Document xml(String body) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> children(Node node) {
    List<String> names = new ArrayList<>();
    NodeList list = node.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (list.item(i) instanceof Element e) {
        names.add(e.getTagName());
      }
    }
    return names;
  }

  private static NodeList nodes(Document d, String xpath) throws Exception {
    return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
  }

  private ResponseEntity<String> post(String format, MultiValueMap<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity("/open311/v2/requests." + format, new HttpEntity<>(form, headers), String.class);
  }

  private static MultiValueMap<String, String> form(String... pairs) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private List<String> descriptions(ResponseEntity<String> r, int code) throws Exception {
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(code);
    JsonNode errors = json.readTree(r.getBody());
    assertThat(errors.isArray()).isTrue();
    List<String> found = new ArrayList<>();
    for (JsonNode e : errors) {
      assertThat(e.get("code").isInt()).isTrue();
      assertThat(e.get("code").asInt()).isEqualTo(code);
      found.add(e.get("description").asText());
    }
    return found;
  }

  @Test
  void discoveryServicesAndDefinitionsHaveTheSpecsFieldsAndTypes() throws Exception {
    JsonNode discovery = getJson("/open311/v2/discovery.json");
    assertThat(discovery.get("changeset").asText()).isNotBlank();
    assertThat(discovery.has("contact")).isTrue();
    assertThat(discovery.has("key_service")).isTrue();
    JsonNode endpoint = discovery.get("endpoints").get(0);
    assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(endpoint.get("url").asText()).endsWith("/open311/v2");
    assertThat(endpoint.get("type").asText()).isIn("production", "test");
    assertThat(List.of(endpoint.get("formats").get(0).asText(), endpoint.get("formats").get(1).asText()))
        .containsExactly("text/xml", "application/json");
    Document discoveryXml = getXml("/open311/v2/discovery.xml");
    assertThat(discoveryXml.getDocumentElement().getTagName()).isEqualTo("discovery");
    assertThat(nodes(discoveryXml, "/discovery/endpoints/endpoint/formats/format").getLength()).isEqualTo(2);

    JsonNode services = getJson("/open311/v2/services.json?jurisdiction_id=51.71");
    assertThat(services.size()).isEqualTo(10);
    for (JsonNode s : services) {
      assertThat(s.fieldNames()).toIterable().containsExactlyInAnyOrder("service_code", "service_name", "description",
          "metadata", "type", "keywords", "group");
      assertThat(s.get("metadata").isBoolean()).isTrue();
      assertThat(s.get("type").asText()).isIn("realtime", "batch", "blackbox");
    }
    Document servicesXml = getXml("/open311/v2/services.xml");
    assertThat(servicesXml.getDocumentElement().getTagName()).isEqualTo("services");
    assertThat(children(nodes(servicesXml, "/services/service").item(0))).containsExactly("service_code",
        "service_name", "description", "metadata", "type", "keywords", "group");

    JsonNode definition = getJson("/open311/v2/services/INFRASTRUKTUR.json");
    assertThat(definition.get("service_code").asText()).isEqualTo("INFRASTRUKTUR");
    for (JsonNode a : definition.get("attributes")) {
      assertThat(a.get("variable").isBoolean()).isTrue();
      assertThat(a.get("code").isTextual()).isTrue();
      assertThat(a.get("datatype").asText()).isIn(DATATYPES);
      assertThat(a.get("required").isBoolean()).isTrue();
      assertThat(a.get("order").isInt()).isTrue();
      assertThat(a.has("datatype_description")).isTrue();
      assertThat(a.has("description")).isTrue();
      if (a.get("datatype").asText().endsWith("valuelist")) {
        assertThat(a.get("values").get(0).fieldNames()).toIterable().containsExactly("key", "name");
      }
    }
    Document definitionXml = getXml("/open311/v2/services/INFRASTRUKTUR.xml");
    assertThat(definitionXml.getDocumentElement().getTagName()).isEqualTo("service_definition");
    assertThat(nodes(definitionXml, "/service_definition/attributes/attribute").getLength()).isPositive();
    assertThat(descriptions(http.getForEntity("/open311/v2/services/JALAN.json", String.class), 404))
        .containsExactly("service_code JALAN not found");
  }

  @Test
  void aRequestWithOnlyAnEmailIsPostedFollowedByIdAndTokenAndListed() throws Exception {
    ResponseEntity<String> posted = post("json", form("api_key", KEY, "jurisdiction_id", "51.71",
        "service_code", "INFRASTRUKTUR", "lat", "-8.6705", "long", "115.2126",
        "description", "Jalan berlubang di depan Pasar Badung", "email", "warga.konform@example.org"));
    assertThat(posted.getStatusCode()).as(posted.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = json.readTree(posted.getBody()).get(0);
    assertThat(created.fieldNames()).toIterable().containsExactly("service_request_id", "token", "service_notice",
        "account_id");
    String id = created.get("service_request_id").asText();
    String token = created.get("token").asText();

    JsonNode listed = getJson("/open311/v2/requests.json?service_request_id=" + id);
    JsonNode request = listed.get(0);
    assertThat(request.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(REQUEST_FIELDS);
    assertThat(request.get("status").asText()).isIn("open", "closed");
    assertThat(request.get("lat").isNumber()).isTrue();
    assertThat(request.get("long").isNumber()).isTrue();
    OffsetDateTime.parse(request.get("requested_datetime").asText());
    OffsetDateTime.parse(request.get("updated_datetime").asText());
    OffsetDateTime.parse(request.get("expected_datetime").asText());
    assertThat(request.toString()).as("anonymous to the public: no contact").doesNotContain("warga.konform");

    Document one = getXml("/open311/v2/requests/" + id + ".xml");
    assertThat(one.getDocumentElement().getTagName()).isEqualTo("service_requests");
    assertThat(children(nodes(one, "/service_requests/request").item(0))).containsExactlyInAnyOrderElementsOf(
        REQUEST_FIELDS);
    JsonNode byToken = getJson("/open311/v2/tokens/" + token + ".json").get(0);
    assertThat(byToken.get("service_request_id").asText()).isEqualTo(id);
    assertThat(byToken.get("token").asText()).isEqualTo(token);
    assertThat(getJson("/open311/v2/requests.json?jurisdiction_id=51.71&status=open").findValuesAsText(
        "service_request_id")).contains(id);
  }

  @Test
  void errorsNameEveryProblemWithTheSpecsStatusCodes() throws Exception {
    assertThat(descriptions(post("json", form("api_key", KEY, "jurisdiction_id", "51.71",
        "service_code", "INFRASTRUKTUR")), 400)).containsExactlyInAnyOrder(
        "lat and long, address_string or address_id is required", "description is required");
    assertThat(descriptions(post("json", form("api_key", KEY, "jurisdiction_id", "51.71", "service_code", "JALAN",
        "description", "x", "address_string", "Denpasar")), 404)).containsExactly("service_code JALAN not found");
    assertThat(descriptions(post("json", form("api_key", KEY, "jurisdiction_id", "99.99", "service_code",
        "INFRASTRUKTUR", "description", "x", "address_string", "Denpasar")), 404))
        .containsExactly("jurisdiction_id 99.99 not found");
    assertThat(descriptions(post("json", form("api_key", KEY, "jurisdiction_id", "51.71", "service_code",
        "INFRASTRUKTUR", "description", "Jalan rusak", "lat", "NaN", "long", "200")), 400)).containsExactlyInAnyOrder(
        "lat must be a number between -90 and 90", "long must be a number between -180 and 180");
    assertThat(descriptions(post("json", form("api_key", KEY, "jurisdiction_id", "51.71", "service_code",
        "INFRASTRUKTUR", "description", "Jalan rusak", "lat", "-8.67")), 400))
        .containsExactly("long is required with lat");
    assertThat(descriptions(post("json", form("api_key", "salah", "jurisdiction_id", "51.71", "service_code",
        "INFRASTRUKTUR", "description", "Jalan rusak", "address_string", "Denpasar")), 403))
        .containsExactly("api_key is missing, unknown or revoked");
    assertThat(descriptions(http.getForEntity("/open311/v2/requests/LPR-2026-TIDAKADA.json", String.class), 404))
        .hasSize(1);
    assertThat(descriptions(http.getForEntity("/open311/v2/tokens/tidak-ada.json", String.class), 404)).hasSize(1);
    assertThat(descriptions(http.getForEntity("/open311/v2/requests.json?service_code=JALAN", String.class), 404))
        .containsExactly("service_code JALAN not found");
    Document xmlErrors = xml(post("xml", form("jurisdiction_id", "51.71")).getBody());
    assertThat(nodes(xmlErrors, "/errors/error").getLength()).as("every problem, in XML too").isGreaterThan(1);
  }
}
