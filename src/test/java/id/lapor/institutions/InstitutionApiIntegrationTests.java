package id.lapor.institutions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.support.LaporTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Operators register institutions; the groups and tenant complaints need come with them. */
@LaporTest
class InstitutionApiIntegrationTests {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identityService;

  @Test
  void registersARegencyWithItsGroupsAndTenantThenItsOpd() throws Exception {
    ResponseEntity<String> regency = post("demo", """
        {"code":"51.99","name":"Kab. Contoh","kind":"REGENCY","parentCode":"51","timeZone":"Asia/Makassar"}""");
    assertThat(regency.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(regency.getHeaders().getLocation()).hasToString("/api/staff/institutions/51.99");
    assertThat(identityService.createGroupQuery().groupId("regency-admins-51.99").count()).isEqualTo(1);
    assertThat(identityService.createTenantQuery().tenantId("51.99").groupMember("province-supervisors-51").count())
        .as("Bali's supervisors see the new regency").isEqualTo(1);

    ResponseEntity<String> opd = post("demo", """
        {"code":"51.99.dinkes","name":"Dinas Kesehatan Kab. Contoh","kind":"OPD","parentCode":"51.99",
         "timeZone":"Asia/Makassar"}""");
    assertThat(opd.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(opd.getBody()).get("groups").toString())
        .contains("opd-liaisons-51.99.dinkes", "opd-officers-51.99.dinkes");
    assertThat(identityService.createTenantQuery().tenantId("51.99").groupMember("opd-officers-51.99.dinkes")
        .count()).isEqualTo(1);

    JsonNode children = json.readTree(http.withBasicAuth("admin.bangli", "demo")
        .getForEntity("/api/staff/institutions?parentCode=51.99", String.class).getBody());
    assertThat(children.findValuesAsText("code")).containsExactly("51.99.dinkes");
    assertThat(post("demo", """
        {"code":"51.99","name":"Lagi","kind":"REGENCY","parentCode":"51","timeZone":"Asia/Makassar"}""")
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void refusesBadRegistrationsNamingEveryFieldAndLetsOnlyOperatorsRegister() throws Exception {
    ResponseEntity<String> bad = post("demo", """
        {"code":"bad code!","name":"","kind":"DISTRICT","timeZone":"Mars/Olympus"}""");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("code", "name", "kind", "timeZone");
    ResponseEntity<String> orphan = post("demo", """
        {"code":"51.98.dinkes","name":"Dinas tanpa kabupaten","kind":"OPD","parentCode":"51.98","timeZone":"Asia/Makassar"}""");
    assertThat(orphan.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(orphan.getBody()).contains("parentCode");
    ResponseEntity<String> wrongLevel = post("demo", """
        {"code":"51.97","name":"Kab. Salah","kind":"REGENCY","parentCode":"51.06","timeZone":"Asia/Makassar"}""");
    assertThat(wrongLevel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("admin.bangli", """
        {"code":"51.96","name":"Kab. X","kind":"REGENCY","parentCode":"51","timeZone":"Asia/Makassar"}""")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity("/api/staff/institutions", new HttpEntity<>(body, headers),
        String.class);
  }
}
