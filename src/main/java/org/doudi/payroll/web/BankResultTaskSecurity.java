package org.doudi.payroll.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.doudi.identity.Staff;
import org.doudi.security.CamundaSessionReads;
import org.doudi.security.CamundaSessionWrites;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The bank-result task endpoints ({@code /api/payroll/tasks/**}) are served to the Tasklist tab 银行回盘 with the
 * user's Camunda web-app session: reads through {@link CamundaSessionReads}, the upload through
 * {@link CamundaSessionWrites} (same-origin and the session's CSRF token, else 403). HTTP Basic works as on the rest
 * of {@code /api}. Ordered before the application's API chain; roles are checked by the controller's annotations.
 */
@Configuration
class BankResultTaskSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain bankResultTaskChain(HttpSecurity http, AuthenticationProvider provider, Staff staff,
      ProcessEngine engine) throws Exception {
    ObjectMapper json = new ObjectMapper();
    AuthenticationEntryPoint entryPoint = (req, res, ex) -> {
      // no Basic challenge to the Tasklist tab's own requests: the browser would open its login dialog
      if (!"XMLHttpRequest".equals(req.getHeader("X-Requested-With"))) {
        res.setHeader("WWW-Authenticate", "Basic realm=\"doudi\", charset=\"UTF-8\"");
      }
      write(json, res, HttpServletResponse.SC_UNAUTHORIZED, "需要登录（Camunda 登录或 HTTP Basic）");
    };
    http
        .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/payroll/tasks/**"))
        .authenticationProvider(provider)
        .csrf(c -> c.disable()) // CamundaSessionWrites checks the web-app session's token; Basic needs none
        .sessionManagement(CamundaSessionReads::stateless)
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler((req, res, ex) ->
            write(json, res, HttpServletResponse.SC_FORBIDDEN, ex.getMessage() != null
                && ex.getMessage().chars().anyMatch(c -> c > 0x2E80) ? ex.getMessage() : "当前角色无权执行此操作")))
        .addFilterAfter(new CamundaSessionReads(staff, engine.getName()), BasicAuthenticationFilter.class)
        .addFilterAfter(new CamundaSessionWrites(staff, engine.getName()), CamundaSessionReads.class)
        .authorizeHttpRequests(a -> a.anyRequest().authenticated());
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
