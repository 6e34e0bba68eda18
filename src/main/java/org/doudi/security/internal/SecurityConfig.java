package org.doudi.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.doudi.security.CamundaSessionReads;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two chains. The API chain ({@code /api/**}, {@code /engine-rest/**}, {@code /actuator/**}) is stateless
 * HTTP Basic against Camunda's users: anonymous → 401, wrong role → 403. The web apps ({@code /camunda/**})
 * keep Camunda's own session login and CSRF protection; their first-run setup is closed for good.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

  private static final String[] CASE_OPERATORS = {"ADMIN", "SUPERVISOR"};
  private static final String FETCH_AND_LOCK_IN_WEB_APPS =
      "/camunda/api/engine/engine/{name}/external-task/fetchAndLock";

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, IdentityService identity,
      CamundaIdentityAuthenticationProvider provider) throws Exception {
    ObjectMapper json = new ObjectMapper();
    AuthenticationEntryPoint unauthorized = (req, res, ex) -> {
      res.setHeader("WWW-Authenticate", "Basic realm=\"doudi\", charset=\"UTF-8\"");
      // a refused login says why (wrong password, or a lock named only to whoever gave the right password)
      write(json, res, HttpServletResponse.SC_UNAUTHORIZED, ex instanceof BadCredentialsException
          ? ex.getMessage() : "需要登录（HTTP Basic）");
    };
    AccessDeniedHandler forbidden = (req, res, ex) ->
        write(json, res, HttpServletResponse.SC_FORBIDDEN, "当前角色无权执行此操作");
    http
        .securityMatcher(paths(null, "/api/**", "/engine-rest/**", "/actuator/**", "/camunda/api/admin/setup/**",
            FETCH_AND_LOCK_IN_WEB_APPS))
        .authenticationProvider(provider)
        .csrf(c -> c.disable())
        .sessionManagement(CamundaSessionReads::stateless)
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .addFilterAfter(new FirstLoginFilter(), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identity), FirstLoginFilter.class)
        .authorizeHttpRequests(a -> a
            // the web apps' first-run user creation: an administrator always exists, so never needed
            .requestMatchers(paths(null, "/camunda/api/admin/setup/**")).denyAll()
            // external-task workers fetch through /engine-rest (operators only); no web app fetches, and the web apps'
            // copy of the resource answered every request 500 (the role × region matrix)
            .requestMatchers(paths(null, FETCH_AND_LOCK_IN_WEB_APPS)).denyAll()
            .requestMatchers(paths(null, "/actuator/health", "/actuator/health/**")).permitAll()
            // the owner changes a password by proving the current one in the body (an initial password allows
            // nothing else)
            .requestMatchers(paths(HttpMethod.POST, FirstLoginFilter.CHANGE_ENDPOINT)).permitAll()
            // the named-engine copy of the REST API (/engine-rest/engine/default/…): one engine, so never needed, and
            // the path rules below would not see it (the role × region matrix found /engine-rest/engine/default/job open)
            .requestMatchers(paths(null, "/engine-rest/engine/{name}/**")).denyAll()
            .requestMatchers(paths(null, "/actuator/**")).hasAnyRole(CASE_OPERATORS)
            // models: analysts and administrators deploy
            .requestMatchers(paths(HttpMethod.POST, "/engine-rest/deployment/**")).hasAnyRole("ANALYST", "ADMIN")
            .requestMatchers(paths(HttpMethod.DELETE, "/engine-rest/deployment/**")).hasAnyRole("ANALYST", "ADMIN")
            // identity and permissions
            .requestMatchers(paths(HttpMethod.POST, "/engine-rest/user/create", "/engine-rest/group/create",
                "/engine-rest/tenant/create", "/engine-rest/authorization/create")).hasRole("ADMIN")
            .requestMatchers(paths(null, "/engine-rest/authorization/**")).hasRole("ADMIN")
            .requestMatchers(paths(null, "/engine-rest/group/**", "/engine-rest/tenant/**")).hasRole("ADMIN")
            .requestMatchers(paths(HttpMethod.DELETE, "/engine-rest/user/**")).hasRole("ADMIN")
            // engine operations
            .requestMatchers(paths(null, "/engine-rest/job/**", "/engine-rest/job-definition/**", "/engine-rest/batch/**",
                "/engine-rest/migration/**", "/engine-rest/modification/**", "/engine-rest/incident/**",
                "/engine-rest/external-task/**", "/engine-rest/history/cleanup/**", "/engine-rest/schema/**",
                "/engine-rest/metrics/**", "/engine-rest/telemetry/**", "/engine-rest/process-definition/*/restart",
                "/engine-rest/process-definition/*/restart-async"))
            .hasAnyRole(CASE_OPERATORS)
            .requestMatchers(paths(HttpMethod.DELETE, "/engine-rest/**")).hasAnyRole(CASE_OPERATORS)
            .requestMatchers(paths(null, "/api/admin/**")).hasRole("ADMIN")
            .anyRequest().authenticated());
    return http.build();
  }

  /** Everything else: the Camunda web apps with their own session login, static resources, the root redirect. */
  @Bean
  @Order(2)
  SecurityFilterChain webChain(HttpSecurity http) throws Exception {
    http
        .csrf(c -> c.disable()) // the web apps run Camunda's own CSRF prevention filter
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll());
    return http.build();
  }

  /** Around the web apps' login, outside Camunda's own filters (they replace the session). */
  @Bean
  FilterRegistrationBean<LoginCsrfTokenFilter> loginCsrfToken(CamundaBpmProperties camunda) {
    FilterRegistrationBean<LoginCsrfTokenFilter> reg = new FilterRegistrationBean<>(new LoginCsrfTokenFilter(
        camunda.getWebapp().getApplicationPath(), camunda.getWebapp().getCsrf()));
    reg.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return reg;
  }

  /** Before Camunda's own login: an account with its initial password is refused with where to change it. */
  @Bean
  FilterRegistrationBean<WebAppFirstLoginFilter> webAppFirstLogin(CamundaBpmProperties camunda, IdentityService identity,
      org.doudi.identity.InitialPasswords initialPasswords, org.doudi.identity.Staff staff) {
    FilterRegistrationBean<WebAppFirstLoginFilter> reg = new FilterRegistrationBean<>(new WebAppFirstLoginFilter(
        camunda.getWebapp().getApplicationPath(), identity, initialPasswords, staff));
    reg.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 19);
    return reg;
  }

  /** Runs before Jersey and the web apps' own API, after authentication. */
  @Bean
  FilterRegistrationBean<ExpressionGuardFilter> expressionGuard() {
    FilterRegistrationBean<ExpressionGuardFilter> reg = new FilterRegistrationBean<>(new ExpressionGuardFilter());
    reg.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*", "/actuator/*");
    reg.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return reg;
  }

  /**
   * Path matchers on the whole request path: the REST API is a Jersey servlet, not Spring MVC, so MVC
   * matchers would not see it.
   */
  private static RequestMatcher paths(HttpMethod method, String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    RequestMatcher[] matchers = new RequestMatcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      matchers[i] = builder.matcher(method, patterns[i]);
    }
    return new OrRequestMatcher(matchers);
  }

  private static void write(ObjectMapper json, HttpServletResponse res, int status, String message)
      throws java.io.IOException {
    res.setStatus(status);
    res.setContentType(MediaType.APPLICATION_JSON_VALUE);
    res.setCharacterEncoding("UTF-8");
    json.writeValue(res.getWriter(), Map.of("status", status, "message", message));
  }
}
