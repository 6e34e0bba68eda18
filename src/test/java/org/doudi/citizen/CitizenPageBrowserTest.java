package org.doudi.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doudi.calendar.CaseClock;
import org.doudi.e2e.TasklistForms;
import org.doudi.e2e.TasklistWalk;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.TestApplications;
import org.doudi.notice.NoticeTexts;
import org.doudi.platform.Chromium;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The citizens' page {@code /apply/} in Debian's Chromium at a phone's 360×740 viewport: the applicant signs in with
 * the code from the demo log sender, applies for 低保 with her spouse, signs 授权书 and 承诺书; the spouse signs in on
 * "his phone" and signs his 授权书, which submits the case; the township caseworker's 受理 leaves 家庭收入情况证明
 * missing (一次性告知, clock stopped); the applicant sees the notice on the page and uploads the photo, which resumes
 * the clock and returns the case to 受理; the caseworkers then take the case to its approval and the applicant
 * downloads the 确认通知书 (PDF) from the page. Every caseworker step is worked in Camunda Tasklist, in Chinese, in a
 * second browser ({@link TasklistWalk}): opened from 待认领（我的组） by the demo user of the right role and region
 * (农安镇's caseworker and approver, 农安县's approver), claimed, its Camunda Form filled ({@link TasklistForms}) and
 * completed; the test only runs the jobs the job executor would and fires the 公示's timer. Screenshots:
 * target/browser/citizen/*.png (the phone) and tasklist-*.png (the caseworkers).
 */
