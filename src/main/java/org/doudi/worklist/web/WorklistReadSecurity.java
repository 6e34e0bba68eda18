package org.doudi.worklist.web;

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

/**
 * {@code GET /api/worklist/cards} is also served to the Tasklist card plugin with the user's Camunda web-app session
 * ({@link CamundaSessionReads}); HTTP Basic works as on the rest of {@code /api}. Only GET, only this path; ordered
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
    ObjectMapper json = new ObjectMapper();
    AuthenticationEntryPoint entryPoint = (req, res, ex) -> {
      // no Basic challenge to the plugin's own requests: the browser would open its login dialog over Tasklist
      if (!"XMLHttpRequest".equals(req.getHeader("X-Requested-With"))) {
        res.setHeader("WWW-Authenticate", "Basic realm=\"doudi\", charset=\"UTF-8\"");
      }
      write(json, res, HttpServletResponse.SC_UNAUTHORIZED, "需要登录（Camunda 登录或 HTTP Basic）");
    };
    http
        .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/worklist/cards"))
        .authenticationProvider(provider)
        .csrf(c -> c.disable())
        .sessionManagement(CamundaSessionReads::stateless)
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler((req, res, ex) ->
            write(json, res, HttpServletResponse.SC_FORBIDDEN, "当前角色不处理个案，无权查看任务卡片信息")))
        .addFilterAfter(new CamundaSessionReads(staff, engine.getName()), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(READERS));
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
