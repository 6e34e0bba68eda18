package org.doudi.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.doudi.identity.Staff;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one setup of the {@code SecurityFilterChain}s that pages inside the Camunda web apps call (Cockpit and Tasklist
 * plugins, the fund chart, the bank-result task, the case documents): HTTP Basic, or the user's web-app session read
 * by {@link CamundaSessionReads} (and, with {@link #writes()}, POSTs through {@link CamundaSessionWrites}); stateless;
 * no Spring CSRF (the web-app session's token is checked by {@link CamundaSessionWrites}, Basic needs none); 401 and
 * 403 as JSON {@code {"status", "message"}} in Chinese. A module gives only its paths, its refusal and its rules:
 *
 * <pre>{@code
 * return WebAppPageChain.on(http, provider, staff, engine.getName())
 *     .paths(paths.matcher(HttpMethod.GET, "/api/worklist/cards"))
 *     .forbidden("当前角色不处理个案，无权查看任务卡片信息")
 *     .build(a -> a.anyRequest().hasAnyRole(READERS));
 * }</pre>
 *
 * By default a 401 carries the Basic challenge except to the page's own requests ({@code X-Requested-With:
 * XMLHttpRequest}): the browser would open its login dialog over the web app, which shows its own message instead.
 */
public final class WebAppPageChain {

  static final String LOGIN_NEEDED = "需要登录（Camunda 登录或 HTTP Basic）";

  private final HttpSecurity http;
  private final AuthenticationProvider provider;
  private final Staff staff;
  private final String engineName;
  private RequestMatcher paths;
  private Predicate<HttpServletRequest> challenge = WebAppPageChain::notFromPage;
  private Predicate<HttpServletRequest> toLogin = r -> false;
  private String loginPage;
  private Function<AccessDeniedException, String> forbidden = e -> "当前角色无权执行此操作";
  private Customizer<HeadersConfigurer<HttpSecurity>> headers;
  private boolean writes;

  private WebAppPageChain(HttpSecurity http, AuthenticationProvider provider, Staff staff, String engineName) {
    this.http = http;
    this.provider = provider;
    this.staff = staff;
    this.engineName = engineName;
  }

  /** A chain on the application's authentication provider and the web-app session of this engine. */
  public static WebAppPageChain on(HttpSecurity http, AuthenticationProvider provider, Staff staff,
      String engineName) {
    return new WebAppPageChain(http, provider, staff, engineName);
  }

  /** The requests this chain serves (nothing else); several are or-ed. */
  public WebAppPageChain paths(RequestMatcher... matchers) {
    this.paths = matchers.length == 1 ? matchers[0] : new OrRequestMatcher(matchers);
    return this;
  }

  /** When a 401 carries the Basic challenge (default: unless the request is the page's own XMLHttpRequest). */
  public WebAppPageChain basicChallengeWhen(Predicate<HttpServletRequest> when) {
    this.challenge = when;
    return this;
  }

  /** Anonymous requests matching {@code when} (a browser opening the page) are sent to this login page instead. */
  public WebAppPageChain redirectToLogin(Predicate<HttpServletRequest> when, String page) {
    this.toLogin = when;
    this.loginPage = page;
    return this;
  }

  /** The Chinese message of a 403. */
  public WebAppPageChain forbidden(String message) {
    return forbidden(e -> message);
  }

  /** The Chinese message of a 403, from the refusal. */
  public WebAppPageChain forbidden(Function<AccessDeniedException, String> message) {
    this.forbidden = message;
    return this;
  }

  /** Response headers of a page this chain serves (e.g. its Content-Security-Policy). */
  public WebAppPageChain headers(Customizer<HeadersConfigurer<HttpSecurity>> headers) {
    this.headers = headers;
    return this;
  }

  /** Also accept POSTs with the web-app session ({@link CamundaSessionWrites}: its CSRF token, same site). */
  public WebAppPageChain writes() {
    this.writes = true;
    return this;
  }

  /** The chain, with the module's authorization rules. */
  public SecurityFilterChain build(Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>
      .AuthorizationManagerRequestMatcherRegistry> rules) throws Exception {
    if (paths == null) {
      throw new IllegalStateException("a web-app page chain needs its paths");
    }
    ObjectMapper json = new ObjectMapper();
    AuthenticationEntryPoint entryPoint = (req, res, ex) -> {
      if (toLogin.test(req)) {
        res.sendRedirect(loginPage);
        return;
      }
      if (challenge.test(req)) {
        res.setHeader("WWW-Authenticate", "Basic realm=\"doudi\", charset=\"UTF-8\"");
      }
      write(json, res, HttpServletResponse.SC_UNAUTHORIZED, LOGIN_NEEDED);
    };
    http
        .securityMatcher(paths)
        .authenticationProvider(provider)
        .csrf(c -> c.disable());
    if (headers != null) {
      http.headers(headers);
    }
    http
        .sessionManagement(CamundaSessionReads::stateless)
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler((req, res, ex) ->
            write(json, res, HttpServletResponse.SC_FORBIDDEN, forbidden.apply(ex))))
        .addFilterAfter(new CamundaSessionReads(staff, engineName), BasicAuthenticationFilter.class);
    if (writes) {
      http.addFilterAfter(new CamundaSessionWrites(staff, engineName), CamundaSessionReads.class);
    }
    http.authorizeHttpRequests(rules);
    return http.build();
  }

  /** Not the web app's own request: it asks with {@code X-Requested-With: XMLHttpRequest}. */
  public static boolean notFromPage(HttpServletRequest request) {
    return !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
  }

  private static void write(ObjectMapper json, HttpServletResponse res, int status, String message)
      throws IOException {
    res.setStatus(status);
    res.setContentType(MediaType.APPLICATION_JSON_VALUE);
    res.setCharacterEncoding("UTF-8");
    json.writeValue(res.getWriter(), Map.of("status", status, "message", message));
  }
}
