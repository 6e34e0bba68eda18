package org.doudi.supervision.web;

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
 * The two monitor GETs are also served to the Cockpit plugin with the user's Camunda web-app session
 * ({@link org.doudi.security.CamundaSessionReads}); HTTP Basic works as on the rest of {@code /api}. Only GET, only these two paths;
 * ordered before the application's API chain.
 */
@Configuration
class SupervisionReadSecurity {

  private static final String[] READERS = {"SUPERVISOR", "AUDITOR", "COUNTY_APPROVER", "COUNTY_CASEWORKER",
      "TOWNSHIP_APPROVER", "TOWNSHIP_CASEWORKER", "ADMIN"};

  @Bean
  @Order(0)
  SecurityFilterChain supervisionReadChain(HttpSecurity http, AuthenticationProvider provider, Staff staff,
      ProcessEngine engine) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    // no Basic challenge to the Cockpit plugin's own requests: a browser would open its login dialog when the
    // web-app session has expired, and the plugin shows its own message instead
    return WebAppPageChain.on(http, provider, staff, engine.getName())
        .paths(paths.matcher(HttpMethod.GET, "/api/supervision/deadlines"),
            paths.matcher(HttpMethod.GET, "/api/supervision/deadlines/counts"))
        .forbidden("当前角色无权查看办理时限")
        .build(a -> a.anyRequest().hasAnyRole(READERS));
  }
}
