package org.doudi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.doudi.identity.Staff;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes (POST) that a page inside the Camunda web apps sends with the user's web-app session, e.g. the Tasklist
 * bank-result upload. Camunda's own CSRF filter covers only {@code /camunda/api/*} and {@code /camunda/app/*}, so this
 * filter does its job for our {@code /api} paths: a POST without other authentication is authenticated as the staff
 * member logged in to the web apps only if
 * <ul>
 *   <li>it carries the session's CSRF token (Camunda's {@code XSRF-TOKEN} cookie, readable only by pages under
 *       {@code /camunda}) in the header {@code X-XSRF-TOKEN}, and</li>
 *   <li>it does not come from another site: an {@code Origin} header, when sent, names this host, and
 *       {@code Sec-Fetch-Site}, when sent, is {@code same-origin}.</li>
 * </ul>
 * A logged-in session failing either check is refused (403, Chinese message) before anything runs; without a
 * logged-in session the request goes on unauthenticated (401 from the chain). GET is left to
 * {@link CamundaSessionReads}; add both after {@code BasicAuthenticationFilter} in the endpoint's own chain.
 */
public final class CamundaSessionWrites extends OncePerRequestFilter {

  public static final String CSRF_HEADER = "X-XSRF-TOKEN";

  private final Staff staff;
  private final String engineName;

  public CamundaSessionWrites(Staff staff, String engineName) {
    this.staff = staff;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var existing = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if ((existing != null && existing.isAuthenticated()) || session == null
        || !HttpMethod.POST.matches(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = auths == null ? null : auths.getAuthenticationForProcessEngine(engineName);
    if (user == null || user == Authentication.ANONYMOUS || user.getIdentityId() == null) {
      chain.doFilter(request, response);
      return;
    }
    if (!sameSite(request)) {
      refuse(response, "跨站请求被拒绝：只能在本系统的页面中提交");
      return;
    }
    if (!tokenMatches(request, session)) {
      refuse(response, "请求缺少有效的防跨站令牌（X-XSRF-TOKEN），已拒绝；请刷新页面后重试");
      return;
    }
    staff.find(user.getIdentityId()).ifPresent(member -> {
      var token = new UsernamePasswordAuthenticationToken(member.userId(), null,
          CamundaSessionReads.authorities(member));
      token.setDetails(member);
      SecurityContextHolder.getContext().setAuthentication(token);
    });
    chain.doFilter(request, response);
  }

  static boolean sameSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) {
      return false;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String host = request.getHeader("Host");
    try {
      URI o = URI.create(origin);
      return host != null && o.getAuthority() != null && o.getAuthority().equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean tokenMatches(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CSRF_HEADER);
    return expected instanceof String e && sent != null && !e.isEmpty()
        && MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"status\":403,\"message\":\"" + message + "\"}");
  }
}
