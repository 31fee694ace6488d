package id.lapor.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.institutions.InstitutionGroups;
import id.lapor.web.ReadBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * What staff may do through Camunda's REST API: {@code /engine-rest} (Camunda Modeler, scripts) and
 * the webapps' own copy of it under {@code /camunda/api/engine/engine/<engine>} (Tasklist, Cockpit).
 * The engine's authorizations and tenants decide what a user may read; this filter narrows what a
 * user may change, by an allow-list, because the engine's permissions are coarse: the users of a task
 * may, through its REST resource, write any process variable, throw BPMN errors and add comments.
 *
 * <p>Operators ({@code camunda-admin}) pass unchanged. Everyone else may
 * <ul>
 *   <li>read (GET, and the POST queries Tasklist and Cockpit use);
 *   <li>claim and unclaim tasks, submit a task's form ({@code submit-form}: only the form's fields,
 *       checked by the engine plugin {@code ComplaintFormsPlugin}), complete a task without variables;
 *   <li>comment on a task they may work on (its assignee, or a candidate user or group of it);
 *   <li>manage their own Tasklist filters; process designers deploy (checked by the models' deployment
 *       rules).
 * </ul>
 * Anything else, notably writing task or process variables, {@code bpmnError}/{@code bpmnEscalation},
 * messages, signals, modifications, identity links and task updates, answers {@code 403}. A request
 * on a task, process instance or execution the caller cannot see answers {@code 404} with exactly
 * the body an unknown id gets, so that nobody learns that another regency's complaint exists.
 */
class EngineRestGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineRestGuard.class);

  /** The two mounts of the engine's REST resources; group 2 is the resource path. */
  static final Pattern MOUNT = Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)?$");

  /** Resources addressed by id whose visibility is checked for the caller before anything else. */
  private static final Pattern BY_ID = Pattern.compile("^(task|process-instance|execution)/([^/]+)(/.*)?$");

  /** Path segments after {@code task/}, {@code process-instance/} … that are not ids. */
  private static final Set<String> NOT_IDS = Set.of("count", "create", "report", "delete", "suspended",
      "job-retries", "variables", "message-async", "delete-historic-query-based", "job-retries-historic-query-based",
      "variables-async", "correlation", "set-removal-time", "history", "correlate");

  /** POST requests that only query (Tasklist and Cockpit send their queries as POST bodies). */
  private static final Pattern QUERY = Pattern.compile("^(history/)?(task|process-instance|execution|variable-instance"
      + "|incident|job|job-definition|external-task|activity-instance|process-definition|decision-definition"
      + "|decision-instance|deployment|case-instance|case-execution|case-definition|detail|identity-link-log|job-log"
      + "|external-task-log|user-operation|decision-requirements-definition|batch)(/count)?$"
      + "|^filter/[^/]+/(list|count|singleResult)$");

  /** Writes on a task that its users may make; the engine checks that they may work on it. */
  private static final Pattern TASK_WORK = Pattern.compile("^task/[^/]+/(claim|unclaim|submit-form|complete)$");
  private static final Pattern TASK_COMMENT = Pattern.compile("^task/([^/]+)/comment/create$");
  /** A user's own Tasklist filters; the engine's FILTER permissions decide. */
  private static final Pattern FILTERS = Pattern.compile("^filter(/create|/[^/]+)$");
  private static final Pattern DEPLOY = Pattern.compile("^deployment/create$");

  private static final int MAX_INSPECTED_BODY = 1 << 20;

  private final IdentityService identityService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ObjectMapper json;
  private final UrlPathHelper paths = new UrlPathHelper();

  EngineRestGuard(IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
      ObjectMapper json) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.json = json;
    paths.setUrlDecode(true);
    paths.setRemoveSemicolonContent(true);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !MOUNT.matcher(paths.getPathWithinApplication(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (groups.contains(InstitutionGroups.CAMUNDA_ADMIN)) {
      chain.doFilter(request, response);
      return;
    }
    Matcher mount = MOUNT.matcher(paths.getPathWithinApplication(request));
    mount.matches();
    String path = mount.group(2) == null ? "" : mount.group(2).replaceAll("^/+|/+$", "");
    Caller caller = new Caller(auth.getName(), groups);

    Matcher byId = BY_ID.matcher(path);
    if (byId.matches() && !NOT_IDS.contains(byId.group(2)) && !visible(caller, byId.group(1), byId.group(2))) {
      notFound(response, byId.group(1), byId.group(2));
      return;
    }
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
        || (method.equals("POST") && QUERY.matcher(path).matches())) {
      chain.doFilter(request, response);
      return;
    }
    Decision decision = decide(caller, method, path, request);
    if (decision.refusal() != null) {
      log.warn("Refused {} {} for {}: {}", method, request.getRequestURI(), caller.user(), decision.refusal());
      forbidden(response, decision.refusal());
      return;
    }
    chain.doFilter(decision.request(), response);
  }

  private Decision decide(Caller caller, String method, String path, HttpServletRequest request) throws IOException {
    if (method.equals("POST") && TASK_WORK.matcher(path).matches()) {
      if (!path.endsWith("/complete")) {
        return Decision.allow(request);
      }
      // complete carries no variables: decisions and texts come only through the task's form
      var read = ReadBodyRequest.read(request, MAX_INSPECTED_BODY);
      if (read.isEmpty()) {
        return Decision.refuse("the request body is too large");
      }
      ReadBodyRequest buffered = read.get();
      return hasVariables(buffered.body())
          ? Decision.refuse("a task's decision is taken through its form (submit-form), not with variables on complete")
          : Decision.allow(buffered);
    }
    Matcher comment = TASK_COMMENT.matcher(path);
    if (method.equals("POST") && comment.matches()) {
      return worksOn(caller, comment.group(1)) ? Decision.allow(request)
          : Decision.refuse("only the people who work on a task may comment on it");
    }
    if (FILTERS.matcher(path).matches()) {
      return Decision.allow(request);
    }
    if (method.equals("POST") && DEPLOY.matcher(path).matches()
        && caller.groups().contains(InstitutionGroups.PROCESS_DESIGNERS)) {
      return Decision.allow(request);
    }
    return Decision.refuse("staff may not " + method + " " + path + " through the engine's REST API");
  }

  private boolean hasVariables(byte[] body) {
    if (body.length == 0) {
      return false;
    }
    try {
      JsonNode node = json.readTree(body);
      JsonNode variables = node == null ? null : node.get("variables");
      return variables != null && !variables.isNull() && !variables.isEmpty();
    } catch (IOException e) {
      return true;
    }
  }

  /** Whether the caller can see the resource, asked the engine as the caller (authorizations, tenants). */
  private boolean visible(Caller caller, String resource, String id) {
    return asCaller(caller, () -> switch (resource) {
      case "task" -> taskService.createTaskQuery().taskId(id).count() > 0;
      case "process-instance" -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0;
      default -> runtimeService.createExecutionQuery().executionId(id).count() > 0;
    });
  }

  /** The task's assignee, a candidate user, or a member of a candidate group. */
  private boolean worksOn(Caller caller, String taskId) {
    return asCaller(caller, () -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return false;
      }
      if (caller.user().equals(task.getAssignee())) {
        return true;
      }
      for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())
            && (caller.user().equals(link.getUserId()) || caller.groups().contains(link.getGroupId()))) {
          return true;
        }
      }
      return false;
    });
  }

  private <T> T asCaller(Caller caller, Supplier<T> query) {
    Authentication previous = identityService.getCurrentAuthentication();
    List<String> tenants = identityService.createTenantQuery().userMember(caller.user()).includingGroupsOfUser(true)
        .list().stream().map(Tenant::getId).toList();
    identityService.setAuthentication(caller.user(), caller.groups(), tenants);
    try {
      return query.get();
    } finally {
      if (previous != null) {
        identityService.setAuthentication(previous);
      } else {
        identityService.clearAuthentication();
      }
    }
  }

  /** The same answer whether the id is unknown or belongs to someone the caller may not see. */
  static void notFound(HttpServletResponse response, String resource, String id) throws IOException {
    write(response, HttpServletResponse.SC_NOT_FOUND, Map.of("type", "InvalidRequestException",
        "message", "No " + resource.replace('-', ' ') + " with id " + id));
  }

  private void forbidden(HttpServletResponse response, String reason) throws IOException {
    write(response, HttpServletResponse.SC_FORBIDDEN, Map.of("type", "AuthorizationException", "message", reason));
  }

  private static void write(HttpServletResponse response, int status, Map<String, String> body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(new ObjectMapper().writeValueAsString(body));
  }

  private record Caller(String user, List<String> groups) {}

  private record Decision(HttpServletRequest request, String refusal) {
    static Decision allow(HttpServletRequest request) {
      return new Decision(request, null);
    }

    static Decision refuse(String reason) {
      return new Decision(null, reason);
    }
  }
}
