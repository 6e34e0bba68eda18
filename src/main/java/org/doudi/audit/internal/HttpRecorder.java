package org.doudi.audit.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP side of the audit trail, outside Spring Security's filters so that it sees their answers: every request
 * refused with 401 or 403, every download (an attachment or CSV answer), and marks web-app login requests for
 * {@link Logins}. Who called comes from {@link Caller} (inside the security filters) or, for a refused call, the user
 * name the caller claimed in its Basic header.
 */
class HttpRecorder extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(HttpRecorder.class);
  static final String ACTOR = HttpRecorder.class.getName() + ".actor";
  private static final Pattern WEB_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/([a-z]+)");

  private final AuditStore store;

  HttpRecorder(AuditStore store) {
    this.store = store;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher login = WEB_LOGIN.matcher(request.getRequestURI());
    boolean webLogin = "POST".equals(request.getMethod()) && login.matches();
    if (webLogin) {
      Logins.webAppLogin(login.group(1));
    }
    try {
      chain.doFilter(request, response);
    } finally {
      if (webLogin) {
        Logins.webAppLogin(null);
      }
    }
    try {
      record(request, response);
    } catch (RuntimeException e) {
      // the answer is already given; a failed audit write must show in the log
      LOG.error("Audit entry for {} {} not written: {}", request.getMethod(), request.getRequestURI(), e.toString());
    }
  }

  private void record(HttpServletRequest request, HttpServletResponse response) {
    int status = response.getStatus();
    String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    Object actor = request.getAttribute(ACTOR);
    String who = actor instanceof String s ? s : claimedUser(request);
    if (status == 401 || status == 403) {
      store.insert(new AuditRecord(AuditKind.REFUSED, request.getMethod() + " " + status, who == null ? "anonymous"
          : who, null, null, null, path, null, null, null));
      return;
    }
    if (status >= 200 && status < 300 && isDownload(response)) {
      store.insert(new AuditRecord(AuditKind.EXPORT, request.getMethod() + " " + status, who, null, null, null, path,
          null, response.getHeader("Content-Disposition"), null));
    }
  }

  private static boolean isDownload(HttpServletResponse response) {
    String disposition = response.getHeader("Content-Disposition");
    String type = response.getContentType();
    return disposition != null && disposition.toLowerCase().startsWith("attachment")
        || type != null && type.toLowerCase().startsWith("text/csv");
  }

  /** The user name in a Basic header (not verified: said of refused calls only as "claimed"). */
  static String claimedUser(HttpServletRequest request) {
    String h = request.getHeader("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
      return request.getRemoteUser();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, Math.min(colon, 128));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Inside the security filters: notes who the request runs as, for the outer recorder. */
  static class Caller extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Authentication a = SecurityContextHolder.getContext().getAuthentication();
      if (a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken)) {
        request.setAttribute(ACTOR, a.getName());
      }
      chain.doFilter(request, response);
    }
  }
}
