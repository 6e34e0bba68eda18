package org.doudi.funds.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.doudi.identity.Staff;
import org.doudi.security.CamundaSessionReads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The fund chart page ({@code /funds/**}) and the two read-only monitoring endpoints it calls. A supervisor who is
 * logged in to Tasklist/Cockpit (Camunda's own session login) opens the page with that session; scripts and the
 * evaluation's tools use HTTP Basic as on the rest of {@code /api}. Anything else is refused: anonymous page
 * requests are sent to the Camunda login, anonymous data requests get 401, other methods 403.
 *
 * <p>Only GET is served through the session, so a forged cross-site request cannot change anything; the page
 * reads JSON from the same origin only. This chain is ordered before the application's API chain and covers
 * nothing else.
 */
@Configuration
class FundsPageSecurity {

  static final String LOGIN_PAGE = "/camunda/app/welcome/default/";
  private static final String[] READERS = {"COUNTY_CASEWORKER", "COUNTY_APPROVER", "SUPERVISOR", "AUDITOR",
      "ANALYST", "ADMIN"};

  @Bean
  @Order(0)
  SecurityFilterChain fundsPageChain(HttpSecurity http, AuthenticationProvider provider, Staff staff,
      ProcessEngine engine) throws Exception {
    ObjectMapper json = new ObjectMapper();
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    AuthenticationEntryPoint entryPoint = (req, res, ex) -> {
      String accept = req.getHeader("Accept");
      if (req.getRequestURI().startsWith("/funds") && accept != null && accept.contains("text/html")) {
        res.sendRedirect(LOGIN_PAGE);
        return;
      }
      res.setHeader("WWW-Authenticate", "Basic realm=\"doudi\", charset=\"UTF-8\"");
      write(json, res, HttpServletResponse.SC_UNAUTHORIZED, "需要登录（Camunda 登录或 HTTP Basic）");
    };
    http
        .securityMatcher(new OrRequestMatcher(paths.matcher("/funds"), paths.matcher("/funds/**"),
            paths.matcher(HttpMethod.GET, "/api/funds/monitoring"),
            paths.matcher(HttpMethod.GET, "/api/funds/monitoring.csv")))
        .authenticationProvider(provider)
        .csrf(c -> c.disable())
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(FundsPagePolicy.value()))
            .frameOptions(f -> f.sameOrigin()))
        .sessionManagement(CamundaSessionReads::stateless)
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler((req, res, ex) ->
            write(json, res, HttpServletResponse.SC_FORBIDDEN, "当前角色无权查看资金监测")))
        .addFilterAfter(new CamundaSessionReads(staff, engine.getName()), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers(paths.matcher(HttpMethod.GET, "/**")).hasAnyRole(READERS)
            .anyRequest().denyAll());
    return http.build();
  }

  private static void write(ObjectMapper json, HttpServletResponse res, int status, String message)
      throws IOException {
    res.setStatus(status);
    res.setContentType(MediaType.APPLICATION_JSON_VALUE);
    res.setCharacterEncoding("UTF-8");
    json.writeValue(res.getWriter(), Map.of("status", status, "message", message));
  }
}
