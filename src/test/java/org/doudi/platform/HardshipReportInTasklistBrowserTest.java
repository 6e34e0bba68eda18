package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole task in a real browser: a village assistant reports a household through the REST API; the township
 * caseworker logs into Tasklist in Chinese, finds the task under 待认领（我的组）, claims it, fills the Camunda
 * Form (radio, checklist, text area) and completes it; the engine has the submitted values.
 */
@DoudiTest
class HardshipReportInTasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @Test
  void aCaseworkerClaimsFillsAndCompletesTheVerification() throws Exception {
    Http http = new Http(port);
    Http.Response started = http.send("baota", "POST", "/engine-rest/process-definition/key/hardship-report/start",
        "{\"variables\":{\"householdHead\":{\"value\":\"王大山\"},\"address\":{\"value\":\"宝塔村5组\"},"
            + "\"situation\":{\"value\":\"因病致贫\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String caseId = new ObjectMapper().readTree(started.body()).get("id").asText();
    String taskId = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();

    ChromeDriver browser = Chromium.start("zh-CN");
    TasklistPage tasklist = null;
    try {
      tasklist = TasklistPage.open(browser, port).logIn("nongan-cw");
      tasklist.selectFilter("待认领（我的组）");
      assertThat(tasklist.openFromList(taskId)).isEqualTo("核实困难情况");
      tasklist.claim();
      assertThat(tasklist.field("户主（当事人）姓名").findElement(org.openqa.selenium.By.tagName("input"))
          .getAttribute("value")).isEqualTo("王大山");
      tasklist.choose("核实结论", "符合救助条件，已协助申请");
      tasklist.choose("建议的救助项目", "最低生活保障");
      tasklist.type("当事人身份证号码（协助申请或列入关注名单时必填）",
          org.doudi.eligibility.TestIds.id("220122", "19500101", "095"));
      tasklist.type("核实情况说明", "入户核实：户主患重病，无劳动能力，协助申请低保。");
      tasklist.complete();
      tasklist.waiting().until(d -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | AssertionError e) {
      if (tasklist != null) {
        tasklist.screenshot("hardship-report-verify");
      }
      throw e;
    } finally {
      browser.quit();
    }

    HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    assertThat(done.getAssignee()).isEqualTo("nongan-cw");
    assertThat(done.getEndTime()).isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("verificationOutcome")
        .singleResult().getValue()).isEqualTo("APPLY");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("verificationNotes")
        .singleResult().getValue()).asString().contains("协助申请低保");
    // the task is asyncAfter: the process moves on when the job runs
    Job next = management.createJobQuery().processInstanceId(caseId).singleResult();
    management.executeJob(next.getId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_ReferredToApplication");
  }
}
