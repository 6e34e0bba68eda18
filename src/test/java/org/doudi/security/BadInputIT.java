package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.doudi.household.TestApplications;
import org.doudi.platform.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bad-input corpus (issue 14 item 4, docs/security.md): every case of {@code badinput/cases.json} — endpoint
 * templates × generic mutations, and explicit cases — plus cases generated from each deployed form's own rules, sent
 * to the application running on PostgreSQL. Each must answer 4xx (never 5xx), in Chinese, naming the problem, and leave
 * every table as it was. All failures are collected and listed together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

  static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  final ObjectMapper json = new ObjectMapper();
  ConfigurableApplicationContext app;
  String url;
  int port;
  JdbcTemplate jdbc;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Map<String, String> placeholders = new LinkedHashMap<>();
  String snapshotSql;

  @BeforeAll
  void start() throws Exception {
    url = Postgres.freshDatabase("doudi_badinput");
    app = Postgres.application(url);
    port = ((WebServerApplicationContext) app).getWebServer().getPort();
    jdbc = app.getBean(JdbcTemplate.class);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    Postgres.dropIfTemporary(url);
  }

  record Case(String kind, String label, String method, String path, String user, String contentType, byte[] body,
      List<Integer> expect, List<String> names) {}

  record Answer(int status, String body) {}

  @Test
  void everyMalformedRequestIsRefusedInChineseAndStoresNothing() throws Exception {
    fixtures();
    List<Case> cases = new ArrayList<>(fileCases());
    int fromFile = cases.size();
    cases.addAll(formCases());
    snapshotSql = snapshotSql();
    Map<String, int[]> perKind = new TreeMap<>(); // kind → {tried, 5xx}
    List<String> failures = new ArrayList<>();
    Map<String, String> before = snapshot();
    for (Case c : cases) {
      Answer a = send(c);
      Map<String, String> after = snapshot();
      int[] k = perKind.computeIfAbsent(c.kind(), x -> new int[2]);
      k[0]++;
      if (a.status() >= 500) {
        k[1]++;
      }
      List<String> problems = new ArrayList<>();
      if (!c.expect().contains(a.status())) {
        problems.add("status " + a.status() + " (expected " + c.expect() + ")");
      }
      if (!CJK.matcher(a.body()).find()) {
        problems.add("no Chinese in the answer");
      }
      if (!c.names().isEmpty() && c.names().stream().noneMatch(a.body()::contains)) {
        problems.add("the answer names none of " + c.names());
      }
      if (!after.equals(before)) {
        problems.add("tables changed: " + diff(before, after));
      }
      if (!problems.isEmpty()) {
        failures.add(c.label() + " " + c.method() + " " + c.path() + " → " + String.join("; ", problems) + " :: "
            + abbreviate(a.body()));
      }
      before = after;
    }
    int total = perKind.values().stream().mapToInt(v -> v[0]).sum();
    int fives = perKind.values().stream().mapToInt(v -> v[1]).sum();
    StringBuilder figures = new StringBuilder("BadInputIT: " + total + " cases (" + fromFile + " from cases.json, "
        + (total - fromFile) + " from the forms), 5xx: " + fives + "\n");
    perKind.forEach((k, v) -> figures.append(String.format("  %-18s %4d tried, %d 5xx%n", k, v[0], v[1])));
    figures.append("  user-task forms tried: ").append(formsTried.size()).append(", tasks that could not be made: ")
        .append(tasksNotMade.size()).append(tasksNotMade.isEmpty() ? "" : " " + tasksNotMade).append('\n');
    System.out.println(figures);
    assertThat(total).isGreaterThanOrEqualTo(300);
    assertThat(failures).as(figures + "failures:\n" + String.join("\n", failures)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------- fixtures

  /** Live cases and tasks the paths of the corpus refer to ({case:…}, {task:<form id>}). */
  private void fixtures() throws Exception {
    ObjectMapper appJson = app.getBean(ObjectMapper.class);
    String household = appJson.writeValueAsString(TestApplications.unique(TestApplications.household()));
    Answer dibao = raw("nongan-cw", "POST", "/api/applications", "application/json", household.getBytes(StandardCharsets.UTF_8));
    assertThat(dibao.status()).as(dibao.body()).isBetween(200, 299);
    placeholders.put("{case:dibao}", json.readTree(dibao.body()).get("processInstanceId").asText());

    JsonNode templates = corpus().get("templates");
    Answer emergency = raw("nongan-cw", "POST", "/api/temporary/emergencies", "application/json",
        json.writeValueAsBytes(templates.get("emergency")));
    assertThat(emergency.status()).as(emergency.body()).isBetween(200, 299);
    placeholders.put("{case:emergency}", json.readTree(emergency.body()).get("processInstanceId").asText());

    Answer hardship = raw("nanling-cw", "POST", "/engine-rest/process-definition/key/hardship-report/start",
        "application/json", json.writeValueAsBytes(templates.get("hardshipStart")));
    assertThat(hardship.status()).as(hardship.body()).isEqualTo(200);
    String pid = json.readTree(hardship.body()).get("id").asText();
    Task verify = app.getBean(TaskService.class).createTaskQuery().processInstanceId(pid).singleResult();
    placeholders.put("{task:hardship-report-verify}", verify.getId());
    householdTemplate = household;
  }

  private String householdTemplate;
  private JsonNode corpus;

  private JsonNode corpus() throws Exception {
    if (corpus == null) {
      try (InputStream in = getClass().getResourceAsStream("/badinput/cases.json")) {
        corpus = json.readTree(in);
      }
    }
    return corpus;
  }

  // ------------------------------------------------------------------------------------------ the file's cases

  private List<Case> fileCases() throws Exception {
    JsonNode doc = corpus();
    Map<String, JsonNode> endpoints = new LinkedHashMap<>();
    doc.get("endpoints").forEach(e -> endpoints.put(e.get("id").asText(), e));
    List<Case> out = new ArrayList<>();
    for (JsonNode e : endpoints.values()) {
      for (JsonNode g : doc.get("generic")) {
        out.add(generic(e, g));
      }
    }
    for (JsonNode c : doc.get("cases")) {
      out.add(explicit(c, endpoints));
    }
    return out;
  }

  private ObjectNode template(JsonNode endpoint) throws Exception {
    String name = endpoint.get("template").asText();
    return (ObjectNode) ("household".equals(name) ? json.readTree(householdTemplate)
        : corpus().get("templates").get(name).deepCopy());
  }

  private Case generic(JsonNode e, JsonNode g) throws Exception {
    ObjectNode body = template(e);
    String type = "application/json";
    byte[] bytes;
    String mutate = g.get("mutate").asText();
    switch (mutate) {
      case "truncate" -> {
        String s = json.writeValueAsString(body);
        bytes = s.substring(0, s.length() - 2).getBytes(StandardCharsets.UTF_8);
      }
      case "duplicate" -> {
        String s = json.writeValueAsString(body);
        String first = body.fieldNames().next();
        String again = "{" + json.writeValueAsString(first) + ":" + json.writeValueAsString(body.get(first)) + ",";
        bytes = (again + s.substring(1)).getBytes(StandardCharsets.UTF_8);
      }
      case "contentType" -> {
        type = g.get("contentType").asText();
        bytes = json.writeValueAsBytes(body);
      }
      case "oversize" -> {
        String s = json.writeValueAsString(body);
        bytes = (s.substring(0, s.length() - 1) + " ".repeat(1024 * 1024 + 10) + "}").getBytes(StandardCharsets.UTF_8);
      }
      case "raw" -> bytes = g.get("body").asText().getBytes(StandardCharsets.UTF_8);
      case "firstText" -> {
        setFirstText(body, value(g.get("value")).asText());
        bytes = json.writeValueAsBytes(body);
      }
      default -> throw new IllegalArgumentException(mutate);
    }
    return new Case(g.get("kind").asText(), e.get("id").asText() + "/" + g.get("kind").asText() + "/" + mutate,
        e.get("method").asText(), e.get("path").asText(), e.get("user").asText(), type, bytes, ints(g.get("expect")),
        strings(g.get("names")));
  }

  private Case explicit(JsonNode c, Map<String, JsonNode> endpoints) throws Exception {
    String kind = c.get("kind").asText();
    if (c.has("endpoint")) {
      JsonNode e = endpoints.get(c.get("endpoint").asText());
      ObjectNode body = template(e);
      StringBuilder label = new StringBuilder(e.get("id").asText() + "/" + kind);
      for (Iterator<Map.Entry<String, JsonNode>> it = c.get("set").fields(); it.hasNext(); ) {
        var s = it.next();
        set(body, s.getKey(), value(s.getValue()));
        label.append(' ').append(s.getKey()).append('=').append(abbreviate(s.getValue().toString()));
      }
      return new Case(kind, label.toString(), e.get("method").asText(), e.get("path").asText(), e.get("user").asText(),
          "application/json", json.writeValueAsBytes(body), ints(c.get("expect")), strings(c.get("names")));
    }
    byte[] bytes = null;
    if (c.has("body")) {
      bytes = json.writeValueAsBytes(c.get("body"));
    } else if (c.has("raw")) {
      bytes = c.get("raw").asText().getBytes(StandardCharsets.UTF_8);
    } else if (c.has("oversize")) {
      int size = c.get("oversize").isInt() ? c.get("oversize").asInt() : 1024 * 1024 + 10;
      bytes = new byte[size];
      java.util.Arrays.fill(bytes, (byte) 'a');
    }
    String type = c.has("contentType") ? c.get("contentType").asText() : (bytes == null ? null : "application/json");
    return new Case(kind, kind + " " + c.get("path").asText(), c.get("method").asText(), c.get("path").asText(),
        c.get("user").asText(), type, bytes, ints(c.get("expect")), strings(c.get("names")));
  }

  /** {"$repeat":"长","times":5000} stands for a long text, so the file stays readable. */
  private JsonNode value(JsonNode v) {
    if (v.isObject() && v.has("$repeat")) {
      return TextNode.valueOf(v.get("$repeat").asText().repeat(v.get("times").asInt()));
    }
    return v;
  }

  /** Sets a value at a path like {@code members[0].idNumber} or {@code variables.householdHead.value}. */
  private static void set(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    JsonNode node = root;
    for (int i = 0; i < parts.length; i++) {
      Matcher m = Pattern.compile("(\\w+)(?:\\[(\\d+)])?").matcher(parts[i]);
      if (!m.matches()) {
        throw new IllegalArgumentException(path);
      }
      boolean last = i == parts.length - 1;
      if (m.group(2) == null) {
        if (last) {
          ((ObjectNode) node).set(m.group(1), value);
        } else {
          node = node.get(m.group(1));
        }
      } else {
        ArrayNode array = (ArrayNode) node.get(m.group(1));
        int index = Integer.parseInt(m.group(2));
        if (last) {
          array.set(index, value);
        } else {
          node = array.get(index);
        }
      }
      if (node == null) {
        throw new IllegalArgumentException("No " + path + " in the template");
      }
    }
  }

  private static boolean setFirstText(JsonNode node, String value) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getValue().isTextual()) {
          o.put(e.getKey(), value);
          return true;
        }
        if (setFirstText(e.getValue(), value)) {
          return true;
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, TextNode.valueOf(value));
          return true;
        }
        if (setFirstText(a.get(i), value)) {
          return true;
        }
      }
    }
    return false;
  }

  // --------------------------------------------------------------------------------------------- form cases

  /**
   * For every deployed start form and every user task form (a task made for it), one value per field that breaks the
   * field's own declared rule (required, min, max, decimal digits, maxLength, pattern, options, checkbox), submitted
   * through {@code /engine-rest}. The forms are the corpus here: a rule added to a form is tried on the next run.
   */
  private List<Case> formCases() throws Exception {
    RepositoryService repo = app.getBean(RepositoryService.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    TaskService tasks = app.getBean(TaskService.class);
    List<Case> out = new ArrayList<>();
    for (ProcessDefinition d : repo.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repo.getBpmnModelInstance(d.getId());
      for (StartEvent s : model.getModelElementsByType(StartEvent.class)) {
        String formRef = s.getCamundaFormRef();
        if (formRef != null && s.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process) {
          for (Map.Entry<String, JsonNode> bad : badValues(formRef)) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putObject("variables").putObject(bad.getKey()).set("value", bad.getValue());
            out.add(new Case("form", formRef + " " + bad.getKey() + "=" + abbreviate(bad.getValue().toString()), "POST",
                "/engine-rest/process-definition/key/" + d.getKey() + "/submit-form", "demo", "application/json",
                json.writeValueAsBytes(body), List.of(400), List.of(bad.getKey())));
          }
        }
      }
      for (UserTask t : model.getModelElementsByType(UserTask.class)) {
        String formRef = t.getCamundaFormRef();
        if (formRef == null) {
          continue;
        }
        List<Map.Entry<String, JsonNode>> values = badValues(formRef);
        if (values.isEmpty()) {
          continue;
        }
        Optional<String> taskId = liveTask(runtime, tasks, d, t.getId());
        if (taskId.isEmpty()) {
          continue;
        }
        formsTried.add(formRef);
        for (Map.Entry<String, JsonNode> bad : values) {
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          body.putObject("variables").putObject(bad.getKey()).set("value", bad.getValue());
          out.add(new Case("form", formRef + " " + bad.getKey() + "=" + abbreviate(bad.getValue().toString()), "POST",
              "/engine-rest/task/" + taskId.get() + "/complete", "demo", "application/json", json.writeValueAsBytes(body),
              List.of(400), List.of(bad.getKey())));
        }
      }
    }
    return out;
  }

  final List<String> tasksNotMade = new ArrayList<>();
  final java.util.Set<String> formsTried = new java.util.TreeSet<>();

  /** A task of this activity: started right before it with the variables a case of the region carries. */
  private Optional<String> liveTask(RuntimeService runtime, TaskService tasks, ProcessDefinition d, String activity) {
    try {
      // variables before the instruction are the process's (after it, the activity's own)
      var instance = runtime.createProcessInstanceById(d.getId())
          .setVariable("regionCode", "220122100201").setVariable("countyCode", "220122")
          .setVariable("amount", "500.00").setVariable("expenseAmount", "800.00")
          // what earlier steps set and the tasks' deadline expressions read
          .setVariable("acceptedAt", new java.util.Date()).setVariable("overallLimitWorkingDays", 30)
          .setVariable("easingExpectedAt", new java.util.Date()).setVariable("authority", "COUNTY")
          .startBeforeActivity(activity).execute();
      return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).list().stream()
          .findFirst().map(Task::getId);
    } catch (RuntimeException e) {
      tasksNotMade.add(d.getKey() + ":" + activity + " (" + e.getMessage() + ")");
      return Optional.empty();
    }
  }

  /** One breaking value per rule of each editable field of the form. */
  private List<Map.Entry<String, JsonNode>> badValues(String formId) throws Exception {
    JsonNode form;
    try (InputStream in = getClass().getResourceAsStream("/forms/" + formId + ".form")) {
      if (in == null) {
        return List.of();
      }
      form = json.readTree(in);
    }
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    JsonNodeFactory f = JsonNodeFactory.instance;
    for (JsonNode c : form.path("components")) {
      String key = c.path("key").asText("");
      if (key.isEmpty() || c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false)) {
        continue;
      }
      JsonNode v = c.path("validate");
      switch (c.path("type").asText()) {
        case "number" -> {
          out.add(Map.entry(key, f.textNode("十二")));
          if (v.has("min")) {
            out.add(Map.entry(key, f.numberNode(v.get("min").decimalValue().subtract(java.math.BigDecimal.ONE))));
          }
          if (v.has("max")) {
            out.add(Map.entry(key, f.numberNode(v.get("max").decimalValue().add(java.math.BigDecimal.ONE))));
          } else {
            out.add(Map.entry(key, f.numberNode(new java.math.BigDecimal("1E+15"))));
          }
          out.add(Map.entry(key, f.numberNode(new java.math.BigDecimal("1.123456"))));
        }
        case "select", "radio" -> out.add(Map.entry(key, f.textNode("NOT_AN_OPTION")));
        case "checkbox" -> out.add(Map.entry(key, f.textNode("perhaps")));
        case "textfield", "textarea" -> {
          int max = v.has("maxLength") ? v.get("maxLength").asInt() : 4000;
          out.add(Map.entry(key, f.textNode("长".repeat(max + 1))));
          if (v.has("pattern")) {
            out.add(Map.entry(key, f.textNode("x")));
          }
        }
        default -> { }
      }
      if (v.path("required").asBoolean(false) && !c.has("conditional")) {
        out.add(Map.entry(key, f.textNode("")));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------- HTTP and tables

  private Answer send(Case c) throws Exception {
    String path = c.path();
    for (Map.Entry<String, String> p : placeholders.entrySet()) {
      path = path.replace(p.getKey(), p.getValue());
    }
    if (c.user().startsWith("webapp:")) {
      return webapp(c.user().substring("webapp:".length()), c.method(), path, c.contentType(), c.body());
    }
    return raw(c.user(), c.method(), path, c.contentType(), c.body());
  }

  Answer raw(String user, String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return exchange(client, b, method, contentType, body);
  }

  private HttpClient webClient;
  private String xsrf;

  /** Through the web apps' own API, with Camunda's session login and CSRF token, as Tasklist sends it. */
  Answer webapp(String user, String method, String path, String contentType, byte[] body) throws Exception {
    if (webClient == null) {
      CookieManager cookies = new CookieManager();
      webClient = HttpClient.newBuilder().cookieHandler(cookies).build();
      xsrf = csrfToken(cookies);
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
      HttpResponse<String> login = webClient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
              + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      xsrf = csrfToken(cookies); // the login starts a new session with a new token
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf);
    return exchange(webClient, b, method, contentType, body);
  }

  private String csrfToken(CookieManager cookies) throws Exception {
    HttpResponse<String> fetch = webClient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/api/engine/engine/")).header("X-XSRF-TOKEN", "Fetch").GET().build(), HttpResponse.BodyHandlers.ofString());
    return fetch.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies().stream()
        .filter(k -> k.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow());
  }

  private static Answer exchange(HttpClient client, HttpRequest.Builder b, String method, String contentType, byte[] body) {
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      // the server may close the connection on a refused oversized body before reading it all
      return new Answer(-1, "connection closed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * One statement giving each table's row count and a digest of its rows. Left out: the engine's id block and metrics
   * (written by the engine whenever it likes), the audit trail (which records every refused request by design, and
   * whose sealer chains entries whenever it runs: docs/audit.md), and the deployments' bytes (counted only).
   */
  private String snapshotSql() {
    List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
        + "'public' AND table_type = 'BASE TABLE' ORDER BY table_name", String.class);
    List<String> parts = new ArrayList<>();
    for (String t : tables) {
      if (List.of("act_ge_property", "act_ru_meter_log", "act_ru_task_meter_log", "audit_entry", "audit_seal")
          .contains(t)) {
        continue;
      }
      String digest = t.equals("act_ge_bytearray") ? "''"
          : "coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '')";
      parts.add("SELECT '" + t + "' AS t, count(*) || ':' || " + digest + " AS d FROM \"" + t + "\" x");
    }
    return String.join(" UNION ALL ", parts);
  }

  private Map<String, String> snapshot() {
    Map<String, String> m = new TreeMap<>();
    jdbc.query(snapshotSql, rs -> {
      m.put(rs.getString(1), rs.getString(2));
    });
    return m;
  }

  private static String diff(Map<String, String> a, Map<String, String> b) {
    List<String> changed = new ArrayList<>();
    b.forEach((k, v) -> {
      if (!v.equals(a.get(k))) {
        changed.add(k + " " + a.get(k).split(":")[0] + "→" + v.split(":")[0]);
      }
    });
    return String.join(", ", changed);
  }

  private static List<Integer> ints(JsonNode n) {
    List<Integer> l = new ArrayList<>();
    n.forEach(x -> l.add(x.asInt()));
    return l;
  }

  private static List<String> strings(JsonNode n) {
    List<String> l = new ArrayList<>();
    if (n != null) {
      n.forEach(x -> l.add(x.asText()));
    }
    return l;
  }

  static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 160 ? one.substring(0, 160) + "…" : one;
  }

  // ------------------------------------------------------------------------------ item 5: login and session

  /** Login throttling, security headers, session timeout and the closed first-run setup, on the same application. */
  @Nested
  class LoginAndSession {

    static final String USER = "fulongquan-cw";

    Answer basic(String password, String path) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "application/json").header("Authorization", "Basic "
              + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)));
      return exchange(client, b, "GET", null, null);
    }

    int webLogin(String password) throws Exception {
      CookieManager cookies = new CookieManager();
      HttpClient web = HttpClient.newBuilder().cookieHandler(cookies).build();
      HttpResponse<String> fetch = web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/camunda/api/engine/engine/")).header("X-XSRF-TOKEN", "Fetch").GET().build(), HttpResponse.BodyHandlers.ofString());
      String token = fetch.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
      String form = "username=" + USER + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      return web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
              + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhileThenUntilAnAdministratorUnlocksIt() throws Exception {
      var cfg = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) app.getBean(
          org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
      assertThat(List.of(cfg.getLoginDelayBase(), cfg.getLoginDelayFactor(), cfg.getLoginDelayMaxTime(),
          cfg.getLoginMaxAttempts())).containsExactly(3, 2, 600, 20);
      java.util.Date t = new java.util.Date();
      ClockUtil.setCurrentTime(t);
      try {
        assertThat(basic("demo", "/api/me").status()).isEqualTo(200);
        Answer wrong = basic("wrong", "/api/me");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("用户名或密码错误");
        // locked for 3 s: the right password is refused on both ways in, and the lock is named only to its owner
        Answer locked = basic("demo", "/api/me");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body()).contains("暂时锁定");
        assertThat(basic("wrong", "/api/me").body()).doesNotContain("锁定，");
        assertThat(webLogin("demo")).isEqualTo(401);
        t = new java.util.Date(t.getTime() + 4_000);
        ClockUtil.setCurrentTime(t);
        assertThat(basic("demo", "/api/me").status()).isEqualTo(200); // a success resets the count

        for (int i = 1; i <= 20; i++) {
          assertThat(basic("wrong-" + i, "/api/me").status()).isEqualTo(401);
          t = new java.util.Date(t.getTime() + 601_000); // every lock (at most 10 min) has passed
          ClockUtil.setCurrentTime(t);
        }
        ClockUtil.setCurrentTime(new java.util.Date(t.getTime() + 86_400_000L));
        Answer permanent = basic("demo", "/api/me");
        assertThat(permanent.status()).isEqualTo(401);
        assertThat(permanent.body()).contains("联系管理员解锁");
        assertThat(webLogin("demo")).isEqualTo(401);

        Answer unlock = raw("demo", "POST", "/engine-rest/user/" + USER + "/unlock", null, null);
        assertThat(unlock.status()).as(unlock.body()).isEqualTo(204);
        assertThat(basic("demo", "/api/me").status()).isEqualTo(200);
        assertThat(webLogin("demo")).isEqualTo(200);
      } finally {
        ClockUtil.reset();
        app.getBean(org.camunda.bpm.engine.IdentityService.class).unlockUser(USER);
      }
    }

    @Test
    void webAppsAndTheFundsPageSendSecurityHeaders() throws Exception {
      for (String page : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
          "/camunda/app/admin/default/", "/camunda/app/welcome/default/")) {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page)).GET()
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(page).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(page)
            .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("nonce-");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(page).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(page).isPresent();
      }
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/funds/index.html"))
          .header("Accept", "text/html").header("Authorization", "Basic "
              + Base64.getEncoder().encodeToString("supervisor:demo".getBytes(StandardCharsets.UTF_8)));
      HttpResponse<String> funds = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(funds.statusCode()).isEqualTo(200);
      String csp = funds.headers().firstValue("Content-Security-Policy").orElse("");
      // framed by Cockpit's 资金监测 page (same origin), by no other site
      assertThat(csp).contains("script-src 'self' 'sha256-").contains("frame-ancestors 'self'")
          .contains("object-src 'none'");
      assertThat(funds.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(funds.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
      // the page's own inline script is the one the policy allows
      Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(funds.body());
      assertThat(script.find()).isTrue();
      String hash = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
          .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
      assertThat(csp).contains("'sha256-" + hash + "'");
    }

    @Test
    void sessionsOfTheWebAppsTimeOutAfterThirtyMinutes() throws Exception {
      var server = (org.springframework.boot.web.embedded.tomcat.TomcatWebServer)
          ((WebServerApplicationContext) app).getWebServer();
      var context = (org.apache.catalina.Context) server.getTomcat().getHost().findChildren()[0];
      assertThat(context.getSessionTimeout()).isEqualTo(30);
      assertThat(context.getCookieProcessor()).isNotNull();
      assertThat(context.getUseHttpOnly()).isTrue();
    }

    @Test
    void theFirstRunSetupStaysClosed() {
      long users = app.getBean(org.camunda.bpm.engine.IdentityService.class).createUserQuery().count();
      String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},"
          + "\"credentials\":{\"password\":\"Intruder-123!\"}}";
      Answer anonymous = raw(null, "POST", "/camunda/api/admin/setup/default/user/create", "application/json",
          body.getBytes(StandardCharsets.UTF_8));
      assertThat(anonymous.status()).isIn(401, 403);
      Answer admin = raw("demo", "POST", "/camunda/api/admin/setup/default/user/create", "application/json",
          body.getBytes(StandardCharsets.UTF_8));
      assertThat(admin.status()).isEqualTo(403);
      assertThat(CJK.matcher(admin.body()).find()).isTrue();
      assertThat(app.getBean(org.camunda.bpm.engine.IdentityService.class).createUserQuery().count()).isEqualTo(users);
      assertThat(app.getBean(org.camunda.bpm.engine.IdentityService.class).createUserQuery().userId("intruder").count())
          .isZero();
    }
  }
}
