package org.doudi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-only endpoints that a page inside the Camunda web apps calls with the user's web-app session (the fund chart
 * page, the Cockpit deadline monitor): add this filter after {@code BasicAuthenticationFilter} in the endpoint's own
 * chain. A GET request without other authentication is authenticated as the staff member logged in to
 * Tasklist/Cockpit/Admin, with their roles as {@code ROLE_…} authorities and the {@link StaffMember} as details, as
 * HTTP Basic does on {@code /api}. Only GET: a forged cross-site request can read nothing (same-origin JSON) and
 * change nothing.
 */
public final class CamundaSessionReads extends OncePerRequestFilter {

  private final Staff staff;
  private final String engineName;

  public CamundaSessionReads(Staff staff, String engineName) {
    this.staff = staff;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var existing = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if ((existing == null || !existing.isAuthenticated()) && session != null
        && HttpMethod.GET.matches(request.getMethod())) {
      Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
      Authentication user = auths == null ? null : auths.getAuthenticationForProcessEngine(engineName);
      if (user != null && user != Authentication.ANONYMOUS && user.getIdentityId() != null) {
        staff.find(user.getIdentityId()).ifPresent(member -> {
          var token = new UsernamePasswordAuthenticationToken(member.userId(), null, authorities(member));
          token.setDetails(member);
          SecurityContextHolder.getContext().setAuthentication(token);
        });
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * The session settings of every API chain: {@code .sessionManagement(CamundaSessionReads::stateless)}. Stateless,
   * and <em>no session fixation protection</em>: Spring Security's default for a chain that sets a creation policy is
   * to change the session's id whenever a request is authenticated, and a request to {@code /api} that carries the
   * web-app session cookie (a plugin's read through this filter, or HTTP Basic from a logged-in browser) would then
   * renew the id of the user's Tasklist/Cockpit session under the web app's own requests in flight, which answer 401
   * and send the user back to the login page. The API never logs anyone in, so there is nothing to protect here.
   */
  public static void stateless(SessionManagementConfigurer<HttpSecurity> sessions) {
    sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none());
  }

  /** The Spring authorities of a staff member: {@code ROLE_<role>} per role held, {@code ROLE_ADMIN} for admins. */
  public static List<GrantedAuthority> authorities(StaffMember member) {
    List<GrantedAuthority> list = new ArrayList<>();
    member.assignments().forEach(a -> list.add(new SimpleGrantedAuthority("ROLE_" + a.role().name())));
    if (member.administrator()) {
      list.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }
    return list;
  }
}
