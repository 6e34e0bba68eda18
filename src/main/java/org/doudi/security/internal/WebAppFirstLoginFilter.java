package org.doudi.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.doudi.identity.InitialPasswords;
import org.doudi.identity.Staff;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web apps' login ({@code …/api/admin/auth/user/{engine}/login/{app}}) for an account that still has its initial
 * password: with the right password it answers 403 naming the page where to change it (instead of logging in), with a
 * wrong one 401, and Camunda's login is not called. Other accounts pass to Camunda's login unchanged; in directory
 * (LDAP) mode a successful login gives the user's directory role groups their authorizations.
 */
final class WebAppFirstLoginFilter extends OncePerRequestFilter {

  private final ObjectMapper json = new ObjectMapper();
  private final String applicationPath;
  private final IdentityService identity;
  private final InitialPasswords initialPasswords;
  private final Staff staff;

  WebAppFirstLoginFilter(String applicationPath, IdentityService identity, InitialPasswords initialPasswords,
      Staff staff) {
    this.applicationPath = applicationPath;
    this.identity = identity;
    this.initialPasswords = initialPasswords;
    this.staff = staff;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod()) || !path.startsWith(applicationPath)
        || !LoginCsrfTokenFilter.LOGIN.matcher(path.substring(applicationPath.length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // form parameters: the servlet container parses them once; Jersey's @FormParam reads them back from the request
    String user = request.getParameter("username");
    if (user != null && initialPasswords.mustChange(user)) {
      String password = request.getParameter("password");
      boolean right = password != null && identity.checkPassword(user, password);
      write(response, right ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED,
          right ? InitialPasswords.MUST_CHANGE : LoginLockout.WRONG);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_OK && user != null) {
      staff.adoptDirectoryGroupsOf(user);
    }
  }

  private void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getWriter(), Map.of("type", status == 403 ? "PasswordChangeRequired"
        : "AuthenticationException", "message", message));
  }
}
