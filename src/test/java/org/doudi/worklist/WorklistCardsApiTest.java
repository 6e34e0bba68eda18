package org.doudi.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.doudi.calendar.internal.CalendarTime;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.WebAppSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/worklist/cards} (待办卡片) over real cases whose task is due a number of working days after a
 * start day, around National Day 2026 (10-01…10-07 off, Sat 10-10 a make-up working day): the facts per task, the
 * region scope of each role, the Camunda web-app session, the refusals; and the stored due-date filters.
 */
@DoudiTest
class WorklistCardsApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  Http http;
  final List<String> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    http = new Http(port);
    engine.getRepositoryService().createDeployment().name("supervision-tests").enableDuplicateFiltering(true)
        .addClasspathResource("supervision/monitor-test-task.bpmn").deploy();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    started.forEach(id -> {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test done");
      }
    });
  }

  static Date at(String shanghaiLocal) {
    return Date.from(LocalDateTime.parse(shanghaiLocal).atZone(CalendarTime.ZONE).toInstant());
  }

  /** A case of {@code applicant} whose 审核确认 task is due {@code days} working days after {@code acceptedAt}. */
  String task(String applicant, String regionCode, String acceptedAt, int days) {
    var pi = runtime.startProcessInstanceByKey("monitor-test-task", "worklist-" + UUID.randomUUID(),
        Map.of("regionCode", regionCode, "acceptedAt", acceptedAt, "days", days, "applicantName", applicant,
            "candidateGroup", "township-caseworker-" + regionCode.substring(0, 9)));
    started.add(pi.getId());
    return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
  }

  Map<String, JsonNode> cards(String user, String... taskIds) throws Exception {
    Http.Response r = http.get(user, "/api/worklist/cards?taskIds=" + String.join(",", taskIds));
    assertThat(r.status()).as(user + " → " + r.body()).isEqualTo(200);
    Map<String, JsonNode> out = new HashMap<>();
    JSON.readTree(r.body()).get("cards").forEach(c -> out.put(c.get("taskId").asText(), c));
    return out;
  }

  @Test
  void aCardShowsApplicantRegionSchemeAndWorkingDaysOnTheOfficialCalendar() throws Exception {
    ClockUtil.setCurrentTime(at("2026-09-28T09:00"));
    String overdue = task("张一", "220102001001", "2026-09-28", 1); // Tue 09-29
    ClockUtil.setCurrentTime(at("2026-09-30T10:00"));
    String today = task("李二", "220102001002", "2026-09-29", 1); // Wed 09-30
    // Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 make-up (3), Mon 10-12 (4): the holiday week counts nothing
    String soon = task("王三", "220102001001", "2026-09-30", 3);
    String later = task("赵四", "220102001001", "2026-09-30", 4);

    Map<String, JsonNode> cards = cards("nanling-cw", later, soon, today, overdue);
    assertThat(cards).containsOnlyKeys(overdue, today, soon, later);
    JsonNode c = cards.get(soon);
    assertThat(c.get("applicantName").asText()).isEqualTo("王三");
    assertThat(c.get("villageName").asText()).isEqualTo("南岭社区");
    assertThat(c.get("townshipName").asText()).isEqualTo("南岭街道");
    assertThat(c.get("countyName").asText()).isEqualTo("南关区");
    assertThat(c.get("scheme").asText()).isEqualTo("supervision");
    assertThat(c.get("schemeName").asText()).isEqualTo("督查");
    assertThat(c.get("limitOf").asText()).isEqualTo("TASK");
    assertThat(c.get("dueAt").asText()).isEqualTo("2026-10-10T17:00:00+08:00");
    assertThat(c.get("workingDaysLeft").asInt()).isEqualTo(3);
    assertThat(c.get("band").asText()).isEqualTo("DUE_SOON");
    assertThat(cards.get(later).get("dueAt").asText()).isEqualTo("2026-10-12T17:00:00+08:00");
    assertThat(cards.get(later).get("workingDaysLeft").asInt()).isEqualTo(4);
    assertThat(cards.get(later).get("band").asText()).isEqualTo("ON_TIME");
    assertThat(cards.get(today).get("workingDaysLeft").asInt()).isZero();
    assertThat(cards.get(today).get("villageName").asText()).isEqualTo("建和社区");
    assertThat(cards.get(overdue).get("workingDaysLeft").asInt()).isEqualTo(-1);
    assertThat(cards.get(overdue).get("band").asText()).isEqualTo("OVERDUE");
    assertThat(cards.get(overdue).get("bandLabel").asText()).isEqualTo("已超期");

    // days left are counted today, not stored: a week later the same task has moved on the calendar
    ClockUtil.setCurrentTime(at("2026-10-09T10:00"));
    assertThat(cards("nanling-cw", later).get(later).get("workingDaysLeft").asInt()).isEqualTo(2);
    // the order is the caller's
    Http.Response r = http.get("nanling-cw", "/api/worklist/cards?taskIds=" + later + "," + soon);
    JsonNode list = JSON.readTree(r.body()).get("cards");
    assertThat(list.get(0).get("taskId").asText()).isEqualTo(later);
    assertThat(JSON.readTree(r.body()).get("today").asText()).isEqualTo("2026-10-09");
  }

  @Test
  void everyRoleSeesTheCardsOfItsRegionOnly() throws Exception {
    ClockUtil.setCurrentTime(at("2026-09-30T10:00"));
    String nanling = task("张一", "220102001001", "2026-09-30", 3);
    String jianhe = task("李二", "220102001002", "2026-09-30", 3);
    String nongan = task("王三", "220122100201", "2026-09-30", 3);
    String unknown = "no-such-task";

    assertThat(cards("nanling-cw", nanling, jianhe, nongan, unknown)).containsOnlyKeys(nanling, jianhe);
    assertThat(cards("nanling-sq", nanling, jianhe, nongan)).containsOnlyKeys(nanling);
    assertThat(cards("nongan-cw", nanling, jianhe, nongan)).containsOnlyKeys(nongan);
    assertThat(cards("ziqiang-cw", nanling, jianhe, nongan)).isEmpty();
    assertThat(cards("ng-county-approver", nanling, jianhe, nongan)).containsOnlyKeys(nanling, jianhe);
    assertThat(cards("supervisor", nanling, jianhe, nongan)).containsOnlyKeys(nanling, jianhe, nongan);
    assertThat(cards("auditor", nanling, jianhe, nongan)).containsOnlyKeys(nanling, jianhe, nongan);
    assertThat(cards("demo", nanling, jianhe, nongan)).containsOnlyKeys(nanling, jianhe, nongan);
    Http.Response analyst = http.get("analyst", "/api/worklist/cards?taskIds=" + nanling);
    assertThat(analyst.status()).isEqualTo(403);
    assertThat(analyst.body()).contains("无权").doesNotContain("张一");
    assertThat(http.get(null, "/api/worklist/cards?taskIds=" + nanling).status()).isEqualTo(401);
  }

  @Test
  void theTasklistSessionReadsTheCardsButNothingElse() throws Exception {
    ClockUtil.setCurrentTime(at("2026-09-30T10:00"));
    String nanling = task("张一", "220102001001", "2026-09-30", 3);
    WebAppSession session = WebAppSession.login(port, "nanling-cw", "tasklist");
    assertThat(session).isNotNull();
    Http.Response read = session.send("GET", "/api/worklist/cards?taskIds=" + nanling, null);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("张一").contains("南岭街道");
    assertThat(session.send("POST", "/api/worklist/cards?taskIds=" + nanling, "{}").status()).isEqualTo(401);
    assertThat(session.send("GET", "/api/me", null).status()).isEqualTo(401);
  }

  @Test
  void badIdListsAreRefusedInChinese() {
    List<String> bad = new ArrayList<>(List.of("", "?taskIds=", "?taskIds=%20", "?taskIds=a,,b", "?taskIds=a%20b",
        "?taskIds=x;drop", "?taskIds=%24%7Bx%7D", "?taskIds=" + "a".repeat(65)));
    bad.add("?taskIds=" + String.join(",", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "t" + i).toList()));
    for (String q : bad) {
      Http.Response r = http.get("nanling-cw", "/api/worklist/cards" + q);
      assertThat(r.status()).as(q + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(q).containsPattern("[\\u4e00-\\u9fa5]");
    }
  }

  @Test
  void theDueDateFiltersListTodayTheOverdueAndThisWeek() {
    ClockUtil.setCurrentTime(at("2026-09-28T09:00"));
    String overdue = task("张一", "220102001001", "2026-09-28", 1); // Tue 09-29 17:00
    ClockUtil.setCurrentTime(at("2026-09-30T10:00")); // a Wednesday
    String today = task("李二", "220102001001", "2026-09-29", 1); // Wed 09-30 17:00
    String nextWeek = task("王三", "220102001001", "2026-09-30", 3); // Sat 10-10 17:00

    assertThat(listed("已逾期")).contains(overdue).doesNotContain(today, nextWeek);
    assertThat(listed("今日到期")).contains(today).doesNotContain(overdue, nextWeek);
    assertThat(listed("本周到期")).contains(today).doesNotContain(overdue, nextWeek);
    // an hour after the limit the task of today is overdue and no longer due this week, but still due today
    ClockUtil.setCurrentTime(at("2026-09-30T18:00"));
    assertThat(listed("已逾期")).contains(overdue, today);
    assertThat(listed("今日到期")).contains(today);
    assertThat(listed("本周到期")).doesNotContain(today);
    // the bootstrap made each filter once
    for (String name : List.of("今日到期", "已逾期", "本周到期", "我的待办")) {
      assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
  }

  /** The task ids the stored filter lists for nanling-cw (the engine checks their grants). */
  private List<String> listed(String filterName) {
    String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    List<String> groups = identity.createGroupQuery().groupMember("nanling-cw").list().stream().map(Group::getId)
        .toList();
    identity.setAuthentication("nanling-cw", groups);
    try {
      List<Task> list = filters.list(id);
      return list.stream().map(Task::getId).toList();
    } finally {
      identity.clearAuthentication();
    }
  }
}
