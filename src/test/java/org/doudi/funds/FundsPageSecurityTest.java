package org.doudi.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chart page and the data it reads: reachable with the Camunda web apps' login session or HTTP Basic, never
 * anonymously, and the session opens only the read-only monitoring endpoints, not the rest of the API.
 */
@DoudiTest
class FundsPageSecurityTest {

  @LocalServerPort int port;

  HttpResponse<String> get(HttpClient client, String path, String accept, String basicUser) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept);
    if (basicUser != null) {
      b.header("Authorization", FundMonitoringTest.basic(basicUser));
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anonymousBrowserIsSentToTheLoginAndAnonymousScriptsGet401() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> page = get(client, "/funds/index.html", "text/html,application/xhtml+xml", null);
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/camunda/app/welcome/default/");
    assertThat(get(client, "/funds/index.html", "application/json", null).statusCode()).isEqualTo(401);
    assertThat(get(client, "/funds", "text/html", null).statusCode()).isEqualTo(302);
    assertThat(get(client, "/api/funds/monitoring?from=2019-03&to=2019-04", "application/json", null).statusCode())
        .isEqualTo(401);
    assertThat(get(client, "/api/funds/monitoring.csv?from=2019-03&to=2019-04", "text/csv", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void basicAuthenticatedSupervisorGetsThePageButTownshipStaffDoNot() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> page = get(client, "/funds/index.html", "text/html", "supervisor");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("救助资金监测").contains("/api/funds/monitoring");
    HttpResponse<String> root = get(client, "/funds", "text/html", "supervisor");
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location").orElse("")).endsWith("/funds/index.html");
    assertThat(get(client, "/funds/index.html", "text/html", "nanling-cw").statusCode()).isEqualTo(403);
    HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/funds/index.html"))
        .header("Authorization", FundMonitoringTest.basic("supervisor"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(403);
  }

  @Test
  void camundaLoginSessionOpensThePageAndTheMonitoringDataButNotTheRestOfTheApi() throws Exception {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    // Camunda's CSRF protection: the token comes as a cookie/header from a GET, the login POST must echo it
    HttpResponse<String> welcome = get(client, "/camunda/app/welcome/default/", "text/html", null);
    String token = welcome.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(""));
    String form = "username=" + URLEncoder.encode("supervisor", StandardCharsets.UTF_8) + "&password=demo";
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/welcome"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    assertThat(get(client, "/funds/index.html", "text/html", null).statusCode()).isEqualTo(200);
    HttpResponse<String> data = get(client, "/api/funds/monitoring?from=2019-03&to=2019-04", "application/json", null);
    assertThat(data.statusCode()).as(data.body()).isEqualTo(200);
    assertThat(data.body()).contains("\"scope\":[\"2201\"]");
    // the session is not a credential for anything that changes data
    HttpResponse<String> cpi = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/funds/cpi"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"month\":\"2019-01\",\"regionCode\":\"220100\",\"cpiYoy\":9}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(cpi.statusCode()).isEqualTo(401);
  }
}
