package org.doudi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.calendar.internal.CalendarAdministration;
import org.doudi.calendar.internal.CalendarTime;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The monitor API over real HTTP with the demo staff: clocks of a test model (a task due 30 working days after
 * 受理) in three regions, the engine clock moved, then bands, working days left, filters, region scoping, counts
 * and refusals.
 */
@DoudiTest
class DeadlineMonitorApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired CalendarAdministration calendar;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    engine.getRepositoryService().createDeployment().name("calendar-tests").enableDuplicateFiltering(true)
        .addClasspathResource("calendar/calendar-test-task.bpmn")
        .addClasspathResource("calendar/calendar-test-calendar-days.bpmn").deploy();
    engine.getRepositoryService().createDeployment().name("supervision-tests").enableDuplicateFiltering(true)
        .addClasspathResource("supervision/monitor-test-task.bpmn").deploy();
  }

  final List<String> started = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    // deleting a case cancels its task, which closes its clocks: the next test starts from none of ours
    started.forEach(id -> {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test done");
      }
    });
  }

  static Date at(String shanghaiLocal) {
    return Date.from(LocalDateTime.parse(shanghaiLocal).atZone(CalendarTime.ZONE).toInstant());
  }

  ProcessInstance start(String regionCode, String acceptedAt) {
    ProcessInstance pi = runtime.startProcessInstanceByKey("calendar-test-task", "monitor-" + UUID.randomUUID(),
        Map.of("regionCode", regionCode, "acceptedAt", acceptedAt));
    started.add(pi.getId());
    return pi;
  }

  /** A monitor-test-task case: its 审核确认 is due {@code days} working days after {@code acceptedAt}. */
  ProcessInstance due(String regionCode, String acceptedAt, int days) {
    ProcessInstance pi = runtime.startProcessInstanceByKey("monitor-test-task", "monitor-" + UUID.randomUUID(),
        Map.of("regionCode", regionCode, "acceptedAt", acceptedAt, "days", days,
            "candidateGroup", "township-caseworker-" + regionCode.substring(0, 9)));
    started.add(pi.getId());
    return pi;
  }

  /** Our monitor-test-task clocks on the page, by process instance id. */
  Map<String, JsonNode> monitorItems(String user, String query) throws Exception {
    JsonNode page = get(user, "/api/supervision/deadlines?process=monitor-test-task&size=200" + query);
    Map<String, JsonNode> out = new java.util.HashMap<>();
    page.get("items").forEach(i -> {
      if (started.contains(i.get("processInstanceId").asText())) {
        out.put(i.get("processInstanceId").asText(), i);
      }
    });
    return out;
  }

  Http.Response raw(String user, String query) {
    return http.get(user, "/api/supervision/deadlines" + query);
  }

  JsonNode get(String user, String path) throws Exception {
    Http.Response r = http.get(user, path);
    assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  List<JsonNode> items(String user, String query, ProcessInstance... mine) throws Exception {
    JsonNode page = get(user, "/api/supervision/deadlines?process=calendar-test-task&size=200" + query);
    List<String> ids = java.util.Arrays.stream(mine).map(ProcessInstance::getId).toList();
    List<JsonNode> out = new ArrayList<>();
    page.get("items").forEach(i -> {
      if (ids.contains(i.get("processInstanceId").asText())) {
        out.add(i);
      }
    });
    return out;
  }

  @Test
  void aSupervisorSeesTheOverdueTaskOfTheirCityWithItsWorkingDaysAndBand() throws Exception {
    // accepted Mon 2026-03-02: due the 30th working day after, Tue 2026-04-14 (清明: Sat 04-04 to Mon 04-06 off)
    ClockUtil.setCurrentTime(at("2026-03-02T09:00"));
    ProcessInstance nanling = start("220102001001", "2026-03-02");
    ProcessInstance nongan = start("220122100201", "2026-03-02");
    // Thu 2026-04-16 10:00: two working days past the due day
    ClockUtil.setCurrentTime(at("2026-04-16T10:00"));

    List<JsonNode> seen = items("supervisor", "", nanling, nongan);
    // each case: the task's due date and the boundary timer on it (both legal clocks, same task)
    assertThat(seen).hasSize(4);
    JsonNode n = seen.stream().filter(i -> i.get("processInstanceId").asText().equals(nanling.getId())
        && i.get("kind").asText().equals("DUE")).findFirst().orElseThrow();
    JsonNode timer = seen.stream().filter(i -> i.get("processInstanceId").asText().equals(nanling.getId())
        && i.get("kind").asText().equals("TIMER")).findFirst().orElseThrow();
    assertThat(timer.get("taskId").asText()).isEqualTo(n.get("taskId").asText());
    assertThat(timer.get("activityId").asText()).isEqualTo("BoundaryEvent_InvestigationOverdue");
    assertThat(n.get("kind").asText()).isEqualTo("DUE");
    assertThat(n.get("activityId").asText()).isEqualTo("Task_Investigate");
    assertThat(n.get("activityName").asText()).isEqualTo("入户调查");
    assertThat(n.get("processName").asText()).isEqualTo("测试：任务时限");
    assertThat(n.get("scheme").asText()).isEqualTo("calendar");
    assertThat(n.get("taskId").isNull()).isFalse();
    assertThat(n.get("countyCode").asText()).isEqualTo("220102");
    assertThat(n.get("countyName").asText()).isEqualTo("南关区");
    assertThat(n.get("townshipCode").asText()).isEqualTo("220102001");
    assertThat(n.get("townshipName").asText()).isEqualTo("南岭街道");
    assertThat(n.get("dueAt").asText()).isEqualTo("2026-04-14T17:00:00+08:00");
    assertThat(n.get("workingDaysLeft").asInt()).isEqualTo(-2);
    assertThat(n.get("band").asText()).isEqualTo("OVERDUE");
    assertThat(n.get("businessKey").asText()).startsWith("monitor-");
  }

  @Test
  void workingDaysLeftAndBandsFollowTheOfficialCalendarAcrossNationalDay() throws Exception {
    // Mon 2026-09-28: a clock due Tue 09-29 (1 working day); Tue 09-29: one due Wed 09-30
    ClockUtil.setCurrentTime(at("2026-09-28T09:00"));
    ProcessInstance overdue = due("220102001001", "2026-09-28", 1);
    ClockUtil.setCurrentTime(at("2026-09-29T09:00"));
    ProcessInstance today = due("220102001001", "2026-09-29", 1);
    // Wed 09-30: 10-01…10-07 off, Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 make-up day (3), Mon 10-12 (4)
    ClockUtil.setCurrentTime(at("2026-09-30T10:00"));
    ProcessInstance soon = due("220102001001", "2026-09-30", 3);
    ProcessInstance later = due("220102001001", "2026-09-30", 4);

    Map<String, JsonNode> all = monitorItems("nanling-cw", "");
    assertThat(all).containsOnlyKeys(overdue.getId(), today.getId(), soon.getId(), later.getId());
    assertThat(all.get(overdue.getId()).get("dueAt").asText()).isEqualTo("2026-09-29T17:00:00+08:00");
    assertThat(all.get(overdue.getId()).get("workingDaysLeft").asInt()).isEqualTo(-1);
    assertThat(all.get(overdue.getId()).get("band").asText()).isEqualTo("OVERDUE");
    assertThat(all.get(today.getId()).get("workingDaysLeft").asInt()).isZero();
    assertThat(all.get(today.getId()).get("band").asText()).isEqualTo("DUE_SOON");
    assertThat(all.get(soon.getId()).get("dueAt").asText()).isEqualTo("2026-10-10T17:00:00+08:00");
    assertThat(all.get(soon.getId()).get("workingDaysLeft").asInt()).isEqualTo(3);
    assertThat(all.get(soon.getId()).get("band").asText()).isEqualTo("DUE_SOON");
    assertThat(all.get(later.getId()).get("dueAt").asText()).isEqualTo("2026-10-12T17:00:00+08:00");
    assertThat(all.get(later.getId()).get("workingDaysLeft").asInt()).isEqualTo(4);
    assertThat(all.get(later.getId()).get("band").asText()).isEqualTo("ON_TIME");
    assertThat(all.get(soon.getId()).get("candidateGroups").get(0).asText())
        .isEqualTo("township-caseworker-220102001");
    assertThat(all.get(soon.getId()).get("activityName").asText()).isEqualTo("审核确认");

    // the band filter gives the same split, and the order is by due instant
    assertThat(monitorItems("nanling-cw", "&band=OVERDUE")).containsOnlyKeys(overdue.getId());
    assertThat(monitorItems("nanling-cw", "&band=DUE_SOON")).containsOnlyKeys(today.getId(), soon.getId());
    assertThat(monitorItems("nanling-cw", "&band=ON_TIME")).containsOnlyKeys(later.getId());
    JsonNode desc = get("nanling-cw", "/api/supervision/deadlines?process=monitor-test-task&sort=-dueAt&size=1");
    assertThat(desc.get("items").get(0).get("processInstanceId").asText()).isEqualTo(later.getId());
    assertThat(desc.get("total").asInt()).isEqualTo(4);
    JsonNode second = get("nanling-cw", "/api/supervision/deadlines?process=monitor-test-task&size=1&page=1");
    assertThat(second.get("items").get(0).get("processInstanceId").asText()).isEqualTo(today.getId());
    assertThat(second.get("today").asText()).isEqualTo("2026-09-30");

    JsonNode counts = get("nanling-cw", "/api/supervision/deadlines/counts?process=monitor-test-task");
    assertThat(counts.get("total").get("overdue").asInt()).isEqualTo(1);
    assertThat(counts.get("total").get("dueSoon").asInt()).isEqualTo(2);
    assertThat(counts.get("total").get("onTime").asInt()).isEqualTo(1);
    assertThat(counts.get("townships")).hasSize(1);
    assertThat(counts.get("townships").get(0).get("name").asText()).isEqualTo("南岭街道");
    assertThat(counts.get("counties").get(0).get("code").asText()).isEqualTo("220102");
  }

  @Test
  void aCountyClosureMakesItsClocksDueSoonerInListAndCounts() throws Exception {
    // calendar-day limits (15日 from Sun 09-27: Mon 10-12) never move, so only the band reacts to the closure
    ClockUtil.setCurrentTime(at("2026-09-27T10:00"));
    ProcessInstance nongan = runtime.startProcessInstanceByKey("calendar-test-calendar-days",
        Map.of("regionCode", "220122100201"));
    ProcessInstance nanling = runtime.startProcessInstanceByKey("calendar-test-calendar-days",
        Map.of("regionCode", "220102001001"));
    started.add(nongan.getId());
    started.add(nanling.getId());
    ClockUtil.setCurrentTime(at("2026-09-30T10:00"));
    String process = "?process=calendar-test-calendar-days";
    // nationally Mon 10-12 is the 4th working day after Wed 09-30 (10-08, 10-09, 10-10 make-up, 10-12): on time
    assertThat(mine(get("supervisor", "/api/supervision/deadlines" + process + "&band=ON_TIME")))
        .containsOnlyKeys(nongan.getId(), nanling.getId());
    // 农安县 closes Thu 10-08: there 10-12 is the 3rd working day
    calendar.addClosure("220122", java.time.LocalDate.parse("2026-10-08"), "测试：县内停工", "test");
    try {
      Map<String, JsonNode> soon = mine(get("supervisor", "/api/supervision/deadlines" + process + "&band=DUE_SOON"));
      assertThat(soon).containsOnlyKeys(nongan.getId());
      assertThat(soon.get(nongan.getId()).get("dueAt").asText()).isEqualTo("2026-10-12T17:00:00+08:00");
      assertThat(soon.get(nongan.getId()).get("workingDaysLeft").asInt()).isEqualTo(3);
      Map<String, JsonNode> onTime = mine(get("supervisor", "/api/supervision/deadlines" + process + "&band=ON_TIME"));
      assertThat(onTime).containsOnlyKeys(nanling.getId());
      assertThat(onTime.get(nanling.getId()).get("workingDaysLeft").asInt()).isEqualTo(4);
      JsonNode counts = get("supervisor", "/api/supervision/deadlines/counts" + process);
      assertThat(counts.get("counties")).extracting(c -> c.get("code").asText() + ":" + c.get("dueSoon").asInt()
          + "/" + c.get("onTime").asInt()).containsExactly("220102:0/1", "220122:1/0");
    } finally {
      calendar.removeClosure("220122", java.time.LocalDate.parse("2026-10-08"), "test");
    }
  }

  /** The items of a page that belong to cases this test started. */
  Map<String, JsonNode> mine(JsonNode page) {
    Map<String, JsonNode> out = new java.util.HashMap<>();
    page.get("items").forEach(i -> {
      if (started.contains(i.get("processInstanceId").asText())) {
        out.put(i.get("processInstanceId").asText(), i);
      }
    });
    return out;
  }

  @Test
  void everyoneSeesTheirRegionAndBelowOnly() throws Exception {
    ClockUtil.setCurrentTime(at("2026-09-30T10:00"));
    ProcessInstance nanling = due("220102001001", "2026-09-30", 5);
    ProcessInstance ziqiang = due("220102002001", "2026-09-30", 5);
    ProcessInstance nongan = due("220122100201", "2026-09-30", 5);

    assertThat(monitorItems("nanling-cw", "")).containsOnlyKeys(nanling.getId());
    assertThat(monitorItems("nanling-approver", "")).containsOnlyKeys(nanling.getId());
    assertThat(monitorItems("ng-county-cw", "")).containsOnlyKeys(nanling.getId(), ziqiang.getId());
    assertThat(monitorItems("na-county-approver", "")).containsOnlyKeys(nongan.getId());
    assertThat(monitorItems("supervisor", "")).containsOnlyKeys(nanling.getId(), ziqiang.getId(), nongan.getId());
    assertThat(monitorItems("auditor", "")).containsOnlyKeys(nanling.getId(), ziqiang.getId(), nongan.getId());
    assertThat(monitorItems("demo", "")).containsOnlyKeys(nanling.getId(), ziqiang.getId(), nongan.getId());
    // filters inside the scope
    assertThat(monitorItems("supervisor", "&county=220122")).containsOnlyKeys(nongan.getId());
    assertThat(monitorItems("supervisor", "&township=220102002")).containsOnlyKeys(ziqiang.getId());
    assertThat(monitorItems("supervisor", "&scheme=supervision")).containsOnlyKeys(nanling.getId(),
        ziqiang.getId(), nongan.getId());
    assertThat(monitorItems("supervisor", "&scheme=dibao")).isEmpty();
    JsonNode counts = get("ng-county-cw", "/api/supervision/deadlines/counts?process=monitor-test-task");
    assertThat(counts.get("townships")).extracting(t -> t.get("code").asText())
        .containsExactly("220102001", "220102002");

    // a region outside the caller's, roles without case data, anonymous callers
    Http.Response outside = raw("nanling-cw", "?township=220102002");
    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.body()).contains("辖区以外");
    assertThat(raw("na-county-cw", "?county=220102").status()).isEqualTo(403);
    assertThat(raw("analyst", "").status()).isEqualTo(403);
    assertThat(raw("baota", "").status()).isEqualTo(403);
    assertThat(http.get("analyst", "/api/supervision/deadlines/counts").status()).isEqualTo(403);
    assertThat(raw(null, "").status()).isEqualTo(401);
    assertThat(http.send("supervisor", "POST", "/api/supervision/deadlines", "{}").status())
        .isIn(403, 405);
  }

  @Test
  void aTimerOnAStepThatIsNoTaskIsListedWithoutTaskAndInCalendarDays() throws Exception {
    ClockUtil.setCurrentTime(at("2026-02-12T10:30"));
    ProcessInstance pi = runtime.startProcessInstanceByKey("calendar-test-calendar-days",
        Map.of("regionCode", "220122100201"));
    started.add(pi.getId());
    JsonNode page = get("na-county-cw", "/api/supervision/deadlines?process=calendar-test-calendar-days");
    JsonNode item = null;
    for (JsonNode i : page.get("items")) {
      if (i.get("processInstanceId").asText().equals(pi.getId())) {
        item = i;
      }
    }
    assertThat(item).isNotNull();
    assertThat(item.get("kind").asText()).isEqualTo("TIMER");
    assertThat(item.get("taskId").isNull()).isTrue();
    assertThat(item.get("calendarDays").asBoolean()).isTrue();
    // 15 calendar days: Fri 02-27; working days from Thu 02-12: Fri 13, Sat 14 (make-up), then Tue 24 to Fri 27
    assertThat(item.get("dueAt").asText()).isEqualTo("2026-02-27T17:00:00+08:00");
    assertThat(item.get("workingDaysLeft").asInt()).isEqualTo(6);
    assertThat(item.get("band").asText()).isEqualTo("ON_TIME");
  }

  @Test
  void badParametersAreRefusedInChinese() {
    for (String q : List.of("?band=LATE", "?size=0", "?size=201", "?page=-1", "?page=x", "?sort=name",
        "?county=2201", "?county=220199", "?township=22010200", "?township=220102001&county=220122",
        "?scheme=DIBAO;drop", "?process=a%20b", "?page=3000&size=50")) {
      Http.Response r = raw("supervisor", q);
      assertThat(r.status()).as(q + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(q).containsPattern("[\\u4e00-\\u9fa5]");
    }
    Http.Response counts = http.get("supervisor", "/api/supervision/deadlines/counts?county=abc");
    assertThat(counts.status()).isEqualTo(400);
    assertThat(counts.body()).contains("county");
  }

  @Test
  void theCockpitSessionReadsTheMonitorButCannotWrite() throws Exception {
    var cookies = new java.net.CookieManager();
    var client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/cockpit/")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    var login = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=supervisor&password=demo")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    for (String path : List.of("/api/supervision/deadlines", "/api/supervision/deadlines/counts")) {
      var read = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(read.statusCode()).as(path + " " + read.body()).isEqualTo(200);
      assertThat(read.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }
    var other = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/me")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).as("the session opens only the monitor's GETs").isEqualTo(401);
    var post = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
            + "/api/supervision/deadlines")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(401);

    // an expired session: the plugin's requests get 401 without a Basic challenge (no browser login dialog)
    var anonymous = java.net.http.HttpClient.newHttpClient();
    var plugin = anonymous.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
            + "/api/supervision/deadlines")).header("X-Requested-With", "XMLHttpRequest").build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(plugin.statusCode()).isEqualTo(401);
    assertThat(plugin.headers().firstValue("WWW-Authenticate")).isEmpty();
    var script = anonymous.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
        + "/api/supervision/deadlines")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }
}
