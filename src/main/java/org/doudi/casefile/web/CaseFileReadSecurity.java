package org.doudi.casefile.web;

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
 * {@code GET /api/cases/overview} is also served to the Tasklist tab 案件概况 with the user's Camunda web-app session
 * ({@link CamundaSessionReads}); HTTP Basic works as on the rest of {@code /api}. Any authenticated staff member
 * passes here; {@code CaseFiles} decides per case (403 for analysts, 404 outside the caller's reach). Only this GET;
 * ordered before the application's API chain.
 */
@Configuration
class CaseFileReadSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain caseFileReadChain(HttpSecurity http, AuthenticationProvider provider, Staff staff,
      ProcessEngine engine) throws Exception {
    ObjectMapper json = new ObjectMapper();
    AuthenticationEntryPoint entryPoint = (req, res, ex) -> {
      // no Basic challenge to the Tasklist tab's own requests: the tab shows its own message when the session ends
      if (!"XMLHttpRequest".equals(req.getHeader("X-Requested-With"))) {
        res.setHeader("WWW-Authenticate", "Basic realm=\"doudi\", charset=\"UTF-8\"");
      }
      write(json, res, HttpServletResponse.SC_UNAUTHORIZED, "需要登录（Camunda 登录或 HTTP Basic）");
    };
    http
        .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/cases/overview"))
        .authenticationProvider(provider)
        .csrf(c -> c.disable())
        .sessionManagement(CamundaSessionReads::stateless)
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler((req, res, ex) ->
            write(json, res, HttpServletResponse.SC_FORBIDDEN, "当前角色无权查看案件概况")))
        .addFilterAfter(new CamundaSessionReads(staff, engine.getName()), BasicAuthenticationFilter.class)
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
