package org.doudi.payroll.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.doudi.identity.Staff;
import org.doudi.security.WebAppPageChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The bank-result task endpoints ({@code /api/payroll/tasks/**}) are served to the Tasklist tab 银行回盘 with the
 * user's Camunda web-app session: reads through {@link org.doudi.security.CamundaSessionReads}, the upload through
 * {@link org.doudi.security.CamundaSessionWrites} (same-origin and the session's CSRF token, else 403). HTTP Basic works as on the rest
 * of {@code /api}. Ordered before the application's API chain; roles are checked by the controller's annotations.
 */
@Configuration
class BankResultTaskSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain bankResultTaskChain(HttpSecurity http, AuthenticationProvider provider, Staff staff,
      ProcessEngine engine) throws Exception {
    // no Basic challenge to the Tasklist tab's own requests: the browser would open its login dialog
    return WebAppPageChain.on(http, provider, staff, engine.getName())
        .paths(PathPatternRequestMatcher.withDefaults().matcher("/api/payroll/tasks/**"))
        .forbidden(ex -> ex.getMessage() != null
            && ex.getMessage().chars().anyMatch(c -> c > 0x2E80) ? ex.getMessage() : "当前角色无权执行此操作")
        .writes()
        .build(a -> a.anyRequest().authenticated());
  }
}
