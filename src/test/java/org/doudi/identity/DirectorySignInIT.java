package org.doudi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.platform.Http;
import org.doudi.platform.PostgresApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * Sign-in against a department's directory (docs/security.md, "部门目录（LDAP）登录"): an in-memory LDAP server
 * (UnboundID, the real protocol on a random 127.0.0.1 port) holds the users and groups, Camunda's LDAP plugin reads
 * them, and the region grants work as with accounts in the database. Its own application on PostgreSQL, started and
 * stopped here: an engine with the directory must never be left registered beside the shared test context's (the
 * web apps find their engine by name, statically), so this is an integration test, not a cached Spring test context.
 */
class DirectorySignInIT {

  private static final String BASE = "dc=doudi,dc=test";
  private static InMemoryDirectoryServer directory;

  private static PostgresApp app;
  private static int port;
  private static IdentityService identity;
  private static Staff staff;
  private static AuthorizationService authorizations;

  @BeforeAll
  static void start() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials("cn=manager," + BASE, "Manager#2026");
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0,
        null));
    directory = new InMemoryDirectoryServer(config);
    directory.importFromLDIF(true, new LDIFReader(new ByteArrayInputStream(ldif().getBytes(StandardCharsets.UTF_8))));
    directory.startListening();
    app = PostgresApp.start("doudi_directory", "--doudi.identity.ldap.enabled=true",
        "--doudi.identity.ldap.server-url=ldap://127.0.0.1:" + directory.getListenPort() + "/",
        "--doudi.identity.ldap.manager-dn=cn=manager,dc=doudi,dc=test",
        "--doudi.identity.ldap.manager-password=Manager#2026", "--doudi.identity.ldap.base-dn=dc=doudi,dc=test",
        "--doudi.identity.ldap.user-search-base=ou=people", "--doudi.identity.ldap.group-search-base=ou=groups");
    port = ((WebServerApplicationContext) app.context()).getWebServer().getPort();
    identity = app.bean(IdentityService.class);
    staff = app.bean(Staff.class);
    authorizations = app.bean(AuthorizationService.class);
  }

  /** People and groups as a department keeps them: one group per role and region, named like ours. */
  private static String ldif() {
    StringBuilder l = new StringBuilder();
    l.append("dn: ").append(BASE).append("\nobjectClass: domain\ndc: doudi\n\n");
    l.append("dn: ou=people,").append(BASE).append("\nobjectClass: organizationalUnit\nou: people\n\n");
    l.append("dn: ou=groups,").append(BASE).append("\nobjectClass: organizationalUnit\nou: groups\n\n");
    person(l, "dir-nongan", "农安镇经办", "王");
    person(l, "dir-fulong", "伏龙泉镇经办", "李");
    person(l, "dir-admin", "省厅管理员", "赵");
    group(l, "township-caseworker-220122100", "农安镇 乡镇（街道）经办人", "dir-nongan");
    group(l, "township-caseworker-220122101", "伏龙泉镇 乡镇（街道）经办人", "dir-fulong");
    group(l, "admin-220000", "吉林省 系统管理员", "dir-admin");
    // a directory group that names no role: ignored by the application
    group(l, "printers", "打印机管理", "dir-nongan");
    return l.toString();
  }

  private static void person(StringBuilder l, String uid, String cn, String sn) {
    l.append("dn: uid=").append(uid).append(",ou=people,").append(BASE).append("\nobjectClass: inetOrgPerson\n")
        .append("uid: ").append(uid).append("\ncn: ").append(cn).append("\nsn: ").append(sn)
        .append("\nmail: ").append(uid).append("@mz.example\nuserPassword: demo\n\n");
  }

  private static void group(StringBuilder l, String cn, String description, String... members) {
    l.append("dn: cn=").append(cn).append(",ou=groups,").append(BASE).append("\nobjectClass: groupOfNames\n")
        .append("cn: ").append(cn).append("\ndescription: ").append(description).append('\n');
    for (String m : members) {
      l.append("member: uid=").append(m).append(",ou=people,").append(BASE).append('\n');
    }
    l.append('\n');
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (directory != null) {
      directory.shutDown(true);
    }
  }

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void directoryUsersSignInWithTheirDirectoryPasswordAndRoles() throws Exception {
    assertThat(identity.isReadOnly()).isTrue();
    Http http = new Http(port);
    Http.Response me = http.get("dir-nongan", "/api/me");
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.body()).contains("TOWNSHIP_CASEWORKER", "220122100");
    assertThat(staff.find("dir-nongan").orElseThrow().assignments())
        .containsExactly(new RoleAssignment(Role.TOWNSHIP_CASEWORKER, "220122100"));
    assertThat(staff.find("dir-nongan").orElseThrow().groupIds())
        .contains("township-caseworker-220122100", "region-220122100", "printers");

    // a wrong password, an unknown user, a database-only demo user: refused
    assertThat(basicGet("/api/me", "dir-nongan", "wrong").statusCode()).isEqualTo(401);
    assertThat(basicGet("/api/me", "nobody", "demo").statusCode()).isEqualTo(401);
    assertThat(http.get("nongan-cw", "/api/me").status()).isEqualTo(401);

    // the directory's administrator (admin-<province>) is an administrator here (camunda-admin derived)
    assertThat(http.get("dir-admin", "/engine-rest/authorization?resourceType=" + Resources.GROUP.resourceType())
        .status()).isEqualTo(200);
    assertThat(http.get("dir-nongan", "/engine-rest/authorization").status()).isEqualTo(403);
    // the directory's role groups got their authorizations (in the database) at start-up
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("township-caseworker-220122101")
        .resourceType(Resources.APPLICATION).resourceId("tasklist").count()).isEqualTo(1);
  }

  @Test
  void aDirectoryCaseworkerSeesAndCompletesHisTownshipsTasksAndNoOtherTownships() throws Exception {
    Http http = new Http(port);
    String nongan = report(http, "dir-nongan", "张三");
    String fulong = report(http, "dir-fulong", "李四");

    List<String> mine = tasks(http, "dir-nongan", nongan);
    assertThat(mine).hasSize(1);
    assertThat(tasks(http, "dir-nongan", fulong)).isEmpty();
    assertThat(tasks(http, "dir-fulong", nongan)).isEmpty();
    assertThat(tasks(http, "dir-fulong", fulong)).hasSize(1);
    assertThat(http.get("dir-fulong", "/engine-rest/task").body()).doesNotContain(nongan);
    // the case itself is readable through the per-case grant to region-220122100 (derived from the role group)
    assertThat(http.get("dir-nongan", "/engine-rest/process-instance/" + nongan).status()).isEqualTo(200);
    assertThat(http.get("dir-fulong", "/engine-rest/process-instance/" + nongan).status()).isIn(403, 404);

    String task = mine.get(0);
    String body = "{\"variables\":{\"verificationOutcome\":{\"value\":\"APPLY\"},\"verificationNotes\":{\"value\":"
        + "\"已入户\"},\"subjectIdNumber\":{\"value\":\"" + org.doudi.eligibility.TestIds.id("220122", "19450101", "083")
        + "\"}}}";
    assertThat(http.send("dir-fulong", "POST", "/engine-rest/task/" + task + "/complete", body).status())
        .isIn(403, 404);
    assertThat(http.send("dir-nongan", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"dir-nongan\"}")
        .status()).isEqualTo(204);
    Http.Response done = http.send("dir-nongan", "POST", "/engine-rest/task/" + task + "/complete", body);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  @Test
  void nothingCreatesAccountsWhileTheDirectoryKeepsThem() throws Exception {
    assertThatThrownBy(() -> staff.ensureUser("x", "某", "某", "Pass#word2026", Role.SUPERVISOR, "220122"))
        .hasMessageContaining("部门目录（LDAP）");
    HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/admin/staff/import"))
        .header("Authorization", basic("dir-admin", "demo")).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("account,name,role,region\nx,某某,督查员,220122\n",
            StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(imported.statusCode()).isEqualTo(422);
    assertThat(imported.body()).contains("部门目录（LDAP）");
    Http.Response change = new Http(port).send(null, "POST", "/api/account/password",
        "{\"account\":\"dir-nongan\",\"password\":\"demo\",\"newPassword\":\"Brand#New2026pw\"}");
    assertThat(change.status()).isEqualTo(400);
    assertThat(change.body()).contains("部门目录");
    assertThat(new Http(port).get("dir-nongan", "/api/me").status()).isEqualTo(200);
  }

  private String report(Http http, String user, String head) throws Exception {
    Http.Response r = http.send(user, "POST", "/engine-rest/process-definition/key/hardship-report/start",
        "{\"variables\":{\"householdHead\":{\"value\":\"" + head + "\"},\"address\":{\"value\":\"某街1号\"},"
            + "\"discoverySource\":{\"value\":\"VISIT\"},\"situation\":{\"value\":\"失业无收入\"}}}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body()).get("id").asText();
  }

  private List<String> tasks(Http http, String user, String processInstanceId) throws Exception {
    Http.Response r = http.get(user, "/engine-rest/task?processInstanceId=" + processInstanceId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(r.body()).forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private HttpResponse<String> basicGet(String path, String user, String password) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", basic(user, password)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
