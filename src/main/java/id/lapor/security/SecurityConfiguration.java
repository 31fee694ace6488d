package id.lapor.security;

import id.lapor.institutions.InstitutionGroups;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Which doors need a login. {@code /engine-rest} (Camunda's REST API) needs HTTP Basic against
 * Camunda's users from the start; the webapps under {@code /camunda} use Camunda's own login; the
 * citizen API {@code /api/complaints} is public (writes need the follow-up token); actuator
 * endpoints other than health are for operators.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String REALM = "SP4N-LAPOR";

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService) throws Exception {
    // Jersey serves /engine-rest outside Spring MVC: match the raw path, not MVC mappings.
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
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
            .anyRequest().permitAll())
        .httpBasic(b -> b.realmName(REALM))
        .authenticationProvider(provider)
        // The JSON API carries no cookies; the Camunda webapps bring their own CSRF protection.
        .csrf(c -> c.ignoringRequestMatchers("/api/**", "/camunda/**"))
        .build();
  }
}
