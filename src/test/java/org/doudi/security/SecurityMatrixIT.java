package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.doudi.household.TestApplications;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.platform.WebAppSession;
import org.doudi.platform.Http;
import org.doudi.platform.Postgres;
import org.doudi.region.Regions;
import org.doudi.unemployed.UnemployedApplication;
import org.doudi.security.RestEndpoints.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The role × region × endpoint matrix (docs/security-matrix.md). Every endpoint the application serves — /api (its
 * OpenAPI document and Spring MVC's mappings), /engine-rest (the Jersey resource model), /camunda/api/** (the web
 * apps' own JAX-RS applications, engine API included, with Camunda's session login), /actuator/**, /funds/** — is
 * called by every demo user and anonymously, against one seeded case in each of four regions: two townships of
 * 南关区 and two of 农安县. So each role meets a case of its own region, of another township of its county, of another
 * county, and the province roles meet them all. Each case holds a 低保 application, its emergency payment and award, and
 * an application of an uninsured unemployed person.
 *
 * <p>Two checks. <b>Zero leaks</b>, whatever the table says: personal data of a case (the household head's name, ID
 * number or account number, unmasked) only to those whose region covers the case, none to analysts, and anonymous
 * callers reach nothing but the public endpoints. <b>The expected table</b>: every answer (status class, and whether
 * personal data showed) equals docs/security-matrix.md; a new endpoint is a row missing from it. Regenerate the table
 * after a deliberate change with {@code -Ddoudi.matrix.write=true} and review the diff.
 *
 * <p>Writes are sent with placeholder ids ({@code x0}) and empty bodies, so that no request changes the seeded
 * cases; reads of one object are sent once per seeded case.
 */
class SecurityMatrixIT {

  static final Path TABLE = Path.of("docs/security-matrix.md");
  static final String REGENERATE = "mvn -B -ntp -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "
      + "-Dit.test=SecurityMatrixIT -Ddoudi.matrix.write=true";
  static final String ANONYMOUS = "（匿名）";

  /** Reachable without login: liveness, the password rules of the change-password page, login/logout, app assets. */
  static final List<Pattern> PUBLIC = List.of(Pattern.compile("GET /actuator/health.*"),
      Pattern.compile("GET /camunda/api/engine/engine"), // the engine names, for the login page
      Pattern.compile("(GET|POST) /camunda/api/engine/engine/\\{name}/identity/password-policy"),
      Pattern.compile("POST /camunda/api/admin/auth/user/\\{\\w+}/(login/\\{appName}|logout)"),
      Pattern.compile("GET /camunda/api/\\w+/plugin/[^ ]*/static/.*"),
      Pattern.compile("GET /camunda/api/\\w+/plugin/[^ ]*/asset/.*"));

  static final Pattern SESSION_CHANGING = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/(login/.*|logout)");

  final ObjectMapper json = new ObjectMapper();

  record Subject(String user, Role role, StaffMember member) {
    String column() {
      return user == null ? ANONYMOUS : user;
    }
  }

  /** A seeded case: one household in one region, with its 低保 application, emergency payment and award. */
  record SeededCase(String label, String region, String county, String filer, List<String> markers,
      Map<String, String> ids) {
    boolean showsIn(String body, String request) {
      for (String marker : markers) {
        if (body.contains(marker) && !request.contains(marker)) {
          return true;
        }
      }
      return false;
    }
  }

  record Call(Endpoint endpoint, String path, SeededCase target) {}

