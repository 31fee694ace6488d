package id.lapor.security;

import id.lapor.institutions.InstitutionGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Which doors need a login, all checked against Camunda's identity store (users, groups,
 * tenants). {@code /engine-rest} (Camunda's REST API) needs HTTP Basic, and deploying through it is
 * for process designers; browsers log in once on {@code /login} (form login, session) for the
 * webapps under {@code /camunda}, which receive the login through Camunda's container-based
 * authentication, and for the staff pages; {@code /api/staff} takes that session or HTTP Basic
 * (changing holidays, migrations, institutions: operators); the citizen API {@code /api/complaints}
 * is public (writes need the follow-up token); actuator endpoints other than health are for
 * operators. Camunda locks an account after repeated wrong passwords (see application.yml).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String REALM = "SP4N-LAPOR";

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService) throws Exception {
    // Jersey serves /engine-rest outside Spring MVC: match the raw path, not MVC mappings.
    var paths = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(paths.matcher("/engine-rest/**"))
        .authorizeHttpRequests(a -> a
            // deploying (from Camunda Modeler) is for process designers, and checked before it is accepted
            // (models.DeploymentRules); removing a deployment, which could take running complaints with it,
            // for operators only
            .requestMatchers(paths.matcher(HttpMethod.POST, "/engine-rest/deployment/create"))
            .hasAuthority(InstitutionGroups.PROCESS_DESIGNERS)
            .requestMatchers(paths.matcher(HttpMethod.POST, "/engine-rest/deployment/**"),
                paths.matcher(HttpMethod.DELETE, "/engine-rest/deployment/**"))
            .hasAuthority(InstitutionGroups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(b -> b.realmName(REALM))
        .authenticationProvider(provider)
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain application(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
      throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    RequestMatcher camundaLogin = paths.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/login/{app}");
    RequestMatcher camundaLogout = paths.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout");
    RequestMatcher camundaApi = paths.matcher("/camunda/api/**");
    // scripts, styles, fonts and translations: a browser keeps them and asks whether they changed (a 304
    // without a body) instead of loading them anew at every page; everything else is never stored
    RequestMatcher staticCode = new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/camunda/assets/**"),
        paths.matcher(HttpMethod.GET, "/camunda/lib/**"), paths.matcher(HttpMethod.GET, "/camunda/app/*/scripts/**"),
        paths.matcher(HttpMethod.GET, "/camunda/app/*/styles/**"), paths.matcher(HttpMethod.GET, "/camunda/app/*/assets/**"),
        paths.matcher(HttpMethod.GET, "/camunda/app/*/locales/**"), paths.matcher(HttpMethod.GET, "/camunda/app/*/*.js"),
        paths.matcher(HttpMethod.GET, "/camunda/app/*/*.css"),
        paths.matcher(HttpMethod.GET, "/camunda/api/*/plugin/*/static/**"), paths.matcher(HttpMethod.GET, "/css/**"),
        paths.matcher(HttpMethod.GET, "/js/**"), paths.matcher(HttpMethod.GET, "/webjars/**"),
        paths.matcher(HttpMethod.GET, "/favicon.svg"));
    return http
        .headers(h -> h.cacheControl(c -> c.disable())
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(staticCode),
                new CacheControlHeadersWriter()))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(staticCode,
                new StaticHeadersWriter(HttpHeaders.CACHE_CONTROL, "no-cache"))))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/actuator/**").hasAuthority(InstitutionGroups.CAMUNDA_ADMIN)
            .requestMatchers("/login", "/css/**", "/error").permitAll()
            // the webapps' static code and the engine list their login view needs
            .requestMatchers(HttpMethod.GET, "/camunda/assets/**", "/camunda/lib/**", "/camunda/app/*/scripts/**",
                "/camunda/app/*/styles/**", "/camunda/app/*/assets/**", "/camunda/api/engine/engine/").permitAll()
            .requestMatchers(camundaLogin).permitAll()
            // Tasklist, Cockpit, Admin and their API: a staff login (then Camunda's authorizations)
            .requestMatchers("/camunda/**").authenticated()
            // the notification outbox names complaints of every region: operators only, reading too
            .requestMatchers("/api/staff/notifications/**", "/api/staff/open311/**", "/api/staff/login-locks/**")
            .hasAuthority(InstitutionGroups.CAMUNDA_ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/staff/**").authenticated()
            .requestMatchers("/api/staff/holidays/**", "/api/staff/process-migrations/**",
                "/api/staff/institutions/**", "/api/staff/privacy/**", "/api/staff/supervision/projection/**")
            .hasAuthority(InstitutionGroups.CAMUNDA_ADMIN)
            .requestMatchers("/api/staff/**").authenticated()
            // staff pages (a complaint as staff read it)
            .requestMatchers("/staff/**").authenticated()
            .anyRequest().permitAll())
        // browsers: one form login for the webapps and the staff pages; REST clients: HTTP Basic
        .formLogin(f -> f.loginPage("/login").successHandler(new StaffLanding()).permitAll()
            .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof LockedException ? "/login?held" : "/login?error"))))
        .httpBasic(b -> b.realmName(REALM))
        .authenticationProvider(provider)
        // the webapps' own login form (shown after a logout inside the page) logs into this session too
        .addFilterBefore(webappLoginBridge(provider, camundaLogin), UsernamePasswordAuthenticationFilter.class)
        .logout(l -> l
            .logoutRequestMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/logout"), camundaLogout))
            .logoutSuccessHandler((request, response, authentication) -> {
              if (camundaLogout.matches(request)) {
                response.setStatus(HttpServletResponse.SC_OK);
              } else {
                response.sendRedirect(request.getContextPath() + "/login?logout");
              }
            }))
        .exceptionHandling(e -> e
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), camundaApi)
            .defaultAuthenticationEntryPointFor(basicEntryPoint(), new OrRequestMatcher(
                paths.matcher("/api/**"), paths.matcher("/actuator/**")))
            // a write without a CSRF token from someone not logged in at all: say that a login is needed
            .accessDeniedHandler((request, response, denied) -> {
              var session = request.getSession(false);
              boolean anonymous = request.getHeader(HttpHeaders.AUTHORIZATION) == null && (session == null
                  || session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null);
              if (anonymous && denied instanceof org.springframework.security.web.csrf.CsrfException
                  && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                basicEntryPoint().commence(request, response,
                    new org.springframework.security.authentication.InsufficientAuthenticationException("login needed"));
              } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
              }
            }))
        // A browser's session cookie alone never changes anything: staff API writes that ride on the
        // session need Spring's CSRF token (X-CSRF-TOKEN header or _csrf field). Scripts and apps that
        // authenticate each request (HTTP Basic, not sent by a page of another site) need none. The public
        // API uses no session; the Camunda webapps bring their own CSRF protection; Open311 carries an
        // api_key, the gateway webhook an HMAC signature.
        .csrf(c -> c.ignoringRequestMatchers(new OrRequestMatcher(paths.matcher("/api/complaints/**"),
            paths.matcher("/api/complaints"), paths.matcher("/camunda/**"), paths.matcher("/open311/**"),
            paths.matcher("/channels/**"), SecurityConfiguration::scriptedStaffCall)))
        .build();
  }

  /**
   * A staff API call made by a script or app rather than a web page: it carries its credentials
   * (HTTP Basic) and none of the headers a browser adds to a request from a page of another site. A
   * browser may send remembered Basic credentials along with a forged cross-site request, but then
   * also says where the request comes from ({@code Origin}, {@code Sec-Fetch-Site}).
   */
  static boolean scriptedStaffCall(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (!path.startsWith("/api/staff/") || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return false;
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    return origin == null || origin.equals(request.getScheme() + "://" + request.getHeader(HttpHeaders.HOST));
  }

  private static BasicAuthenticationEntryPoint basicEntryPoint() {
    var entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName(REALM);
    return entryPoint;
  }

  /**
   * Hands the Spring Security login to the Camunda webapps ({@link SpringSecurityAuthenticationProvider}),
   * after Spring Security has run, so Tasklist, Cockpit and Admin need no login of their own.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappsLogin() {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(Map.of("authentication-provider", SpringSecurityAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /**
   * A request Spring Security's firewall refuses (a header or path with characters it does not allow):
   * {@code 400}, as problem+json on the API and the channels like every other error there.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, rejected) -> {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/api/") || path.startsWith("/channels/")) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"urn:lapor:problem:malformed-request\",\"title\":\"Malformed request\","
            + "\"status\":400,\"detail\":\"The request could not be read: its address or a header holds characters "
            + "that are not allowed.\"}");
      } else {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      }
    };
  }

  /**
   * Narrows what staff may change through the engine's REST API, on both of its mounts, after Spring
   * Security has authenticated the caller.
   */
  @Bean
  FilterRegistrationBean<EngineRestGuard> engineRestGuard(IdentityService identityService, TaskService taskService,
      RuntimeService runtimeService, ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new EngineRestGuard(identityService, taskService, runtimeService,
        json));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  /**
   * Authenticates the Camunda webapps' login request ({@code username}/{@code password} form fields)
   * with the same provider, lets Camunda's own handler answer, and keeps the login in the session.
   */
  private static OncePerRequestFilter webappLoginBridge(CamundaIdentityAuthenticationProvider provider,
      RequestMatcher camundaLogin) {
    var contexts = new HttpSessionSecurityContextRepository();
    return new OncePerRequestFilter() {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return !camundaLogin.matches(request);
      }

      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Authentication user;
        try {
          var token = UsernamePasswordAuthenticationToken.unauthenticated(request.getParameter("username"),
              request.getParameter("password"));
          token.setDetails(new WebAuthenticationDetails(request));
          user = provider.authenticate(token);
        } catch (AuthenticationException e) {
          response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
          return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
        // into the session Camunda's login leaves behind (it renews the session against fixation)
        if (response.getStatus() < HttpServletResponse.SC_BAD_REQUEST && request.getSession(false) != null) {
          contexts.saveContext(context, request, response);
        }
      }
    };
  }
}
