package org.doudi.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.doudi.DoudiApplication;
import org.doudi.household.TestApplications;
import org.doudi.platform.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * docs/operations.md, "First start" and "Bringing a province up", step by step on a fresh PostgreSQL database without
 * the demo profile: an administrator imports the province's regions down to villages, the staff (a file, or the
 * department's directory: an in-memory LDAP server speaking the real protocol) and the year's 低保 standards, in force
 * only once a second administrator approved them; then a township caseworker files a 低保 application in a village
 * that exists only through the import, and the case waits in that township's worklist and no other.
 */
class ProvinceBringUpIT {

  static final String CHIEF = "chief";
  static final String CHIEF_PASSWORD = "S3cret#Pa55w";
  static final String LDAP_BASE = "dc=mz,dc=test";
  static final ObjectMapper JSON = new ObjectMapper();

  ConfigurableApplicationContext app;
  InMemoryDirectoryServer directory;
  String dbUrl;
  String base;
  final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (directory != null) {
      directory.shutDown(true);
    }
    if (dbUrl != null) {
      Postgres.dropIfTemporary(dbUrl);
    }
  }

  @Test
  void aFreshDatabaseBecomesAWorkingProvinceFromFiles() throws Exception {
    start("--doudi.admin.username=" + CHIEF, "--doudi.admin.password=" + CHIEF_PASSWORD);
    String village = importProvince(CHIEF, CHIEF_PASSWORD);

    // staff: each account with an initial password, changed before anything else
    String staffFile = "account,name,role,region\n"
        + "jh-cw,蛟河一镇经办,TOWNSHIP_CASEWORKER,220281100\n"
        + "jh-cw2,蛟河二镇经办,乡镇（街道）经办人,220281101\n"
        + "jh-county,蛟河县级审批,COUNTY_APPROVER,220281\n"
        + "deputy,副管理员,ADMIN,220000\n";
    HttpResponse<String> staff = send(CHIEF, CHIEF_PASSWORD, "POST", "/api/admin/staff/import", "text/csv",
        staffFile);
    assertThat(staff.statusCode()).as(staff.body()).isEqualTo(201);
    Map<String, String> initial = new HashMap<>();
    JSON.readTree(staff.body()).get("accounts")
        .forEach(a -> initial.put(a.get("account").asText(), a.get("initialPassword").asText()));
    assertThat(initial).containsOnlyKeys("jh-cw", "jh-cw2", "jh-county", "deputy");
    HttpResponse<String> first = send("jh-cw", initial.get("jh-cw"), "GET", "/api/me", null, null);
    assertThat(first.statusCode()).isEqualTo(403);
    assertThat(first.body()).contains("/account/password");
    Map<String, String> password = new HashMap<>();
    for (String account : initial.keySet()) {
      password.put(account, "Own#Pass2026-" + password.size()); // never containing the account (policy)
      HttpResponse<String> changed = send(null, null, "POST", "/api/account/password", "application/json",
          JSON.writeValueAsString(Map.of("account", account, "password", initial.get(account), "newPassword",
              password.get(account))));
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }
    HttpResponse<String> me = send("jh-cw", password.get("jh-cw"), "GET", "/api/me", null, null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(me.body()).contains("TOWNSHIP_CASEWORKER", "220281100");

    approvedStandards(CHIEF, CHIEF_PASSWORD, "deputy", password.get("deputy"));
    fileAndFind(village, "jh-cw", password.get("jh-cw"), "jh-cw2", password.get("jh-cw2"));
  }

  @Test
  void aFreshDatabaseBecomesAWorkingProvinceFromFilesAndTheDirectory() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(LDAP_BASE);
    config.addAdditionalBindCredentials("cn=manager," + LDAP_BASE, "Manager#2026");
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0,
        null));
    directory = new InMemoryDirectoryServer(config);
    directory.importFromLDIF(true, new LDIFReader(new ByteArrayInputStream(ldif().getBytes(StandardCharsets.UTF_8))));
    directory.startListening();
    // no DOUDI_ADMIN_*: the administrators are the directory's
    start("--doudi.identity.ldap.enabled=true",
        "--doudi.identity.ldap.server-url=ldap://127.0.0.1:" + directory.getListenPort() + "/",
        "--doudi.identity.ldap.manager-dn=cn=manager," + LDAP_BASE,
        "--doudi.identity.ldap.manager-password=Manager#2026", "--doudi.identity.ldap.base-dn=" + LDAP_BASE,
        "--doudi.identity.ldap.user-search-base=ou=people", "--doudi.identity.ldap.group-search-base=ou=groups");

    String village = importProvince("dir-chief", "Dir#Pass2026a");
    // accounts are not kept twice: the staff import is refused, the directory's people sign in with its passwords
    HttpResponse<String> staff = send("dir-chief", "Dir#Pass2026a", "POST", "/api/admin/staff/import", "text/csv",
        "account,name,role,region\nx-cw,某经办,TOWNSHIP_CASEWORKER,220281100\n");
    assertThat(staff.statusCode()).as(staff.body()).isBetween(400, 499);
    assertThat(send("dir-jh1", "wrong-password", "GET", "/api/me", null, null).statusCode()).isEqualTo(401);
    approvedStandards("dir-chief", "Dir#Pass2026a", "dir-deputy", "Dir#Pass2026b");
    fileAndFind(village, "dir-jh1", "Dir#Pass2026c", "dir-jh2", "Dir#Pass2026d");
  }

  /** The department's people and groups: one group per role and region, named {@code <role>-<region code>}. */
  private static String ldif() {
    StringBuilder l = new StringBuilder();
    l.append("dn: ").append(LDAP_BASE).append("\nobjectClass: domain\ndc: mz\n\n");
    l.append("dn: ou=people,").append(LDAP_BASE).append("\nobjectClass: organizationalUnit\nou: people\n\n");
    l.append("dn: ou=groups,").append(LDAP_BASE).append("\nobjectClass: organizationalUnit\nou: groups\n\n");
    String[][] people = {{"dir-chief", "省厅管理员", "Dir#Pass2026a"}, {"dir-deputy", "省厅副管理员", "Dir#Pass2026b"},
        {"dir-jh1", "蛟河一镇经办", "Dir#Pass2026c"}, {"dir-jh2", "蛟河二镇经办", "Dir#Pass2026d"}};
    for (String[] p : people) {
      l.append("dn: uid=").append(p[0]).append(",ou=people,").append(LDAP_BASE)
          .append("\nobjectClass: inetOrgPerson\nuid: ").append(p[0]).append("\ncn: ").append(p[1])
          .append("\nsn: ").append(p[1], 0, 1).append("\nuserPassword: ").append(p[2]).append("\n\n");
    }
    String[][] groups = {{"admin-220000", "dir-chief", "dir-deputy"}, {"township-caseworker-220281100", "dir-jh1"},
        {"township-caseworker-220281101", "dir-jh2"}};
    for (String[] g : groups) {
      l.append("dn: cn=").append(g[0]).append(",ou=groups,").append(LDAP_BASE)
          .append("\nobjectClass: groupOfNames\ncn: ").append(g[0]).append("\ndescription: ").append(g[0])
          .append('\n');
      for (int i = 1; i < g.length; i++) {
        l.append("member: uid=").append(g[i]).append(",ou=people,").append(LDAP_BASE).append('\n');
      }
      l.append('\n');
    }
    return l.toString();
  }

  /** As an operator starts it: the postgres profile, no demo; the check platform's simulator (no platform here). */
  private void start(String... settings) {
    dbUrl = Postgres.freshDatabase("doudi_province");
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + dbUrl,
        "--spring.datasource.username=" + Postgres.USER, "--spring.datasource.password=" + Postgres.PASSWORD,
        "--doudi.check-platform.mode=simulator"));
    args.addAll(List.of(settings));
    app = new SpringApplicationBuilder(DoudiApplication.class).profiles("postgres").run(args.toArray(String[]::new));
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  /** Step 1: the province down to villages; returns a village that exists only through the file. */
  private String importProvince(String admin, String password) throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE level = 'COUNTY'", Integer.class))
        .as("the migrations ship Jilin's 60 county-level divisions").isEqualTo(60);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE level = 'VILLAGE'", Integer.class)).isZero();
    ProvinceFile province = ProvinceFile.jilin(jdbc);
    HttpResponse<String> regions = send(admin, password, "POST", "/api/admin/regions/import", "text/csv",
        province.csv());
    assertThat(regions.statusCode()).as(regions.body()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region", Integer.class)).isEqualTo(province.regions());
    String village = "220281100201"; // 蛟河市, its first town's first village
    assertThat(jdbc.queryForObject("SELECT name FROM region WHERE code = ?", String.class, village))
        .isEqualTo("蛟河第1镇第1村");
    return village;
  }

  /** Step 3: 蛟河市's standards, uploaded by one administrator and in force only once the other approved them. */
  private void approvedStandards(String uploader, String uploaderPassword, String second, String secondPassword)
      throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    HttpResponse<String> upload = send(uploader, uploaderPassword, "POST", "/api/admin/standards/import?kind=DIBAO"
        + "&effectiveFrom=2026-01-01&sourceNote=" + URLEncoder.encode("吉民发〔2026〕1号", StandardCharsets.UTF_8),
        "text/csv", "县级区划代码,城乡类别,月标准\n220281,URBAN,680.00\n220281,RURAL,520.00\n");
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    long batch = JSON.readTree(upload.body()).get("id").asLong();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dibao_standard WHERE county_code = '220281'",
        Integer.class)).as("nothing in force before the second administrator approves").isZero();
    assertThat(send(uploader, uploaderPassword, "POST", "/api/admin/standards/batches/" + batch + "/approve", null,
        null).statusCode()).as("the uploader cannot approve").isEqualTo(403);
    HttpResponse<String> approved = send(second, secondPassword, "POST",
        "/api/admin/standards/batches/" + batch + "/approve", null, null);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT monthly_standard FROM dibao_standard WHERE county_code = '220281' "
        + "AND urban_rural = 'RURAL'", BigDecimal.class)).isEqualByComparingTo("520.00");
  }

  /** The township's caseworker files a case in the village; it waits in that township's worklist only. */
  private void fileAndFind(String village, String caseworker, String password, String otherTownship,
      String otherPassword) throws Exception {
    HttpResponse<String> filed = send(caseworker, password, "POST", "/api/applications", "application/json",
        applicationIn(village));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String pid = JSON.readTree(filed.body()).get("processInstanceId").asText();
    JsonNode mine = JSON.readTree(send(caseworker, password, "GET", "/engine-rest/task?processInstanceId=" + pid,
        null, null).body());
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_AcceptApplication");
    JsonNode theirs = JSON.readTree(send(otherTownship, otherPassword, "GET",
        "/engine-rest/task?processInstanceId=" + pid, null, null).body());
    assertThat(theirs).as("another township's caseworker").isEmpty();
  }

  /** The sample household, moved to {@code village} of 蛟河市. */
  private String applicationIn(String village) throws Exception {
    String json = app.getBean(ObjectMapper.class).writeValueAsString(TestApplications.household());
    return json.replace("\"220122100201\"", "\"" + village + "\"").replace("\"220122\"", "\"220281\"");
  }

  private HttpResponse<String> send(String user, String password, String method, String path, String type,
      String body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("X-Requested-With", "test");
    if (user != null) {
      r.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (type != null) {
      r.header("Content-Type", type + ";charset=UTF-8");
    }
    r.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return client.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
