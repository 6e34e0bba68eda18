package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.TestProcessBeans.ExpressionProbe;
import org.doudi.security.RestEndpoints.Endpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Proves the two rules for every endpoint the application serves (the Camunda REST API, our API, the
 * actuator): anonymous callers get 401, and no query parameter makes the server evaluate an expression.
 * Wrong roles get 403 on the endpoints reserved to a role.
 */
@DoudiTest
class SecuritySmokeTest {

  static final String PROBE = "%24%7BexpressionProbe.hit()%7D"; // ${expressionProbe.hit()}, URL-encoded

  /**
   * The only endpoints open to anonymous callers on purpose: a citizen asks for a sign-in code and signs in with it
   * (docs/citizen.md, docs/security.md "群众登录"). They still refuse a request without the anti-CSRF header (403).
   */
  static final Set<Endpoint> CITIZEN_SIGN_IN = Set.of(new Endpoint("POST", "/api/citizen/sign-in/code"),
      new Endpoint("POST", "/api/citizen/sign-in"));

  @LocalServerPort int port;
  @Autowired List<RequestMappingInfoHandlerMapping> mappings;
  @Autowired ExpressionProbe probe;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  Set<Endpoint> allEndpoints() {
    Set<Endpoint> all = new TreeSet<>(RestEndpoints.camunda("/engine-rest"));
    all.addAll(RestEndpoints.spring(mappings));
    // liveness must answer load balancers without credentials; it reveals nothing but UP/DOWN
    all.removeIf(e -> e.path().startsWith("/actuator/health"));
    // the owner's password change proves the current password in its body (an account with an initial password may
    // do nothing else, docs/security.md "人员导入"); anonymous callers get 400 for a body without a right password
    all.remove(new Endpoint("POST", "/api/account/password"));
    return all;
  }

  @Test
  void theEnumerationFindsTheWholeApi() {
    Set<Endpoint> all = allEndpoints();
    assertThat(all).hasSizeGreaterThan(400)
        .contains(new Endpoint("POST", "/engine-rest/task"), new Endpoint("GET", "/engine-rest/task"),
            new Endpoint("POST", "/engine-rest/deployment/create"), new Endpoint("GET", "/api/regions"),
            new Endpoint("GET", "/api/me"), new Endpoint("GET", "/actuator/prometheus"));
  }

  @Test
  void everyEndpointRejectsAnonymousCallers() {
    List<String> open = new ArrayList<>();
    for (Endpoint e : allEndpoints()) {
      if (e.method().equals("OPTIONS") || e.method().equals("HEAD")) {
        continue;
      }
      Http.Response r = http.send(null, e.method(), e.path(), needsBody(e) ? "{}" : null);
      if (CITIZEN_SIGN_IN.contains(e)) {
        // open by design, but never without the citizen page's header
        if (r.status() != 403) {
          open.add(e + " without X-Citizen-Request → " + r.status());
        }
      } else if (r.status() != 401) {
        open.add(e + " → " + r.status());
      }
    }
    assertThat(open).as("endpoints answering anonymous callers").isEmpty();
  }

  /** The citizens' chain: staff credentials are no citizen session; only the sign-in endpoints take anonymous calls. */
  @Test
  void citizenEndpointsNeedACitizenSessionAndStaffCredentialsDoNotCount() {
    Set<Endpoint> citizen = new TreeSet<>(allEndpoints());
    citizen.removeIf(e -> !e.path().startsWith("/api/citizen/"));
    assertThat(citizen).hasSizeGreaterThan(10).containsAll(CITIZEN_SIGN_IN);
    List<String> wrong = new ArrayList<>();
    for (Endpoint e : citizen) {
      if (CITIZEN_SIGN_IN.contains(e)) {
        continue;
      }
      Http.Response staff = http.send("demo", e.method(), e.path(), needsBody(e) ? "{}" : null);
      if (staff.status() != 401 && staff.status() != 403) {
        wrong.add(e + " with staff Basic → " + staff.status());
      }
    }
    assertThat(wrong).isEmpty();
    // anonymous with the header: the sign-in endpoints answer (400 for an empty body), nothing else does
    org.doudi.citizen.CitizenClient anonymous = new org.doudi.citizen.CitizenClient(port, "x", "x");
    for (Endpoint e : citizen) {
      var r = anonymous.send(e.method(), e.path(), needsBody(e) ? "{}" : null, true);
      assertThat(r.status()).as(e + " " + r.body()).isEqualTo(CITIZEN_SIGN_IN.contains(e) ? 400 : 401);
    }
  }

