package org.doudi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.household.TestApplications;
import org.doudi.platform.Chromium;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.TasklistPage;
import org.doudi.tekun.TekunApplication;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 特困 recognition's first task in a real browser: an application arrives through
 * {@code POST /api/tekun/applications}; the township caseworker logs into Tasklist in Chinese, finds 受理（材料清单）
 * under 待认领（我的组）, claims it, sees the case in the Camunda Form, ticks the materials and completes it; the case
 * moves on to the township's investigation with the six-item self-care assessment. Required in CI; elsewhere
 * skipped without Chromium and chromedriver.
 */
@DoudiTest
class TekunAcceptanceBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @Test
  void theTownshipCaseworkerAcceptsATekunApplicationInTasklist() throws Exception {
    Chromium.requireInstalled();
    ObjectMapper json = new ObjectMapper();
    String id = TestApplications.id("226" + (100 + (int) (System.nanoTime() % 800)) + "19430303011");
    Http.Response created = new Http(port).send("baota", "POST", "/api/tekun/applications",
        TekunApplication.EXAMPLE_JSON.replace("220122194501010015", id));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    String pid = body.get("processInstanceId").asText();
    String caseId = body.get("caseId").asText();
    runJobs(pid);
    String taskId = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_AcceptApplication")
        .singleResult().getId();

    ChromeDriver browser = Chromium.start("zh-CN");
    TasklistPage tasklist = null;
    try {
      tasklist = TasklistPage.open(browser, port).logIn("nongan-cw");
      tasklist.selectFilter("待认领（我的组）");
      assertThat(tasklist.openFromList(taskId)).isEqualTo("受理（材料清单）");
      tasklist.claim();
      assertThat(tasklist.field("认定案件编号").findElement(By.tagName("input")).getAttribute("value"))
          .isEqualTo(caseId);
      assertThat(tasklist.field("申请人").findElement(By.tagName("input")).getAttribute("value")).isEqualTo("王老汉");
      assertThat(tasklist.field("选择的供养方式").findElement(By.tagName("input")).getAttribute("value"))
          .isEqualTo("分散供养");
      for (String material : new String[] {"申请书（本人或监护人签字）", "身份证、户口簿", "本人收入和财产状况说明",
          "家庭经济状况核对授权书（已签字）", "法定赡养、抚养、扶养义务人情况说明"}) {
        tasklist.check(material, true);
      }
      tasklist.type("受理说明", "材料齐全，当场受理。");
      tasklist.complete();
      tasklist.waiting().until(d -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | AssertionError e) {
      if (tasklist != null) {
        tasklist.screenshot("tekun-accept");
      }
      throw e;
    } finally {
      browser.quit();
    }

    HistoricTaskInstance accepted = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    assertThat(accepted.getAssignee()).isEqualTo("nongan-cw");
    runJobs(pid); // the acceptance is asyncAfter
    assertThat(runtime.getVariable(pid, "materialsComplete")).isEqualTo(true);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_TownshipInvestigation")
        .count()).as("the case moved on to the township's investigation").isEqualTo(1);
  }

  /** Executes the case's due asynchronous continuations (the tests' job executor is off). */
  private void runJobs(String pid) {
    for (int i = 0; i < 20; i++) {
      Job job = management.createJobQuery().processInstanceId(pid).messages().list().stream().findFirst()
          .orElse(null);
      if (job == null) {
        return;
      }
      management.executeJob(job.getId());
    }
  }
}
