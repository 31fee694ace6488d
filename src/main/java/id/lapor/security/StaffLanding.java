package id.lapor.security;

import id.lapor.institutions.InstitutionGroups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a member of staff goes after logging in: back to the page they opened while logged out,
 * with its in-page address ({@code #/pengaduan}, {@code #/?task=…}, which the browser never sends to
 * the server: the login form carries it along), else where their role works — operators in Admin,
 * province supervisors on Cockpit's "Pengaduan" page, process designers at Cockpit's processes, and
 * everyone who handles complaints in Tasklist, which opens their first filter ("Pengaduan untuk
 * kelompok saya").
 */
class StaffLanding implements AuthenticationSuccessHandler {

  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String SUPERVISION = "/camunda/app/cockpit/default/#/pengaduan";
  static final String PROCESSES = "/camunda/app/cockpit/default/#/processes";
  static final String ADMIN = "/camunda/app/admin/default/";

  /** An Angular route of the webapps: a path and query of plain characters, nothing that could leave the page. */
  private static final Pattern ROUTE = Pattern.compile("#/[A-Za-z0-9_\\-./?=&%:,]{0,300}");

  private final RequestCache requests = new HttpSessionRequestCache();

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException {
    SavedRequest saved = requests.getRequest(request, response);
    requests.removeRequest(request, response);
    String target = saved != null && isPage(saved, request)
        ? saved.getRedirectUrl() + route(request.getParameter("fragment"), saved.getRedirectUrl())
        : request.getContextPath() + landing(authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
    response.sendRedirect(target);
  }

  /** The work place of someone with these groups. */
  static String landing(Set<String> groups) {
    if (groups.contains(InstitutionGroups.CAMUNDA_ADMIN)) {
      return ADMIN;
    }
    if (groups.stream().anyMatch(InstitutionGroups::isProvinceSupervisors)) {
      return SUPERVISION;
    }
    if (groups.contains(InstitutionGroups.PROCESS_DESIGNERS)) {
      return PROCESSES;
    }
    return TASKLIST;
  }

  /** A page worth going back to: a GET of a page, not of a script, style or API answer. */
  private static boolean isPage(SavedRequest saved, HttpServletRequest request) {
    String url = saved.getRedirectUrl();
    String path = java.net.URI.create(url).getPath().substring(request.getContextPath().length());
    return "GET".equals(saved.getMethod()) && !path.startsWith("/api/") && !path.startsWith("/camunda/api/")
        && !path.startsWith("/actuator/") && !path.matches(".*\\.(js|css|json|png|svg|ico|woff2?)$");
  }

  /** The in-page route to append to a webapp's address, when it is one. */
  static String route(String fragment, String url) {
    return fragment != null && ROUTE.matcher(fragment).matches() && url.contains("/camunda/app/") && !url.contains("#")
        ? fragment : "";
  }
}
