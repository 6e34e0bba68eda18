package org.doudi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.identity.internal.StaffImportCommand;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff import (docs/security.md, "人员导入"): a good file creates every account with its roles and a one-time initial
 * password; a file with bad lines is refused with every line's problem and creates nothing; an account with its
 * initial password can do nothing but change it, on the API and at the web apps' login.
 */
@DoudiTest
class StaffImportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Staff staff;
  @Autowired JdbcTemplate jdbc;
  @Autowired StaffImportCommand command;

  private final String tag = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aGoodFileCreatesEveryAccountWithItsRolesAndAnInitialPassword() throws Exception {
    String csv = "\uFEFF账号,姓名,角色,区划代码\r\n"
        + "zhang-" + tag + ",张三,乡镇（街道）经办人,220122100\r\n"
        + "li." + tag + ",李四,county_approver,220122\r\n"
        + "\r\n"
        + "wang_" + tag + ",\"王·五\",村(社区)协理员,220122100201\r\n";
    HttpResponse<String> r = post("/api/admin/staff/import", "demo", "demo", "text/csv", csv);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("created").asInt()).isEqualTo(3);
    List<String> passwords = new ArrayList<>();
    body.get("accounts").forEach(a -> passwords.add(a.get("initialPassword").asText()));
    assertThat(passwords).allMatch(p -> p.length() == 16).doesNotHaveDuplicates();
    assertThat(body.get("accounts").get(2).get("line").asInt()).isEqualTo(5);

    assertThat(staff.find("zhang-" + tag).orElseThrow().assignments())
        .containsExactly(new RoleAssignment(Role.TOWNSHIP_CASEWORKER, "220122100"));
    assertThat(staff.find("zhang-" + tag).orElseThrow().groupIds()).contains("region-220122100");
    assertThat(staff.find("li." + tag).orElseThrow().assignments())
        .containsExactly(new RoleAssignment(Role.COUNTY_APPROVER, "220122"));
    assertThat(identity.createUserQuery().userId("wang_" + tag).singleResult().getFirstName()).isEqualTo("王·五");
    assertThat(identity.checkPassword("zhang-" + tag, passwords.get(0))).isTrue();
    // the clear password is nowhere in the database
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE PWD_ = ?", Integer.class, passwords.get(0)))
        .isZero();
  }

  @Test
  void aFileWithBadLinesIsRefusedWithEveryLineAndCreatesNothing() throws Exception {
    long users = identity.createUserQuery().count();
    String csv = "account,name,role,region\n"
        + "ok-" + tag + ",赵六,TOWNSHIP_CASEWORKER,220122100\n"          // 2: good, but not created
        + "dup-" + tag + ",钱七,乡镇（街道）经办人,220122101\n"           // 3
        + "DUP-" + tag + ",钱七,乡镇（街道）经办人,220122101\n"           // 4: duplicate of line 3
        + "nongan-cw,孙八,乡镇（街道）经办人,220122100\n"                 // 5: exists already
        + "lvl-" + tag + ",周九,县级经办人,220122100\n"                   // 6: county role at a township
        + "reg-" + tag + ",吴十,督查员,999999\n"                          // 7: no such region
        + "bad account,郑一,督查员,220122\n"                              // 8: account syntax
        + "role-" + tag + ",王二,局长,220122\n"                           // 9: no such role
        + "formula-" + tag + ",=cmd|' /C calc'!A0,督查员,220122\n"        // 10: not a name
        + "cols-" + tag + ",冯三,督查员\n";                               // 11: three columns
    HttpResponse<String> r = post("/api/admin/staff/import", "demo", "demo", "text/csv", csv);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    JsonNode body = JSON.readTree(r.body());
    List<Integer> lines = new ArrayList<>();
    body.get("errors").forEach(e -> lines.add(e.get("line").asInt()));
    assertThat(lines).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(r.body()).contains("与第 3 行重复", "已存在", "只能设在县（市、区）一级".substring(0, 4), "999999",
        "不存在", "应有 4 列");
    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createUserQuery().userId("ok-" + tag).count()).isZero();
  }

  @Test
  void onlyAnAdministratorImports() throws Exception {
    HttpResponse<String> r = post("/api/admin/staff/import", "na-county-cw", "demo", "text/csv",
        "account,name,role,region\nx-" + tag + ",某某,督查员,220122\n");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("x-" + tag).count()).isZero();
  }

  @Test
  void anInitialPasswordMustBeChangedBeforeAnythingElse() throws Exception {
    String user = "first-" + tag;
    String other = "second-" + tag;
    HttpResponse<String> imported = post("/api/admin/staff/import", "demo", "demo", "text/csv",
        "account,name,role,region\n" + user + ",陈一,乡镇（街道）经办人,220122100\n" + other + ",陈二,督查员,220122\n");
    String initial = JSON.readTree(imported.body()).get("accounts").get(0).get("initialPassword").asText();
    String otherInitial = JSON.readTree(imported.body()).get("accounts").get(1).get("initialPassword").asText();

    // the API: the right password, but 403 saying where to change it
    HttpResponse<String> me = get("/api/me", user, initial);
    assertThat(me.statusCode()).isEqualTo(403);
    assertThat(me.body()).contains("初始密码尚未修改", "/account/password");
    assertThat(get("/engine-rest/task", user, initial).statusCode()).isEqualTo(403);

    // the web apps' login: refused with the same message, no session
    HttpResponse<String> login = webLogin(user, initial);
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(login.body()).contains("初始密码尚未修改", "/account/password");

    // the page exists
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/account/password")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("修改密码", "password.js");

    // the change: a weak new one, the same one, none: refused in Chinese, nothing changed
    HttpResponse<String> weak = change(user, initial, "short");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("新密码至少 10 个字符", "大写字母");
    assertThat(change(user, initial, initial).body()).contains("不能与原密码相同");
    assertThat(change(user, initial, "").statusCode()).isEqualTo(400);
    assertThat(get("/api/me", user, initial).statusCode()).isEqualTo(403);

    HttpResponse<String> done = change(user, initial, "Brand#New2026pw");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    HttpResponse<String> now = get("/api/me", user, "Brand#New2026pw");
    assertThat(now.statusCode()).as(now.body()).isEqualTo(200);
    assertThat(now.body()).contains("TOWNSHIP_CASEWORKER", "220122100");
    assertThat(webLogin(user, "Brand#New2026pw").statusCode()).isEqualTo(200);
    assertThat(identity.checkPassword(user, initial)).as("the initial password is gone").isFalse();

    // a wrong password (another account: each failure locks the account for a few seconds) is a plain refusal
    assertThat(get("/api/me", other, "wrong-password").statusCode()).isEqualTo(401);
    HttpResponse<String> wrongLogin = webLogin(other, "wrong-password");
    assertThat(wrongLogin.statusCode()).isEqualTo(401);
    assertThat(wrongLogin.body()).doesNotContain("初始密码");
    HttpResponse<String> wrong = change(other, "Wrong#Pass123", "Brand#New2026pw");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("原密码不正确");
    assertThat(identity.checkPassword(other, "Brand#New2026pw")).isFalse();
  }

  @Test
  void theCommandLineImportsPrintsAndAnswersZeroOrOne(@TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("good.csv"),
        "account,name,role,region\ncli-" + tag + ",刘一,SUPERVISOR,220122\n", StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(command.run(good, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("新建 1 个账号", "cli-" + tag + ",刘一,督查员,220122,");
    assertThat(staff.find("cli-" + tag).orElseThrow().assignments())
        .containsExactly(new RoleAssignment(Role.SUPERVISOR, "220122"));

    Path bad = Files.writeString(dir.resolve("bad.csv"),
        "account,name,role,region\ncli2-" + tag + ",刘二,SUPERVISOR,220122\ncli-" + tag + ",刘一,SUPERVISOR,220122\n",
        StandardCharsets.UTF_8);
    out.reset();
    assertThat(command.run(bad, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("第 3 行", "已存在");
    assertThat(identity.createUserQuery().userId("cli2-" + tag).count()).isZero();
    assertThat(command.run(dir.resolve("missing.csv"), new PrintStream(new ByteArrayOutputStream()))).isEqualTo(1);
  }

  private HttpResponse<String> change(String user, String current, String wanted) throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("account", user, "password", current,
        "newPassword", wanted));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/account/password"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> webLogin(String user, String password) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    String token = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(URI.create(base()
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", basic(user, password)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user, String password, String type, String body)
      throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", basic(user, password)).header("Content-Type", type + ";charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
