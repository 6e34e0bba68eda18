package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web apps' session is neither renewed nor lost by the API (docs/security.md, "Web-app session, API and CSRF").
 * The defect found by {@code e2e.DeadlineMonitorCockpitBrowserTest}: every read of the Cockpit plugin through the
 * session renewed the session's id (Spring Security's session fixation protection on an authenticated request), and
 * Cockpit's own requests still in flight with the old id answered 401 and showed the login page. Also: the login's
 * answer carries the new session's CSRF token, so a POST sent right after the login does not make Camunda's CSRF
 * filter invalidate the session.
 */
@DoudiTest
class WebAppSessionTest {

  @LocalServerPort int port;

  private record Browser(HttpClient client, CookieManager cookies, String base) {
    static Browser open(int port) {
      CookieManager cookies = new CookieManager();
      return new Browser(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies,
          "http://localhost:" + port + "/camunda");
    }

    String cookie() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .reduce((a, b) -> b).orElseThrow().getValue();
    }

    HttpResponse<String> get(String path) throws Exception {
      return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET outside the web apps' path ({@code /api/…}), with the session cookie and optionally HTTP Basic. */
    HttpResponse<String> api(String path, String basicUser) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.replace("/camunda", "") + path));
      if (basicUser != null) {
        b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            (basicUser + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String sessionId() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
          .reduce((a, b) -> b).orElseThrow().getValue();
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
      return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
          .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Opens Cockpit and logs in; answers the login's response. */
    HttpResponse<String> logIn(String user) throws Exception {
      get("/app/cockpit/");
      return post("/api/admin/auth/user/default/login/cockpit", cookie(), "application/x-www-form-urlencoded",
          "username=" + user + "&password=demo");
    }
  }

  @Test
  void aPostRightAfterTheLoginKeepsTheSession() throws Exception {
    Browser browser = Browser.open(port);
    browser.get("/app/cockpit/");
    String before = browser.cookie();
    HttpResponse<String> login = browser.logIn("supervisor");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the answer gives the new session's token, as the cookie the web apps read before each request
    String token = login.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    assertThat(browser.cookie()).isEqualTo(token);
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
        .startsWith("XSRF-TOKEN=" + token + ";Path=/camunda").contains("SameSite=Lax"));

    // the dashboard's first request is a POST query, sent before any GET: accepted, and the session lives on
    HttpResponse<String> query = browser.post("/api/engine/engine/default/process-instance/count", browser.cookie(),
        "application/json", "{}");
    assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
    HttpResponse<String> me = browser.get("/api/admin/auth/user/default");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"userId\":\"supervisor\"");
    assertThat(before).isNotEqualTo(token);
  }

  @Test
  void theTokenOfBeforeTheLoginIsNoLongerValid() throws Exception {
    Browser browser = Browser.open(port);
    browser.get("/app/cockpit/");
    String old = browser.cookie();
    assertThat(browser.logIn("supervisor").statusCode()).isEqualTo(200);
    HttpResponse<String> stale = browser.post("/api/engine/engine/default/process-instance/count", old,
        "application/json", "{}");
    assertThat(stale.statusCode()).as("rotated at the login").isEqualTo(403);
  }

  @Test
  void theApiNeitherRenewsNorEndsTheWebAppSession() throws Exception {
    Browser browser = Browser.open(port);
    assertThat(browser.logIn("supervisor").statusCode()).isEqualTo(200);
    String session = browser.sessionId();
    // the Cockpit plugins' reads through the session, and a Basic call from the same browser
    for (String path : java.util.List.of("/api/supervision/deadlines", "/api/supervision/deadlines/counts",
        "/api/funds/monitoring?from=2019-03&to=2019-04")) {
      HttpResponse<String> read = browser.api(path, null);
      assertThat(read.statusCode()).as(path + " " + read.body()).isEqualTo(200);
      assertThat(read.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("JSESSIONID="));
    }
    HttpResponse<String> basic = browser.api("/api/me", "supervisor");
    assertThat(basic.statusCode()).isEqualTo(200);
    assertThat(basic.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    assertThat(browser.sessionId()).isEqualTo(session);
    // Cockpit's own calls with that session still work
    HttpResponse<String> me = browser.get("/api/admin/auth/user/default");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"userId\":\"supervisor\"");
  }

  /** New API chains (plugins' endpoints read through the session) must take the same settings, never their own. */
  @Test
  void everyApiChainTakesItsSessionSettingsFromOnePlace() throws Exception {
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      java.util.List<String> own = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.endsWith(java.nio.file.Path.of("org/doudi/security/CamundaSessionReads.java")))
          .filter(f -> {
            try {
              return java.nio.file.Files.readString(f).contains("sessionCreationPolicy(");
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }).map(Object::toString).toList();
      assertThat(own).as("use .sessionManagement(CamundaSessionReads::stateless)").isEmpty();
    }
  }
}
