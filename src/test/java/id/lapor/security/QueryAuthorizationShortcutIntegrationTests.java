package id.lapor.security;

import static id.lapor.support.ComplaintFixtures.BANGLI;
import static id.lapor.support.ComplaintFixtures.BANGLI_DINKES;
import static id.lapor.support.ComplaintFixtures.BANYUWANGI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.casework.ComplaintTasks;
import id.lapor.casework.ProcessVariables;
import id.lapor.intake.ComplaintIntake;
import id.lapor.support.Casework;
import id.lapor.support.ComplaintFixtures;
import id.lapor.support.LaporTest;
import id.lapor.support.StaffBrowser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The authorization checks left out because the caller holds the permission on every resource
 * ({@link GrantedOnAnyQueries}) change nothing anyone sees: every list and count Tasklist and Cockpit
 * ask for is the same, row for row, with the shortcut and with Camunda's full checks, for every kind of
 * role — and the shortcut does apply where it should, and nowhere else.
 */
@LaporTest
class QueryAuthorizationShortcutIntegrationTests {

  static final String ENGINE = "/camunda/api/engine/engine/default";
  static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default";

  @LocalServerPort int port;
  @Autowired QueryAuthorizationShortcut shortcut;
  @Autowired ComplaintIntake intake;
  @Autowired Casework casework;
  @Autowired RepositoryService repository;
  @Autowired ObjectMapper json;
  @Autowired org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine;

