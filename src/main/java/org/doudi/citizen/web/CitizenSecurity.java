package org.doudi.citizen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.doudi.citizen.internal.Citizen;
import org.doudi.citizen.internal.SignIn;
import org.doudi.security.CamundaSessionReads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The citizens' own filter chain for {@code /api/citizen/**}, before the staff API's chain: no HTTP Basic, no Camunda
 * session; a citizen is authenticated only by the session cookie {@value #COOKIE} (HttpOnly, SameSite=Strict, path
 * /api/citizen) that a verified code gives. Only the two sign-in endpoints are open to anonymous callers. Every
 * POST must carry the header {@value #HEADER} (a cross-site form cannot set a header, and no CORS is allowed), on top
 * of the SameSite cookie.
 */
@Configuration
class CitizenSecurity {

  static final String COOKIE = "DOUDI_CITIZEN";
  static final String HEADER = "X-Citizen-Request";

  @Bean
  @Order(-5)
  SecurityFilterChain citizenChain(HttpSecurity http, SignIn signIn, ObjectMapper json) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(paths.matcher("/api/citizen/**"))
        .csrf(c -> c.disable())
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .requestCache(r -> r.disable())
        // the citizen's own token cookie, never an HTTP session (and never a renewed Camunda session id)
        .sessionManagement(CamundaSessionReads::stateless)
        .addFilterBefore(new SessionCookieFilter(signIn, json), AnonymousAuthenticationFilter.class)
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> write(json, res, 401, "请先用身份证号码和手机验证码登录"))
            .accessDeniedHandler((req, res, ex) -> write(json, res, 403, "无权执行此操作")))
        .authorizeHttpRequests(a -> a
            .requestMatchers(paths.matcher(HttpMethod.POST, "/api/citizen/sign-in/code"),
                paths.matcher(HttpMethod.POST, "/api/citizen/sign-in")).permitAll()
            .anyRequest().hasRole("CITIZEN"));
    return http.build();
  }

  /** Reads the session cookie; refuses a POST without the anti-CSRF header before anything else. */
  static class SessionCookieFilter extends OncePerRequestFilter {
    private final SignIn signIn;
    private final ObjectMapper json;

    SessionCookieFilter(SignIn signIn, ObjectMapper json) {
      this.signIn = signIn;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws ServletException, IOException {
      String token = token(req);
      var citizen = token == null ? java.util.Optional.<Citizen>empty() : signIn.citizenOf(token);
      boolean write = !"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod());
      // a write that would be acted on (a session's, or a sign-in) needs the header; anonymous others get 401
      if (write && !"1".equals(req.getHeader(HEADER))
          && (citizen.isPresent() || req.getRequestURI().startsWith("/api/citizen/sign-in"))) {
        write(json, res, 403, "请求缺少防跨站请求的标头，已拒绝（请在本系统的网页中操作）");
        return;
      }
      citizen.ifPresent(c -> SecurityContextHolder.getContext().setAuthentication(
          new UsernamePasswordAuthenticationToken(c, null, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")))));
      chain.doFilter(req, res);
    }
  }

  static String token(HttpServletRequest req) {
    if (req.getCookies() == null) {
      return null;
    }
    for (Cookie c : req.getCookies()) {
      if (COOKIE.equals(c.getName())) {
        return c.getValue();
      }
    }
    return null;
  }

  static Citizen citizen() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof Citizen c) {
      return c;
    }
    throw new org.springframework.security.access.AccessDeniedException("请先登录");
  }

  private static void write(ObjectMapper json, HttpServletResponse res, int status, String message) throws IOException {
    res.setStatus(status);
    res.setContentType("application/json;charset=UTF-8");
    res.getOutputStream().write(json.writeValueAsString(Map.of("status", status, "message", message, "detail", message))
        .getBytes(StandardCharsets.UTF_8));
  }
}
