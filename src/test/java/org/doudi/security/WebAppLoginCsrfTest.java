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
 * The web apps' login and Camunda's CSRF filter (docs/security.md, "Web-app login and CSRF"). The login replaces the
 * session; a modifying request with a token the new session does not hold makes Camunda's CSRF filter invalidate the
 * session, which logged Cockpit users out at once when the dashboard's first POST went out before the first GET had
 * fetched the new token (the defect found by {@code e2e.DeadlineMonitorCockpitBrowserTest}). The login's answer now
 * carries the new session's token.
 */
@DoudiTest
class WebAppLoginCsrfTest {

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
}
