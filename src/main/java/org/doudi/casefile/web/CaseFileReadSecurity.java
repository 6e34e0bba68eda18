package org.doudi.casefile.web;

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
 * {@code GET /api/cases/overview} is also served to the Tasklist tab 案件概况 with the user's Camunda web-app session
 * ({@link org.doudi.security.CamundaSessionReads}); HTTP Basic works as on the rest of {@code /api}. Any authenticated staff member
 * passes here; {@code CaseFiles} decides per case (403 for analysts, 404 outside the caller's reach). Only this GET;
 * ordered before the application's API chain.
 */
@Configuration
class CaseFileReadSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain caseFileReadChain(HttpSecurity http, AuthenticationProvider provider, Staff staff,
      ProcessEngine engine) throws Exception {
    // no Basic challenge to the Tasklist tab's own requests: the tab shows its own message when the session ends
    return WebAppPageChain.on(http, provider, staff, engine.getName())
        .paths(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/cases/overview"))
        .forbidden("当前角色无权查看案件概况")
        .build(a -> a.anyRequest().authenticated());
  }
}
