package org.doudi.worklist.web;

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
 * {@code GET /api/worklist/cards} is also served to the Tasklist card plugin with the user's Camunda web-app session
 * ({@link org.doudi.security.CamundaSessionReads}); HTTP Basic works as on the rest of {@code /api}. Only GET, only this path; ordered
 * before the application's API chain.
 */
@Configuration
class WorklistReadSecurity {

  private static final String[] READERS = {"VILLAGE_ASSISTANT", "TOWNSHIP_CASEWORKER", "TOWNSHIP_APPROVER",
      "COUNTY_CASEWORKER", "COUNTY_APPROVER", "SUPERVISOR", "AUDITOR", "ADMIN"};

  @Bean
  @Order(0)
  SecurityFilterChain worklistReadChain(HttpSecurity http, AuthenticationProvider provider, Staff staff,
      ProcessEngine engine) throws Exception {
    // no Basic challenge to the plugin's own requests: the browser would open its login dialog over Tasklist
    return WebAppPageChain.on(http, provider, staff, engine.getName())
        .paths(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/worklist/cards"))
        .forbidden("当前角色不处理个案，无权查看任务卡片信息")
        .build(a -> a.anyRequest().hasAnyRole(READERS));
  }
}
