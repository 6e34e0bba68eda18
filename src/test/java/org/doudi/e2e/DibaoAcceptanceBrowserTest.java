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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 低保 acceptance in a real browser: an application arrives through {@code POST /api/applications}; the township
 * caseworker of its region logs into Tasklist in Chinese, finds 受理（材料清单） under 待认领（我的组）, claims it,
 * ticks the whole materials checklist in the Camunda Form, writes a note and completes it. The case moves on to
 * the household investigation. Required in CI; elsewhere skipped without Chromium and chromedriver.
 */
@DoudiTest
class DibaoAcceptanceBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @Test
  void theTownshipCaseworkerAcceptsACompleteApplicationInTasklist() throws Exception {
    Chromium.requireInstalled();
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    Http.Response created = new Http(port).send("nongan-cw", "POST", "/api/applications",
        json.writeValueAsString(TestApplications.unique(TestApplications.household())));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    String caseId = body.get("processInstanceId").asText();
    String applicationId = body.get("applicationId").asText();
    runJobs(caseId);
    String taskId = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(DibaoHappyPath.ACCEPTANCE)
        .singleResult().getId();

    ChromeDriver browser = Chromium.start("zh-CN");
    TasklistPage tasklist = null;
    try {
      tasklist = TasklistPage.open(browser, port).logIn("nongan-cw");
      tasklist.selectFilter("待认领（我的组）");
      assertThat(tasklist.openFromList(taskId)).isEqualTo("受理（材料清单）");
      tasklist.claim();
      assertThat(tasklist.field("申请编号").findElement(By.tagName("input")).getAttribute("value")).isEqualTo(applicationId);
      assertThat(tasklist.field("申请人").findElement(By.tagName("input")).getAttribute("value")).isEqualTo("张三");
      for (String material : new String[] {"申请人及家庭成员身份证、户口簿", "家庭收入情况说明", "家庭财产状况说明",
          "家庭经济状况核对授权书（已签字）", "承诺书（已签字）", "残疾证、诊断证明等（家庭有重病、重残成员时必需）"}) {
        tasklist.check(material, true);
      }
      tasklist.type("受理说明", "材料齐全，当场受理。");
      tasklist.complete();
      tasklist.waiting().until(d -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | AssertionError e) {
      if (tasklist != null) {
        tasklist.screenshot("dibao-accept");
      }
      throw e;
    } finally {
      browser.quit();
    }

    HistoricTaskInstance accepted = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    assertThat(accepted.getAssignee()).isEqualTo("nongan-cw");
    assertThat(accepted.getEndTime()).isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("materialPledge")
        .singleResult().getValue()).isEqualTo(true);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("acceptanceNote")
        .singleResult().getValue()).isEqualTo("材料齐全，当场受理。");
    runJobs(caseId); // the acceptance is asyncAfter: the job executor's part
    assertThat(tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_StartInvestigation").count())
        .as("the case moved on to the start of the household investigation (第15条)").isEqualTo(1);
    assertThat(runtime.getVariable(caseId, "materialsComplete")).isEqualTo(true);
  }

  /** Executes the case's due asynchronous continuations (the tests' job executor is off). */
  private void runJobs(String caseId) {
    for (int i = 0; i < 20; i++) {
      Job job = management.createJobQuery().processInstanceId(caseId).messages().list().stream().findFirst().orElse(null);
      if (job == null) {
        return;
      }
      management.executeJob(job.getId());
    }
  }
}