  @Test
  void everyEndpointForEveryRoleInEveryRegion() throws Exception {
    String url = Postgres.freshDatabase("doudi_matrix");
    long started = System.nanoTime();
    try (ConfigurableApplicationContext app = Postgres.application(url)) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      Http http = new Http(port);
      List<SeededCase> cases = seed(app, http);
      List<Subject> subjects = subjects(app);
      Set<Endpoint> endpoints = enumerate(app, http);
      Regions regions = app.getBean(Regions.class);

      Map<String, Map<String, Set<String>>> actual = new TreeMap<>();
      List<String> leaks = new ArrayList<>();
      int requests = 0;
      Map<String, Long> spent = new TreeMap<>();
      for (Subject s : subjects) {
        WebAppSession session = s.user() == null ? WebAppSession.anonymous(port)
            : WebAppSession.login(port, s.user(), "tasklist", "cockpit", "admin");
        for (Endpoint e : endpoints) {
          for (Call c : calls(e, cases)) {
            String body = needsBody(e) ? "{}" : null;
            Http.Response r;
            long t0 = System.nanoTime();
            if (SESSION_CHANGING.matcher(e.path()).matches()) {
              // login and logout go through a session of their own, so that the user's stays logged in
              r = WebAppSession.anonymous(port).send(e.method(), c.path(), body);
            } else if (e.path().startsWith("/camunda/")) {
              r = session == null ? new Http.Response(401, "") : session.send(e.method(), c.path(), body);
            } else {
              r = http.send(s.user(), e.method(), c.path(), body);
            }
            requests++;
            spent.merge(family(e.path()), System.nanoTime() - t0, Long::sum);
            boolean personal = false;
            for (SeededCase k : cases) {
              if (k.showsIn(r.body(), c.path())) {
                personal = true;
                if (!covers(s, k, regions)) {
                  leaks.add(s.column() + " " + e.method() + " " + c.path() + " → " + r.status() + " shows " + k.label());
                }
              }
            }
            if (s.user() == null && r.status() < 400 && !isPublic(e)) {
              leaks.add(ANONYMOUS + " " + e.method() + " " + c.path() + " → " + r.status());
            }
            actual.computeIfAbsent(e.toString(), k -> new TreeMap<>())
                .computeIfAbsent(s.column(), k -> new TreeSet<>()).add(token(r.status(), personal));
          }
        }
      }
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      System.out.printf("SecurityMatrixIT: %d endpoints × %d subjects (%d roles, %d seeded cases), %d requests, "
          + "%d leaks, %d s%n", endpoints.size(), subjects.size(), subjects.size() - 1, cases.size(), requests,
          leaks.size(), seconds);

      spent.forEach((f, n) -> System.out.printf("  %-40s %6d ms%n", f, n / 1_000_000));
      List<String> columns = subjects.stream().map(Subject::column).toList();
      Map<String, Map<String, String>> cells = new TreeMap<>();
      actual.forEach((row, bySubject) -> {
        Map<String, String> line = new LinkedHashMap<>();
        for (String col : columns) {
          line.put(col, String.join(" ", bySubject.getOrDefault(col, Set.of())));
        }
        cells.put(row, line);
      });
      if (Boolean.getBoolean("doudi.matrix.write")) {
        Files.writeString(TABLE, render(columns, subjects, cells, endpoints.size(), cases.size(), requests,
            leaks.size()), StandardCharsets.UTF_8);
      }
      assertThat(leaks).as("personal data or anonymous access beyond the rules").isEmpty();
      // placeholder ids and empty bodies are bad input: never a server error, whatever the table says
      List<String> serverErrors = cells.entrySet().stream()
          .filter(row -> row.getValue().values().stream().anyMatch(cell -> cell.contains("5xx")))
          .map(Map.Entry::getKey).toList();
      assertThat(serverErrors).as("endpoints answering 5xx").isEmpty();
      List<String> differences = compare(columns, cells);
      assertThat(differences).as("answers that differ from " + TABLE + " (after a deliberate change, regenerate with "
          + REGENERATE + " and review the diff)").isEmpty();
    }
    Postgres.dropIfTemporary(url);
  }

  // ---------------------------------------------------------------- fixture

  /** One case per region, each filed by the township caseworker there. */
  List<SeededCase> seed(ConfigurableApplicationContext app, Http http) throws Exception {
    String[][] places = {
        {"南岭社区", "220102001001", "220102", "nanling-cw", "URBAN", "矩阵南岭甲", "1"},
        {"自强社区", "220102002001", "220102", "ziqiang-cw", "URBAN", "矩阵自强乙", "2"},
        {"宝塔村", "220122100201", "220122", "nongan-cw", "RURAL", "矩阵宝塔丙", "3"},
        {"伏龙泉村", "220122101201", "220122", "fulongquan-cw", "RURAL", "矩阵伏龙丁", "4"}};
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    TaskService tasks = app.getBean(TaskService.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    ManagementService management = app.getBean(ManagementService.class);
    List<SeededCase> out = new ArrayList<>();
    for (String[] p : places) {
      String id = TestApplications.id(p[2] + "1970010190" + p[6]);
      String account = "62284899000000000" + p[6] + "7";
      Map<String, String> ids = new LinkedHashMap<>();
      String application = """
          {"countyCode":"%s","regionCode":"%s","urbanRural":"%s","address":"%s 1号","contactPhone":"13800000000",
           "members":[{"name":"%s","idNumber":"%s","relation":"SELF","hukouCountyCode":"%s","hukouUrbanRural":"%s",
             "seriousIllness":false,"ableToWork":false,"student":false,"monthlyIncome":{"WAGE":100},"rigidExpenses":0}],
           "assets":[],"authorisationSigned":true,"pledgeSigned":true,"agent":null,
           "bankAccount":{"bankName":"农商银行","accountNumber":"%s","holderName":"%s"},
           "separateRegistration":false,"separateRegistrationNote":null}"""
          .formatted(p[2], p[1], p[4], p[0], p[5], id, p[2], p[4], account, p[5]);
      Http.Response applied = http.send(p[3], "POST", "/api/applications", application);
      assertThat(applied.status()).as(applied.body()).isEqualTo(201);
      String pid = json.readTree(applied.body()).get("processInstanceId").asText();
      ids.put("pid", pid);
      ids.put("taskId", tasks.createTaskQuery().processInstanceId(pid).list().get(0).getId());
      List<VariableInstance> vars = runtime.createVariableInstanceQuery().processInstanceIdIn(pid).list();
      ids.put("variableId", vars.stream().filter(v -> String.valueOf(v.getValue()).contains(p[5])).findFirst()
          .orElse(vars.get(0)).getId());

      String emergency = """
          {"regionCode":"%s","reportChannel":"COUNTER","recipientName":"%s","recipientIdNumber":"%s",
           "recipientPhone":"13900000000","hukouPlace":"吉林省长春市","causeKind":"FIRE","cause":"住房失火",
           "amount":500.00,"exceptional":false}""".formatted(p[1], p[5], id);
      Http.Response reported = http.send(p[3], "POST", "/api/temporary/emergencies", emergency);
      assertThat(reported.status()).as(reported.body()).isEqualTo(201);
      String emergencyPid = json.readTree(reported.body()).get("processInstanceId").asText();
      ids.put("emergencyPid", emergencyPid);
      // the payment is recorded behind an async boundary; the tests drive jobs themselves
      for (int i = 0; i < 10; i++) {
        var jobs = management.createJobQuery().processInstanceId(emergencyPid).executable().list();
        if (jobs.isEmpty()) {
          break;
        }
        jobs.forEach(j -> management.executeJob(j.getId()));
      }
      JsonNode payments = json.readTree(http.get(p[3], "/api/payments?caseRef=" + emergencyPid).body());
      assertThat(payments.size()).as("the 先行救助 payment of " + p[0]).isPositive();
      ids.put("paymentId", payments.get(0).get("id").asText());

      // an award as the payroll module leaves it after a decision (the decision itself is DibaoPostgresIT's subject)
      String key = "P-" + id;
      jdbc.update("INSERT INTO benefit_award (beneficiary_key, scheme, seq, change_kind, case_ref, county_code,"
              + " region_code, urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number,"
              + " monthly_amount, effective_from, reason, decided_by, created_at)"
              + " VALUES (?, 'DIBAO', 1, 'GRANT', ?, ?, ?, ?, 1, ?, ?, '农商银行', ?, ?, ?, NULL, 'matrix', ?)",
          key, pid, p[2], p[1], p[4], p[5], id, account, new BigDecimal("300.00"),
          Date.valueOf(LocalDate.of(2026, 1, 1)), Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
      ids.put("awardKey", key);
      // an application of an uninsured unemployed person of the same village (another person: one benefit each)
      String unemployedName = p[5] + "失业";
      String unemployedId = TestApplications.id(p[2] + "1980020290" + p[6]);
      String unemployedAccount = "62284877000000000" + p[6] + "3";
      String unemployed = UnemployedApplication.EXAMPLE_JSON.replace("王五", unemployedName)
          .replace("220122198803150012", unemployedId).replace("\"countyCode\":\"220122\"", "\"countyCode\":\"" + p[2] + "\"")
          .replace("220122100201", p[1]).replace("\"RURAL\"", "\"" + p[4] + "\"")
          .replace("6228480010000000011", unemployedAccount);
      Http.Response filed = http.send(p[3], "POST", "/api/unemployed/applications", unemployed);
      assertThat(filed.status()).as(filed.body()).isEqualTo(201);
      ids.put("unemployedId", json.readTree(filed.body()).get("applicationId").asText());
      out.add(new SeededCase(p[0] + " " + p[1], p[1], p[2], p[3],
          List.of(p[5], id, account, unemployedName, unemployedId, unemployedAccount), ids));
    }
    return out;
  }

  /**
   * One demo user per role, all in or above 农安县 (so that 宝塔村 is their own region, 伏龙泉村 another township of
   * their county, 南关区's cases another county; the province roles cover all four), and the anonymous caller.
   */
  static final List<String> USERS = List.of("demo", "auditor", "analyst", "supervisor", "na-county-approver",
      "na-county-cw", "nongan-approver", "nongan-cw", "baota");

  List<Subject> subjects(ConfigurableApplicationContext app) {
    Staff staff = app.getBean(Staff.class);
    List<Subject> out = new ArrayList<>();
    out.add(new Subject(null, null, null));
    Set<Role> roles = new TreeSet<>();
    for (String user : USERS) {
      StaffMember m = staff.find(user).orElseThrow(() -> new IllegalStateException("no demo user " + user));
      Role role = m.administrator() ? Role.ADMIN : m.assignments().stream().map(StaffMember.RoleAssignment::role)
          .min(Comparator.naturalOrder()).orElseThrow();
      roles.add(role);
      out.add(new Subject(user, role, m));
    }
    assertThat(roles).as("every role has its user in the matrix (SecurityMatrixIT.USERS)")
        .containsExactlyInAnyOrder(Role.values());
    return out;
  }

  boolean covers(Subject s, SeededCase c, Regions regions) {
    if (s.member() == null) {
      return false;
    }
    if (s.member().administrator()) {
      return true;
    }
    return s.member().assignments().stream().anyMatch(a -> a.role() != Role.ANALYST
        && regions.isWithin(c.region(), a.regionCode()));
  }

  // ---------------------------------------------------------------- enumeration

  Set<Endpoint> enumerate(ConfigurableApplicationContext app, Http http) throws IOException {
    Set<Endpoint> all = new TreeSet<>();
    // /api: the OpenAPI document, and every Spring MVC mapping (so an endpoint hidden from the document still counts)
    JsonNode openapi = json.readTree(http.get("demo", "/api/openapi").body());
    openapi.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
      if (Set.of("get", "post", "put", "delete", "patch").contains(m)) {
        all.add(new Endpoint(m.toUpperCase(), p.getKey()));
      }
    }));
    for (RequestMappingInfoHandlerMapping mapping : app.getBeansOfType(RequestMappingInfoHandlerMapping.class)
        .values()) {
      mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(p -> {
        if (p.startsWith("/api/") || p.startsWith("/actuator") || p.startsWith("/funds")) {
          Set<String> methods = new TreeSet<>();
          info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
          if (methods.isEmpty()) {
            methods.add("GET");
          }
          String path = p.replace("/**", "/{rest}").replaceAll("\\{\\*(\\w+)}", "{$1}");
          methods.forEach(m -> all.add(new Endpoint(m, path)));
        }
      }));
    }
    all.removeIf(e -> e.path().startsWith("/api/openapi") || e.path().startsWith("/api/docs"));
    // the static pages under /funds
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:/static/funds/**/*.*")) {
      String u = r.getURL().toString();
      all.add(new Endpoint("GET", u.substring(u.indexOf("/static/funds/") + "/static".length())));
    }
    // the REST API and the web apps' applications (the engine API again, admin, cockpit, tasklist, welcome)
    all.addAll(RestEndpoints.templates("/engine-rest",
        org.camunda.bpm.engine.rest.impl.CamundaRestResources.getResourceClasses()));
    all.addAll(RestEndpoints.templates("/camunda/api/engine", new EngineRestApplication().getClasses()));
    all.addAll(RestEndpoints.templates("/camunda/api/admin", new AdminApplication().getClasses()));
    all.addAll(RestEndpoints.templates("/camunda/api/cockpit", new CockpitApplication().getClasses()));
    all.addAll(RestEndpoints.templates("/camunda/api/tasklist", new TasklistApplication().getClasses()));
    all.addAll(RestEndpoints.templates("/camunda/api/welcome", new WelcomeApplication().getClasses()));
    all.removeIf(e -> e.method().equals("OPTIONS") || e.method().equals("HEAD"));
    return all;
  }

  static String family(String path) {
    String[] p = path.split("/");
    return String.join("/", java.util.Arrays.copyOfRange(p, 0, Math.min(p.length, path.startsWith("/camunda") ? 4 : 3)));
  }

  static boolean isPublic(Endpoint e) {
    return PUBLIC.stream().anyMatch(p -> p.matcher(e.toString()).matches());
  }

  static boolean needsBody(Endpoint e) {
    return e.method().equals("POST") || e.method().equals("PUT") || e.method().equals("PATCH");
  }

  static final Pattern PARAM = Pattern.compile("\\{([\\w-]+)}");

  /** Reads of one object go once to each seeded case; everything else once, with placeholders. */
  List<Call> calls(Endpoint e, List<SeededCase> cases) {
    String query = requiredQuery(e.path());
    if (e.method().equals("GET")) {
      List<Call> perCase = new ArrayList<>();
      for (SeededCase c : cases) {
        String path = fill(e.path(), c);
        if (path != null) {
          perCase.add(new Call(e, path + query.replace("{caseRef}", c.ids().get("emergencyPid"))
              .replace("{pid}", c.ids().get("pid")), c));
        }
      }
      if (!perCase.isEmpty()) {
        return perCase;
      }
    }
    return List.of(new Call(e, fill(e.path(), null) + query.replace("{caseRef}", "x0").replace("{pid}", "x0"),
        null));
  }

  /** The path with each parameter filled, or null when {@code c} is given and no parameter names a case's object. */
  String fill(String template, SeededCase c) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    boolean caseParam = requiredQuery(template).contains("{caseRef}") || requiredQuery(template).contains("{pid}");
    while (m.find()) {
      String before = template.substring(0, m.start());
      String value = engineName(m.group(1), before) ? "default" : c == null ? null : caseValue(template, before, m.group(1), c);
      caseParam |= value != null && !value.equals("default");
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "x0" : value));
    }
    m.appendTail(out);
    return c != null && !caseParam ? null : out.toString().replaceAll("\\{[^}]*}", "x0");
  }

  static boolean engineName(String param, String before) {
    return param.equals("engine") || param.equals("engineName") || param.equals("processEngineName")
        || param.equals("name") && before.endsWith("/engine/");
  }

  static String caseValue(String template, String before, String param, SeededCase c) {
    String segment = before.replaceAll("/$", "");
    segment = segment.substring(segment.lastIndexOf('/') + 1);
    if (template.startsWith("/api/")) {
      return switch (param) {
        case "processInstanceId" -> c.ids().get(template.startsWith("/api/temporary/") ? "emergencyPid" : "pid");
        case "beneficiaryKey" -> c.ids().get("awardKey");
        case "id" -> template.startsWith("/api/payments/") ? c.ids().get("paymentId") : null;
        case "applicationId" -> template.startsWith("/api/unemployed/") ? c.ids().get("unemployedId") : null;
        default -> null;
      };
    }
    if (!param.equals("id") && !param.equals("processInstanceId") && !param.equals("taskId")) {
      return null;
    }
    return switch (segment) {
      case "process-instance", "execution" -> c.ids().get("pid");
      case "task" -> c.ids().get("taskId");
      case "variable-instance" -> c.ids().get("variableId");
      default -> null;
    };
  }

  /** Query parameters some /api reads require (the rest answer 400 without them, which is fine). */
  static String requiredQuery(String path) {
    return switch (path) {
      case "/api/payments" -> "?caseRef={caseRef}";
      case "/api/cases/overview" -> "?processInstanceId={pid}";
      case "/api/funds/monitoring", "/api/funds/monitoring.csv" -> "?from=2026-01&to=2026-12";
      case "/api/worklist/cards" -> "?taskIds=x0";
      default -> "";
    };
  }

  static String token(int status, boolean personal) {
    String s = status == 401 || status == 403 || status == 404 ? String.valueOf(status) : (status / 100) + "xx";
    return personal ? s + "·P" : s;
  }

  // ---------------------------------------------------------------- the expected table

  List<String> compare(List<String> columns, Map<String, Map<String, String>> cells) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.exists(TABLE)) {
      return List.of(TABLE + " is missing");
    }
    List<String> header = null;
    Map<String, List<String>> expected = new TreeMap<>();
    for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
      if (!line.startsWith("| ")) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (String p : line.substring(1, line.length() - 1).split("\\|", -1)) {
        parts.add(p.trim());
      }
      if (parts.get(0).equals("Method")) {
        header = parts.subList(2, parts.size());
      } else if (header != null && parts.size() == header.size() + 2 && !parts.get(0).startsWith("-")) {
        expected.put(parts.get(0) + " " + parts.get(1).replace("`", ""), parts.subList(2, parts.size()));
      }
    }
    if (!columns.equals(header)) {
      return List.of("columns " + header + " in " + TABLE + ", users now " + columns);
    }
    for (var row : cells.entrySet()) {
      List<String> want = expected.get(row.getKey());
      if (want == null) {
        out.add("missing from the expected table (a new endpoint?): " + row.getKey());
        continue;
      }
      int i = 0;
      for (var cell : row.getValue().entrySet()) {
        if (!cell.getValue().equals(want.get(i))) {
          out.add(row.getKey() + " as " + cell.getKey() + ": expected " + want.get(i) + ", got " + cell.getValue());
        }
        i++;
      }
    }
    expected.keySet().stream().filter(k -> !cells.containsKey(k))
        .forEach(k -> out.add("no longer served (remove the row): " + k));
    return out;
  }

  String render(List<String> columns, List<Subject> subjects, Map<String, Map<String, String>> cells,
      int endpoints, int cases, int requests, int leaks) {
    StringBuilder b = new StringBuilder();
    b.append("# 角色 × 区域 × 接口矩阵（Role × region × endpoint matrix）\n\n");
    b.append("本表由 `SecurityMatrixIT` 生成并核对，请勿手工编辑。接口或权限有意变更后，用以下命令重新生成并审阅差异：\n")
        .append("Generated and checked by `SecurityMatrixIT`; do not edit by hand. After a deliberate change, regenerate "
            + "and review the diff:\n\n```bash\n" + REGENERATE + "\n```\n\n");
    b.append("## 图例（Legend）\n\n")
        .append("- 行：应用提供的每个接口（`/api` 的 OpenAPI 文档与 Spring MVC 映射、`/engine-rest` 的 Jersey 资源、"
            + "`/camunda/api/**` 各 Web 应用的接口、`/actuator/**`、`/funds/**`）。Rows: every endpoint the application "
            + "serves.\n")
        .append("- 列：每个演示用户（及其角色与辖区）和匿名访问者。Columns: every demo user (role, region) and the anonymous "
            + "caller. `/camunda/api/**` is called in a Camunda web-app session, the rest with HTTP Basic.\n")
        .append("- 测试数据：四个辖区各一件案件（南岭社区、自强社区属南关区；宝塔村、伏龙泉村属农安县），每件含低保申请、"
            + "急难型先行救助付款、待遇记录和一件未参保失业人员临时救助申请。Seeded data: one case in each of four regions "
            + "(two townships of 南关区, two of 农安县), each with a 低保 application, an emergency payment, an award and "
            + "an application of an uninsured unemployed person.\n")
        .append("- 单元格：该用户对该接口所有请求得到的状态类别（`2xx`、`3xx`、`401`、`403`、`404`、`4xx` 其他客户端错误、"
            + "`5xx`）；`·P` 表示响应中出现了案件的个人信息（姓名、未脱敏的身份证号或银行账号）。读取单个对象的接口对四件案件"
            + "各请求一次。Cell: the status classes of the user's requests to the endpoint; `·P`: the answer showed a "
            + "case's personal data (name, unmasked ID or account number). Reads of one object are sent once per "
            + "seeded case; writes once, with placeholder ids and an empty body.\n")
        .append("- 零泄露规则（独立于本表检查）：个人信息只给辖区覆盖该案件的人，业务分析员一概不给；匿名访问除健康检查等公开"
            + "接口外一律拒绝。Zero leaks (checked independently of this table): personal data only to those whose region "
            + "covers the case, none to analysts; anonymous callers are refused everywhere but the public endpoints "
            + "(health, the password policy, login/logout, web-app assets).\n\n");
    b.append("## 用户（Users）\n\n| 列 Column | 角色 Role | 辖区 Region |\n|---|---|---|\n");
    for (Subject s : subjects) {
      if (s.user() == null) {
        b.append("| ").append(ANONYMOUS).append(" | — | — |\n");
      } else {
        b.append("| ").append(s.user()).append(" | ").append(s.role() == null ? "—" : s.role().label() + " "
            + s.role().name()).append(" | ").append(s.member().assignments().stream()
            .map(StaffMember.RoleAssignment::regionCode).sorted().reduce((x, y) -> x + ", " + y).orElse("—"))
            .append(" |\n");
      }
    }
    b.append("\n## 数字（Figures）\n\n")
        .append("- 接口 endpoints: ").append(endpoints).append("\n")
        .append("- 用户 subjects: ").append(columns.size()).append(" (").append(columns.size() - 1)
        .append(" demo users + anonymous), seeded cases: ").append(cases).append("\n")
        .append("- 请求 requests: ").append(requests).append("\n")
        .append("- 泄露 leaks: ").append(leaks).append("\n\n");
    b.append("## 矩阵（Matrix）\n\n| Method | Path | ").append(String.join(" | ", columns)).append(" |\n|---|---|")
        .append("---|".repeat(columns.size())).append("\n");
    cells.forEach((row, line) -> {
      int space = row.indexOf(' ');
      b.append("| ").append(row, 0, space).append(" | `").append(row.substring(space + 1)).append("` | ")
          .append(String.join(" | ", line.values())).append(" |\n");
    });
    return b.toString();
  }
}