@DoudiTest
class CitizenPageBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseClock clock;

  ChromeDriver browser;
  WebDriverWait wait;

  @Test
  void fromSignInToTheNoticeAndTheUploadThatResumesTheClock() throws Exception {
    Chromium.requireInstalled();
    SentCodes.listen();
    HouseholdApplication h = TestApplications.unique(TestApplications.household());
    String applicantId = h.members().get(0).idNumber();
    String spouseId = h.members().get(1).idNumber();
    int n = new Random().nextInt(10_000_000);
    String applicantPhone = "137" + String.format("%08d", n);
    String spousePhone = "137" + String.format("%08d", n + 1);

    TasklistWalk.warmUp(port);
    browser = Chromium.start("zh-CN");
    try (TasklistWalk walk = new TasklistWalk("citizen", "tasklist-", port, tasks, runtime, management, history)) {
      browser.manage().window().setSize(new Dimension(360, 740));
      wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      browser.get("http://localhost:" + port + "/apply/");
      signIn(applicantId, applicantPhone);
      shot("1-signed-in");

      browser.findElement(By.cssSelector("nav .tab[data-tab=apply]")).click();
      choose("county", "220122");
      choose("township", "220122100");
      choose("village", "220122100201");
      browser.findElement(By.id("address")).sendKeys("农安县农安镇宝塔村3组");
      WebElement first = browser.findElements(By.cssSelector("#members .member")).get(0);
      first.findElement(By.className("m-name")).sendKeys("王芳");
      first.findElement(By.className("m-id")).sendKeys(applicantId);
      first.findElement(By.className("m-phone")).sendKeys(applicantPhone);
      first.findElement(By.className("m-wage")).clear();
      first.findElement(By.className("m-wage")).sendKeys("200");
      browser.findElement(By.id("addMember")).click();
      WebElement second = browser.findElements(By.cssSelector("#members .member")).get(1);
      second.findElement(By.className("m-name")).sendKeys("李强");
      second.findElement(By.className("m-id")).sendKeys(spouseId);
      new Select(second.findElement(By.className("m-relation"))).selectByValue("SPOUSE");
      second.findElement(By.className("m-phone")).sendKeys(spousePhone);
      shot("2-application");
      click(By.id("submitApplication"));
      message("申请已保存");

      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".draft .c-auth"))).click();
      browser.findElement(By.cssSelector(".draft .c-pledge")).click();
      shot("3-consent");
      click(By.cssSelector(".draft .c-sign"));
      message("等待其他家庭成员签署");

      click(By.id("signOut"));
      message("已退出");
      signIn(spouseId, spousePhone);
      browser.findElement(By.cssSelector("nav .tab[data-tab=consents]")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".draft .c-auth"))).click();
      assertThat(browser.findElements(By.cssSelector(".draft .c-pledge"))).as("only the applicant pledges").isEmpty();
      click(By.cssSelector(".draft .c-sign"));
      message("申请已提交");
      String pid = jdbc.queryForObject("SELECT process_instance_id FROM citizen_application WHERE "
          + "filed_by_id_number = ?", String.class, applicantId);
      assertThat(pid).isNotNull();

      // the township caseworker's 受理 in Tasklist: 家庭收入情况说明 missing → 一次性告知, the clock stops
      walk.work(pid, "Task_AcceptApplication", new TasklistWalk.Step("nongan-cw",
          p -> TasklistForms.dibaoAcceptWithout(p, "家庭收入情况说明")));
      assertThat(openTasks(pid)).containsExactly("Task_AwaitMaterials");

      click(By.id("signOut"));
      message("已退出");
      signIn(applicantId, applicantPhone);
      WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".case .missing")));
      assertThat(notice.getText()).contains("一次性告知", "家庭收入情况证明");
      assertThat(browser.findElement(By.cssSelector(".case .stage")).getText()).contains("等待补齐材料");
      shot("4-notice");
      assertThat(new Select(browser.findElement(By.cssSelector(".case .u-type"))).getFirstSelectedOption()
          .getAttribute("value")).isEqualTo("INCOME");
      Path photo = Files.createTempFile("income", ".png");
      byte[] png = new byte[3000];
      new Random().nextBytes(png);
      System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
      Files.write(photo, png);
      browser.findElement(By.cssSelector(".case .u-file")).sendKeys(photo.toAbsolutePath().toString());
      click(By.cssSelector(".case .u-send"));
      message("材料已补齐，案件已恢复办理");
      wait.until(d -> d.findElements(By.cssSelector(".case .missing")).isEmpty());
      wait.until(d -> d.findElement(By.cssSelector(".case .stage")).getText().contains("受理"));
      shot("5-resumed");
      assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
          .as("no horizontal scrolling on a 360 px screen").isLessThanOrEqualTo(360);

      assertThat(openTasks(pid)).containsExactly("Task_AcceptApplication");
      assertThat(clock.stops(pid)).isNotEmpty().allMatch(s -> s.resumedAt() != null);
      List<WebElement> docs = browser.findElements(By.cssSelector(".case a[href*='/api/citizen/documents/']"));
      assertThat(docs).extracting(WebElement::getText).anySatisfy(t -> assertThat(t).contains("家庭收入情况证明"))
          .anySatisfy(t -> assertThat(t).startsWith("下载通知书：").contains("一次性告知书"));

      // meanwhile the caseworkers take the case to its decision in Tasklist: 受理 again (now complete), the
      // investigation, the township's review, the 公示 (its 7-day timer fired now rather than moving the clock under
      // the session) and the county's 确认
      walk.workUntilEnd(pid, TasklistForms.dibaoSteps(), Set.of("BoundaryEvent_NoticePeriodEnded"));
      assertThat(walk.done()).startsWith("Task_AcceptApplication@nongan-cw", "Task_AcceptApplication@nongan-cw",
          "Task_StartInvestigation@nongan-cw", "Task_InvestigateHousehold@nongan-cw")
          .contains("Task_PreliminaryReview@nongan-approver", "timer:BoundaryEvent_NoticePeriodEnded")
          .endsWith("Task_ConfirmApplication@na-county-approver");
      assertThat(walk.passed(pid)).contains("Task_AwaitMaterials", "ServiceTask_CheckInformation",
          "EndEvent_Approved");

      // the applicant downloads the 确认通知书 from the page
      browser.navigate().refresh();
      WebElement decision = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//a[contains(@class,'doc-notice') and contains(., '确认通知书')]")));
      shot("6-decision");
      byte[] pdf = download(decision);
      assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).as("the decision notice is a PDF")
          .isEqualTo("%PDF-");
      assertThat(NoticeTexts.text(pdf)).contains("最低生活保障确认通知书", "王芳", "确认同意纳入最低生活保障");
      long documentId = jdbc.queryForObject("SELECT MIN(id) FROM case_document WHERE process_instance_id = ?",
          Long.class, pid);

      // a stranger on the same phone's page: the case is not among theirs, and the page's own calls to it (read,
      // withdraw, download a document) answer 404 like a case that does not exist; nothing changes
      click(By.id("signOut"));
      message("已退出");
      signIn(org.doudi.eligibility.TestIds.id("220122", "19850505", String.format("%03d", n % 1000)),
          "135" + String.format("%08d", n));
      browser.findElement(By.cssSelector("nav .tab[data-tab=cases]")).click();
      wait.until(d -> d.findElement(By.id("caseList")).getText().contains("暂无案件"));
      assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("王芳").doesNotContain("宝塔村");
      @SuppressWarnings("unchecked")
      List<Object> answers = (List<Object>) browser.executeAsyncScript("""
          var done = arguments[arguments.length - 1], pid = arguments[0], doc = arguments[1];
          var h = {'X-Citizen-Request': '1', 'Content-Type': 'application/json'};
          Promise.all([
            fetch('/api/citizen/cases/' + pid, {headers: h}),
            fetch('/api/citizen/cases/' + pid + '/withdrawal', {method: 'POST', headers: h,
                body: JSON.stringify({reason: '不想要了'})}),
            fetch('/api/citizen/documents/' + doc + '/content', {headers: h})
          ]).then(function (rs) { return Promise.all(rs.map(function (r) {
            return r.text().then(function (t) { return r.status + ' ' + t; }); })); }).then(done);
          """, pid, documentId);
      assertThat(answers).hasSize(3).allSatisfy(a -> assertThat((String) a).startsWith("404 ")
          .contains("未找到该案件或材料"));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_INST_ID_ = ? "
          + "AND END_ACT_ID_ = 'EndEvent_Approved'", Integer.class, pid)).as("the case stays as decided").isOne();
      shot("6b-stranger");
    } catch (RuntimeException | AssertionError e) {
      shot("failure");
      throw e;
    } finally {
      browser.quit();
    }
  }

  /** The other two choices of 我要申请 at 360 px: an emergency report, then 支出型临时救助 for oneself with consent. */
  @Test
  void anEmergencyReportAndAnExpenditureApplicationFromThePhone() throws Exception {
    Chromium.requireInstalled();
    SentCodes.listen();
    int n = new Random().nextInt(10_000_000);
    String id = org.doudi.eligibility.TestIds.id("220122", "19800101", String.format("%03d", n % 1000));
    String phone = "136" + String.format("%08d", n);
    browser = Chromium.start("zh-CN");
    try {
      browser.manage().window().setSize(new Dimension(360, 740));
      wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      browser.get("http://localhost:" + port + "/apply/");
      signIn(id, phone);

      browser.findElement(By.cssSelector("nav .tab[data-tab=apply]")).click();
      choose("county", "220122");
      choose("township", "220122100");
      choose("village", "220122100201");
      new Select(browser.findElement(By.id("applyKind"))).selectByValue("emergency");
      browser.findElement(By.id("eName")).sendKeys("周九");
      browser.findElement(By.id("eAddress")).sendKeys("农安县农安镇宝塔村5组");
      browser.findElement(By.id("eSituation")).sendKeys("家中失火，无处居住");
      shot("7-emergency-report");
      click(By.id("submitReport"));
      message("报告已提交");
      WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reportList .report")));
      assertThat(report.getText()).contains("周九", "核实");
      shot("8-report-stage");

      browser.findElement(By.cssSelector("nav .tab[data-tab=apply]")).click();
      choose("township", "220122100");
      choose("village", "220122100201");
      new Select(browser.findElement(By.id("applyKind"))).selectByValue("expenditure");
      browser.findElement(By.id("xName")).sendKeys("周九");
      browser.findElement(By.id("xCause")).sendKeys("住院手术自付费用较高");
      browser.findElement(By.id("xExpense")).sendKeys("20000");
      browser.findElement(By.id("xAmount")).sendKeys("3000");
      browser.findElement(By.id("xMembers")).sendKeys("3");
      browser.findElement(By.id("xBank")).sendKeys("农安县农村信用合作联社");
      browser.findElement(By.id("xAccount")).sendKeys("6228480012345678901");
      shot("9-expenditure");
      click(By.id("submitExpenditure"));
      message("申请已保存");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".draft .c-auth"))).click();
      browser.findElement(By.cssSelector(".draft .c-pledge")).click();
      click(By.cssSelector(".draft .c-sign"));
      message("申请已提交");
      browser.findElement(By.cssSelector("nav .tab[data-tab=cases]")).click();
      WebElement c = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//div[contains(@class,'case')][contains(., '支出型临时救助')]")));
      assertThat(c.getText()).contains("网上申请", "受理");
      shot("10-expenditure-case");
      // before the decision the applicant may withdraw (no 公示 yet: no objection), as for 低保
      assertThat(c.findElements(By.cssSelector(".action-withdrawal button"))).hasSize(1);
      assertThat(c.findElements(By.cssSelector(".action-objections"))).isEmpty();
      c.findElement(By.cssSelector(".action-withdrawal textarea")).sendKeys("医疗费用已由亲属承担");
      click(By.xpath("//div[contains(@class,'case')][contains(., '支出型临时救助')]//div[contains(@class,'action-withdrawal')]//button"));
      message("撤回申请：已提交");
      wait.until(d -> d.findElement(By.xpath("//div[contains(@class,'case')][contains(., '支出型临时救助')]"))
          .getText().contains("已撤回"));
      assertThat(browser.findElements(By.cssSelector(".action-withdrawal"))).isEmpty();
      shot("11-expenditure-withdrawn");
    } catch (RuntimeException | AssertionError e) {
      shot("failure-2");
      throw e;
    } finally {
      browser.quit();
    }
  }

  /** The task definition keys of the case's open user tasks. */
  List<String> openTasks(String pid) {
    return tasks.createTaskQuery().processInstanceId(pid).list().stream().map(Task::getTaskDefinitionKey).toList();
  }

  /**
   * Clicks a download link as the user does and returns the file the browser saved (into
   * target/browser/citizen/downloads/, emptied first).
   */
  byte[] download(WebElement link) throws Exception {
    Path dir = Path.of("target", "browser", "citizen", "downloads").toAbsolutePath();
    Files.createDirectories(dir);
    try (var old = Files.list(dir)) {
      for (Path f : old.toList()) {
        Files.delete(f);
      }
    }
    browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
        "downloadPath", dir.toString(), "eventsEnabled", false));
    browser.executeScript("arguments[0].scrollIntoView({block:'center'})", link);
    link.click();
    Path file = wait.until(d -> {
      try (var saved = Files.list(dir)) {
        return saved.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
      } catch (java.io.IOException e) {
        return null;
      }
    });
    return Files.readAllBytes(file);
  }

  void signIn(String idNumber, String phone) {
    WebElement id = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idNumber")));
    id.clear();
    id.sendKeys(idNumber);
    browser.findElement(By.id("phone")).clear();
    browser.findElement(By.id("phone")).sendKeys(phone);
    click(By.id("sendCode"));
    message("验证码已发送");
    browser.findElement(By.id("code")).clear();
    browser.findElement(By.id("code")).sendKeys(SentCodes.last(phone));
    click(By.id("doSignIn"));
    message("登录成功");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home")));
  }

  void choose(String selectId, String value) {
    wait.until(d -> d.findElements(By.cssSelector("#" + selectId + " option[value='" + value + "']")).size() == 1);
    new Select(browser.findElement(By.id(selectId))).selectByValue(value);
  }

  void click(By by) {
    WebElement e = wait.until(ExpectedConditions.elementToBeClickable(by));
    browser.executeScript("arguments[0].scrollIntoView({block:'center'})", e);
    e.click();
  }

  void message(String text) {
    wait.until(d -> d.findElement(By.id("message")).getText().contains(text)
        || d.findElement(By.id("message")).getAttribute("class").equals("error")
        && !d.findElement(By.id("message")).getText().isEmpty());
    assertThat(browser.findElement(By.id("message")).getText()).contains(text);
  }

  void shot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser", "citizen"));
      Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (Exception e) {
      // a screenshot is evidence only
    }
  }
}
