package org.doudi.document.web;

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
 * The materials endpoints serve the Tasklist plugin with the user's web-app session as well as HTTP Basic. An upload
 * (POST) must carry a header a page of another site cannot set: {@code X-XSRF-TOKEN} with the session's Camunda CSRF
 * token (checked by {@link CamundaSessionWrites}: same site and the session's token, else 403) or, with HTTP Basic, {@code X-Requested-With}
 * — a cross-site multipart form has neither: a session request without the token stays anonymous (401), a Basic
 * request without the header is refused by the controller (403) before the file is stored.
 */
@Configuration
class DocumentSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain documentChain(HttpSecurity http, AuthenticationProvider provider, Staff staff,
      ProcessEngine engine) throws Exception {
    ObjectMapper json = new ObjectMapper();
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    AuthenticationEntryPoint entryPoint = (req, res, ex) -> {
      if (req.getHeader(CamundaSessionWrites.CSRF_HEADER) == null
          && !"XMLHttpRequest".equals(req.getHeader("X-Requested-With"))) {
        res.setHeader("WWW-Authenticate", "Basic realm=\"doudi\", charset=\"UTF-8\"");
      }
      write(json, res, HttpServletResponse.SC_UNAUTHORIZED, "需要登录（Camunda 登录或 HTTP Basic）");
    };
    http
        .securityMatcher(new OrRequestMatcher(paths.matcher("/api/cases/{processInstanceId}/documents"),
            paths.matcher("/api/documents/**")))
        .authenticationProvider(provider)
        .csrf(c -> c.disable())
        .sessionManagement(CamundaSessionReads::stateless)
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler((req, res, ex) ->
            write(json, res, HttpServletResponse.SC_FORBIDDEN, "当前角色无权查看或上传申请材料")))
        .addFilterAfter(new CamundaSessionReads(staff, engine.getName()), BasicAuthenticationFilter.class)
        .addFilterAfter(new CamundaSessionWrites(staff, engine.getName()), CamundaSessionReads.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers(paths.matcher(HttpMethod.GET, "/api/cases/{processInstanceId}/documents"),
                paths.matcher(HttpMethod.POST, "/api/cases/{processInstanceId}/documents"),
                paths.matcher(HttpMethod.GET, "/api/documents/{id}/content")).authenticated()
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
