package org.doudi.funds.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.doudi.identity.Staff;
import org.doudi.security.WebAppPageChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

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
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return WebAppPageChain.on(http, provider, staff, engine.getName())
        .paths(paths.matcher("/funds"), paths.matcher("/funds/**"),
            paths.matcher(HttpMethod.GET, "/api/funds/monitoring"),
            paths.matcher(HttpMethod.GET, "/api/funds/monitoring.csv"))
        .redirectToLogin(req -> {
          String accept = req.getHeader("Accept");
          return req.getRequestURI().startsWith("/funds") && accept != null && accept.contains("text/html");
        }, LOGIN_PAGE)
        .basicChallengeWhen(req -> true)
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(FundsPagePolicy.value()))
            .frameOptions(f -> f.sameOrigin()))
        .forbidden("当前角色无权查看资金监测")
        .build(a -> a
            .requestMatchers(paths.matcher(HttpMethod.GET, "/**")).hasAnyRole(READERS)
            .anyRequest().denyAll());
  }
}
