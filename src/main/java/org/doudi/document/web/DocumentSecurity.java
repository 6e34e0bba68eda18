package org.doudi.document.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.doudi.identity.Staff;
import org.doudi.security.CamundaSessionWrites;
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
 * The materials endpoints serve the Tasklist plugin with the user's web-app session as well as HTTP Basic. An upload
 * (POST) must carry a header a page of another site cannot set: {@code X-XSRF-TOKEN} with the session's Camunda CSRF
 * token (checked by {@link org.doudi.security.CamundaSessionWrites}: same site and the session's token, else 403) or, with HTTP Basic, {@code X-Requested-With}
 * — a cross-site multipart form has neither: a session request without the token stays anonymous (401), a Basic
 * request without the header is refused by the controller (403) before the file is stored.
 */
@Configuration
class DocumentSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain documentChain(HttpSecurity http, AuthenticationProvider provider, Staff staff,
      ProcessEngine engine) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return WebAppPageChain.on(http, provider, staff, engine.getName())
        .paths(paths.matcher("/api/cases/{processInstanceId}/documents"), paths.matcher("/api/documents/**"))
        .basicChallengeWhen(req -> req.getHeader(CamundaSessionWrites.CSRF_HEADER) == null
            && WebAppPageChain.notFromPage(req))
        .forbidden("当前角色无权查看或上传申请材料")
        .writes()
        .build(a -> a
            .requestMatchers(paths.matcher(HttpMethod.GET, "/api/cases/{processInstanceId}/documents"),
                paths.matcher(HttpMethod.POST, "/api/cases/{processInstanceId}/documents"),
                paths.matcher(HttpMethod.GET, "/api/documents/{id}/content")).authenticated()
            .anyRequest().denyAll());
  }
}
