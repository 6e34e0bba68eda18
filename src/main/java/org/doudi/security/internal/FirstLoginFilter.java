package org.doudi.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.doudi.identity.InitialPasswords;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account that still has its initial password (staff import) may only change it: every other API call with its
 * HTTP Basic credentials answers 403 saying where to change it (docs/security.md, "人员导入").
 */
class FirstLoginFilter extends OncePerRequestFilter {

  static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";
  static final String CHANGE_ENDPOINT = "/api/account/password";

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    boolean pending = auth != null && auth.getAuthorities().stream()
        .anyMatch(a -> PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (pending && !CHANGE_ENDPOINT.equals(path)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getWriter(), Map.of("status", 403, "message", InitialPasswords.MUST_CHANGE));
      return;
    }
    chain.doFilter(request, response);
  }
}
