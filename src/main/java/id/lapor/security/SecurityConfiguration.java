package id.lapor.security;

import id.lapor.institutions.InstitutionGroups;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Which doors need a login. {@code /engine-rest} (Camunda's REST API) needs HTTP Basic against
 * Camunda's users, and deploying through it is for process designers; the webapps under
 * {@code /camunda} use Camunda's own login; the citizen API {@code /api/complaints} is public (writes
 * need the follow-up token); {@code /api/staff} needs a staff login (changing holidays: operators);
 * actuator endpoints other than health are for operators.
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
            // deploying (from Camunda Modeler) and removing deployments is for process designers only
            .requestMatchers(paths.matcher(HttpMethod.POST, "/engine-rest/deployment/**"),
                paths.matcher(HttpMethod.DELETE, "/engine-rest/deployment/**"))
            .hasAuthority(InstitutionGroups.PROCESS_DESIGNERS)
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
    return http
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/actuator/**").hasAuthority(InstitutionGroups.CAMUNDA_ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/staff/**").authenticated()
            .requestMatchers("/api/staff/holidays/**", "/api/staff/process-migrations/**",
                "/api/staff/institutions/**")
            .hasAuthority(InstitutionGroups.CAMUNDA_ADMIN)
            .requestMatchers("/api/staff/**").authenticated()
            .anyRequest().permitAll())
        .httpBasic(b -> b.realmName(REALM))
        .authenticationProvider(provider)
        // The JSON API carries no cookies; the Camunda webapps bring their own CSRF protection.
        .csrf(c -> c.ignoringRequestMatchers("/api/**", "/camunda/**"))
        .build();
  }
}