  @BeforeEach
  void complaintsInSeveralStates() {
    for (int i = 0; i < 2; i++) {
      intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI));
      intake.submit(ComplaintFixtures.aPublicComplaintIn(BANYUWANGI));
    }
    String atOpd = intake.submit(ComplaintFixtures.aPublicComplaintIn(BANGLI)).trackingNumber();
    casework.complete(atOpd, ComplaintTasks.VERIFY_COMPLAINT, "admin.bangli", Map.of(
        ProcessVariables.VERIFICATION_DECISION, "FORWARD", ProcessVariables.OPD_CODE, BANGLI_DINKES));
  }

  @AfterEach
  void shortcutOn() {
    shortcut.interceptor().setEnabled(true);
  }

  @Test
  void everyRoleSeesTheSameWithAndWithoutTheShortcut() throws Exception {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("ComplaintHandling")
        .withoutTenantId().latestVersion().singleResult().getId();
    Map<String, Long> skippedBy = new LinkedHashMap<>();
    Map<String, Long> skippedInCockpitBy = new LinkedHashMap<>();
    for (String user : List.of("supervisor.bali", "admin.nasional", "admin.bangli", "bupati.banyuwangi",
        "penghubung.bangli.dinkes", "petugas.bangli.dinkes", "perancang")) {
      StaffBrowser browser = StaffBrowser.loggedIn(port, user);
      long before = shortcut.interceptor().skipped();
      browser.camunda("GET", ENGINE + "/task/count", null);
      skippedBy.put(user, shortcut.interceptor().skipped() - before);
      // Cockpit's own plugin queries run in its own MyBatis session: the interceptor is installed there too
      before = shortcut.interceptor().skipped();
      browser.camunda("POST", COCKPIT + "/process-instance/count", "{\"processDefinitionId\":\"" + definition + "\"}");
      skippedInCockpitBy.put(user, shortcut.interceptor().skipped() - before);
      Map<String, TreeSet<String>> with = views(browser, definition);
      shortcut.interceptor().setEnabled(false);
      Map<String, TreeSet<String>> without = views(browser, definition);
      shortcut.interceptor().setEnabled(true);
      assertThat(with).as("what %s sees with the shortcut and with Camunda's full checks", user)
          .isEqualTo(without);
      if (user.equals("admin.bangli")) {
        assertThat(with.get("tasks")).as("the regency admin's tasks are listed").isNotEmpty();
        assertThat(with.get("cockpit instances")).as("and their instances").isNotEmpty();
      }
    }
    // whoever reads every complaint of their tenants (on every process definition) counts tasks without the join ...
    assertThat(skippedBy.get("supervisor.bali")).isPositive();
    assertThat(skippedBy.get("admin.nasional")).isPositive();
    assertThat(skippedBy.get("admin.bangli")).isPositive();
    assertThat(skippedInCockpitBy.get("supervisor.bali")).as("in Cockpit's instance count").isPositive();
    assertThat(skippedInCockpitBy.get("perancang")).as("who reads no instances keeps the check").isZero();
    // ... an OPD's check can exclude tasks (it sees its own only), so it runs (their READ on every process
    // definition, for the definitions' names, still skips the check of the definition list)
    assertThat(skippedBy.get("petugas.bangli.dinkes")).isZero();
    assertThat(skippedBy.get("penghubung.bangli.dinkes")).isZero();
  }

  @Test
  void theEnginesChecksUseTheGroupsAsAuthenticated() {
    var manager = engine.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(GroupsAsAuthenticated.class);
    // a group that holds no authorization stays in the checks (it matches no row); Camunda dropped it
    assertThat(manager.filterAuthenticatedGroupIds(java.util.List.of("regency-admins-51.06", "no-such-group",
        "regency-admins-51.06"))).containsExactly("regency-admins-51.06", "no-such-group");
  }

  /** The ids (or counts) each Tasklist and Cockpit call answers. */
  private Map<String, TreeSet<String>> views(StaffBrowser browser, String definition) throws Exception {
    Map<String, TreeSet<String>> views = new LinkedHashMap<>();
    views.put("tasks", ids(browser.camunda("GET", ENGINE + "/task?maxResults=1000", null)));
    views.put("task count", count(browser.camunda("GET", ENGINE + "/task/count", null)));
    views.put("instances", ids(browser.camunda("POST", ENGINE + "/process-instance?maxResults=1000", "{}")));
    views.put("instance count", count(browser.camunda("POST", ENGINE + "/process-instance/count", "{}")));
    views.put("cockpit instances", ids(browser.camunda("POST", COCKPIT + "/process-instance?maxResults=1000",
        "{\"processDefinitionId\":\"" + definition + "\"}")));
    views.put("cockpit instance count", count(browser.camunda("POST", COCKPIT + "/process-instance/count",
        "{\"processDefinitionId\":\"" + definition + "\"}")));
    views.put("activity statistics", raw(browser.camunda("GET", ENGINE + "/process-definition/" + definition
        + "/statistics", null)));
    views.put("history", ids(browser.camunda("GET", ENGINE + "/history/process-instance?maxResults=1000", null)));
    views.put("variables", ids(browser.camunda("GET", ENGINE + "/variable-instance?maxResults=1000", null)));
    views.put("definitions", ids(browser.camunda("GET", ENGINE + "/process-definition", null)));
    return views;
  }

  private TreeSet<String> ids(HttpResponse<String> response) throws Exception {
    TreeSet<String> ids = new TreeSet<>();
    if (response.statusCode() != 200) {
      ids.add("HTTP " + response.statusCode());
      return ids;
    }
    for (JsonNode item : json.readTree(response.body())) {
      ids.add(item.get("id").asText());
    }
    return ids;
  }

  private TreeSet<String> count(HttpResponse<String> response) throws Exception {
    return new TreeSet<>(List.of(response.statusCode() != 200 ? "HTTP " + response.statusCode()
        : json.readTree(response.body()).get("count").asText()));
  }

  private TreeSet<String> raw(HttpResponse<String> response) throws Exception {
    List<String> items = new ArrayList<>();
    if (response.statusCode() == 200) {
      json.readTree(response.body()).forEach(n -> items.add(n.toString()));
    } else {
      items.add("HTTP " + response.statusCode());
    }
    return new TreeSet<>(items);
  }
}