  /** The web apps reach the same engine API under their own path, with Camunda's session login. */
  @Test
  void theWebAppsEngineApiRejectsAnonymousCallersAndExpressions() {
    Set<Endpoint> webapp = new TreeSet<>(RestEndpoints.camunda("/camunda/api/engine"));
    webapp.removeIf(e -> !e.path().startsWith("/camunda/api/engine/engine/"));
    // Camunda serves the password rules before login (for the change-password page); they hold no data
    webapp.remove(new Endpoint("GET", "/camunda/api/engine/engine/x0/identity/password-policy"));
    assertThat(webapp).hasSizeGreaterThan(400);
    int before = probe.hits.get();
    List<String> wrong = new ArrayList<>();
    for (Endpoint e : webapp) {
      if (e.method().equals("OPTIONS") || e.method().equals("HEAD")) {
        continue;
      }
      String path = e.path().replace("/engine/x0/", "/engine/default/");
      Http.Response anonymous = http.send(null, e.method(), path, needsBody(e) ? "{}" : null);
      Http.Response probing = http.send(null, e.method(), path + "?assigneeExpression=" + PROBE, needsBody(e) ? "{}" : null);
      if (anonymous.status() != 401 && anonymous.status() != 403) {
        wrong.add(e + " anonymous → " + anonymous.status());
      }
      if (probing.status() == 200 || probing.status() == 204) {
        wrong.add(e + " with expression → " + probing.status());
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(probe.hits.get()).isEqualTo(before);
  }

  @Test
  void noQueryParameterOfAnyEndpointIsEvaluated() {
    int before = probe.hits.get();
    List<String> accepted = new ArrayList<>();
    for (Endpoint e : allEndpoints()) {
      if (e.method().equals("OPTIONS") || e.method().equals("HEAD")) {
        continue;
      }
      String q = "?assigneeExpression=" + PROBE + "&candidateGroupExpression=" + PROBE + "&x=" + PROBE;
      // the citizens' endpoints take no staff credentials: probed with a citizen session (and the page's header)
      Http.Response r = e.path().startsWith("/api/citizen/") ? citizenSend(e.method(), e.path() + q)
          : http.send("demo", e.method(), e.path() + q, needsBody(e) ? "{}" : null);
      // the named-engine copy of the REST API is closed to everyone before any filter reads the request
      boolean closed = e.path().startsWith("/engine-rest/engine/") && r.status() == 403;
      if (r.status() != 400 && !closed) {
        accepted.add(e + " → " + r.status());
      }
    }
    assertThat(accepted).as("endpoints that did not refuse an expression").isEmpty();
    assertThat(probe.hits.get()).isEqualTo(before);
  }

  @Test
  void theEngineItselfWouldEvaluateAnOrQueryExpressionSoTheGuardIsNeeded() {
    int before = probe.hits.get();
    tasks.createTaskQuery().or().taskAssigneeExpression("${expressionProbe.hit()}").endOr().list();
    assertThat(probe.hits.get()).isGreaterThan(before);
  }

  @Test
  void orQueriesInTheBodyAreRefusedHoweverTheyAreEncoded() {
    int before = probe.hits.get();
    for (String body : List.of(
        "{\"orQueries\":[{\"assigneeExpression\":\"${expressionProbe.hit()}\"}]}",
        "{\"orQueries\":[{\"candidateGroupsExpression\":\"\\u0024{expressionProbe.hit()}\"}]}",
        "{\"orQueries\":[{\"assigneeExpression\":\"#{expressionProbe.hit()}\"}]}",
        "{\"orQueries\":[{\"assigneeExpression\":\"$ {expressionProbe.hit()}\"}]}")) {
      for (String path : List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/history/task")) {
        Http.Response r = http.send("nanling-cw", "POST", path, body);
        assertThat(r.status()).as(path + " " + body + " → " + r.body()).isEqualTo(400);
        assertThat(r.body()).contains("表达式");
      }
    }
    assertThat(probe.hits.get()).isEqualTo(before);
  }

  @Test
  void tasklistsOwnEngineApiRefusesExpressionsToo() throws Exception {
    var cookies = new java.net.CookieManager();
    var client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port + "/camunda";
    client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/app/tasklist/")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    var login = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=nanling-cw&password=demo")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the login starts a new session, whose token comes with the login's answer (security.internal.LoginCsrfTokenFilter)
    csrf = login.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

    int before = probe.hits.get();
    var query = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/api/engine/engine/default/task"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"orQueries\":[{\"assigneeExpression\":\"${expressionProbe.hit()}\"}]}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(query.statusCode()).as(query.body()).isEqualTo(400);
    assertThat(probe.hits.get()).isEqualTo(before);

    // the same session may query normally
    var plain = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/api/engine/engine/default/task"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"active\":true}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
  }

  @Test
  void wrongRolesAreForbidden() {
    Map<String, Endpoint> forbidden = Map.ofEntries(
        Map.entry("nanling-cw", new Endpoint("POST", "/engine-rest/deployment/create")),
        Map.entry("supervisor", new Endpoint("POST", "/engine-rest/user/create")),
        Map.entry("ziqiang-cw", new Endpoint("POST", "/engine-rest/authorization/create")),
        Map.entry("nongan-cw", new Endpoint("GET", "/engine-rest/group")),
        Map.entry("auditor", new Endpoint("POST", "/engine-rest/group/create")),
        Map.entry("baota", new Endpoint("GET", "/engine-rest/job")),
        Map.entry("analyst", new Endpoint("GET", "/engine-rest/incident")),
        Map.entry("nanling-approver", new Endpoint("DELETE", "/engine-rest/process-instance/x0")),
        Map.entry("na-county-cw", new Endpoint("GET", "/actuator/prometheus")),
        Map.entry("fulongquan-cw", new Endpoint("POST", "/engine-rest/filter/create")));
    forbidden.forEach((user, e) -> {
      Http.Response r = http.send(user, e.method(), e.path(), needsBody(e) ? "{\"name\":\"x\",\"resourceType\":\"Task\",\"query\":{}}" : null);
      assertThat(r.status()).as(user + " " + e + " → " + r.body()).isEqualTo(403);
    });
  }

  @Test
  void theWebAppsFirstRunSetupCanNeverCreateAUser() {
    String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"x\"},\"credentials\":{\"password\":\"x\"}}";
    assertThat(http.send(null, "POST", "/camunda/api/admin/setup/default/user/create", body).status()).isEqualTo(401);
    assertThat(http.send("demo", "POST", "/camunda/api/admin/setup/default/user/create", body).status()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
  }

  private org.doudi.citizen.CitizenClient citizen;

  private Http.Response citizenSend(String method, String path) {
    if (citizen == null) {
      citizen = new org.doudi.citizen.CitizenClient(port, "220122195001010014", "13900000001").signIn();
    }
    var r = citizen.send(method, path, method.equals("POST") ? "{}" : null, true);
    return new Http.Response(r.status(), r.body());
  }

  private static boolean needsBody(Endpoint e) {
    return e.method().equals("POST") || e.method().equals("PUT");
  }
}
