package org.doudi.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.camunda.bpm.spring.boot.starter.property.CsrfProperties;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A fresh CSRF token in the answer of every successful web-app login (docs/security.md, "Web-app login and CSRF").
 *
 * <p>Camunda's login replaces the session (session fixation protection) and carries over only the authentication, not
 * the session's CSRF token; the browser keeps the old {@code XSRF-TOKEN} cookie until the next GET sets a new one. A
 * modifying request that the web app sends before that GET has answered (Cockpit's dashboard sends its POST queries
 * side by side with its GETs right after the login) carries the old token, and Camunda's CSRF filter then
 * <em>invalidates the new session</em>: the user is logged out at once (every later call 401, the login page again).
 * Giving the new session its token in the login answer itself closes that window: every request the web app sends
 * after the login reads the new cookie. The token is new (not the pre-login one), so the login still rotates it.
 */
final class LoginCsrfTokenFilter extends OncePerRequestFilter {

  /** Camunda's session attribute for the CSRF token (its CsrfPreventionFilter reads and writes it). */
  static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";
  static final Pattern LOGIN = Pattern.compile("/api/admin/auth/user/[^/]+/login/[^/]+");

  private final SecureRandom random = new SecureRandom();
  private final String applicationPath;
  private final String cookieName;
  private final String cookieAttributes;

  LoginCsrfTokenFilter(String applicationPath, CsrfProperties csrf) {
    this.applicationPath = applicationPath;
    this.cookieName = csrf.getCookieName() == null || csrf.getCookieName().isBlank() ? "XSRF-TOKEN"
        : csrf.getCookieName();
    StringBuilder attributes = new StringBuilder();
    if (csrf.isEnableSameSiteCookie()) {
      String value = csrf.getSameSiteCookieValue();
      if (value == null || value.isBlank()) {
        value = "STRICT".equalsIgnoreCase(csrf.getSameSiteCookieOption()) ? "Strict" : "Lax";
      }
      attributes.append(";SameSite=").append(value);
    }
    if (csrf.isEnableSecureCookie()) {
      attributes.append(";Secure");
    }
    this.cookieAttributes = attributes.toString();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod()) || !path.startsWith(applicationPath)
        || !LOGIN.matcher(path.substring(applicationPath.length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the answer is held back until the token's cookie is in its headers
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, held);
      HttpSession session = request.getSession(false);
      if (held.getStatus() == HttpServletResponse.SC_OK && session != null
          && session.getAttribute(SESSION_TOKEN) == null) {
        String token = HexFormat.of().withUpperCase().formatHex(next());
        session.setAttribute(SESSION_TOKEN, token);
        held.addHeader("Set-Cookie", cookieName + "=" + token + ";Path=" + request.getContextPath()
            + applicationPath + cookieAttributes);
        held.setHeader("X-XSRF-TOKEN", token);
      }
    } finally {
      held.copyBodyToResponse();
    }
  }

  private byte[] next() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return bytes;
  }
}
