package org.doudi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.household.TestApplications;
import org.doudi.platform.Chromium;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.TasklistPage;
import org.doudi.tekun.TekunApplication;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The worklist in a real browser (issue 18 item 1): two 特困 applications of 宝塔村 (农安镇) wait for 受理 (limit: 3
 * working days), one reached 受理 30 calendar days ago (overdue), one today (due within 3 working days). 农安镇's
 * caseworker opens Tasklist in Chinese: each card shows the applicant, township and village, the scheme and the
 * working days left, amber or red; the shared filter 已逾期 lists the overdue case; no English relative time and no
 * Camunda end-of-life banner. Screenshots in target/browser/. Required in CI; elsewhere skipped without Chromium.
 */
@DoudiTest
class WorklistTasklistBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(120); // the machine is shared: generous, never a sleep

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @Test
  void aTownshipCaseworkerTellsCasesApartAndFindsTheOverdueOne() throws Exception {
    Chromium.requireInstalled();
    // the engine's clock, which the calendar reads, a month back while the first case reaches 受理
    String overdueTask;
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(30))));
    try {
      overdueTask = apply("王老汉");
    } finally {
      ClockUtil.reset();
    }
    String soonTask = apply("李大娘");

    ChromeDriver browser = Chromium.start("zh-CN");
    TasklistPage tasklist = null;
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    try {
      tasklist = open(browser);
      tasklist.typeCredentials("nongan-cw", "demo");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
      selectFilter(wait, "待认领");
      Card soon = card(wait, soonTask);
      assertThat(soon.text()).contains("李大娘").contains("农安镇").contains("宝塔村").contains("特困人员救助供养")
          .contains("法定时限").containsPattern("剩 [0-3] 个工作日|今天到期");
      assertThat(soon.days()).isBetween(0, 3);
      assertThat(soon.daysBackground()).as("amber").isEqualTo("rgba(255, 227, 163, 1)");
      assertThat(soon.lines()).as("case facts and the limit each on one line").isEqualTo(2);
      assertThat(soon.clearOfShutter()).as("the days left are above the card's \"show more\" fade").isTrue();
      assertChineseOnly(browser);
      tasklist.screenshot("worklist-cards-zh");

      selectFilter(wait, "已逾期");
      Card overdue = card(wait, overdueTask);
      assertThat(overdue.text()).contains("王老汉").contains("农安镇").contains("宝塔村").contains("特困人员救助供养")
          .containsPattern("已逾期 \\d+ 个工作日");
      assertThat(overdue.days()).as("a month late").isLessThan(-10);
      assertThat(overdue.daysBackground()).as("red").isEqualTo("rgba(198, 40, 40, 1)");
      assertThat(browser.findElements(By.cssSelector("ol.tasks-list li.task h4.task a[href*='task=" + soonTask + "']")))
          .as("the case due later is not overdue").isEmpty();
      assertChineseOnly(browser);
      tasklist.screenshot("worklist-overdue-zh");
    } catch (RuntimeException | AssertionError e) {
      try {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "browser"));
        java.nio.file.Files.write(dir.resolve("worklist-failure.png"),
            browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
            .forEach(l -> System.out.println("browser console: " + l.getLevel() + " " + l.getMessage()));
      } catch (IOException | RuntimeException ignored) {
        // the test's own failure matters, not the report's
      }
      throw e;
    } finally {
      browser.quit();
    }
  }

  /** The login page; the machine is shared and sometimes slow, so a page that did not come up is asked for again. */
  private TasklistPage open(ChromeDriver browser) {
    for (int attempt = 1; ; attempt++) {
      try {
        return TasklistPage.open(browser, port);
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Selects a shared filter by its name and waits until it is the active one. */
  private static void selectFilter(WebDriverWait wait, String name) {
    WebElement filter = wait.until(d -> d.findElements(By.cssSelector(".task-filter")).stream()
        .filter(f -> f.findElement(By.cssSelector("h4.name")).getText().trim().startsWith(name))
        .findFirst().orElse(null));
    filter.findElement(By.cssSelector("h4.name a")).click();
    wait.until(d -> filter.getAttribute("class").contains("active"));
  }

  /** What the card plugin's box on the card of a task shows. */
  record Card(String text, int days, String daysBackground, long lines, boolean clearOfShutter) {}

  /**
   * The card plugin's box on the card of the task (the list must show it), read in one go: Tasklist re-renders the
   * list on its refresh, which replaces the elements, so a read that meets a replaced element starts again.
   */
  private static Card card(WebDriverWait wait, String taskId) {
    By box = By.cssSelector("ol.tasks-list li.task .doudi-wl[data-task='" + taskId + "']");
    return wait.ignoring(StaleElementReferenceException.class).until(d -> {
      List<WebElement> found = d.findElements(box);
      if (found.isEmpty() || !found.get(0).isDisplayed()) {
        return null;
      }
      WebElement days = found.get(0).findElement(By.cssSelector(".doudi-wl-days"));
      // lines as laid out: each line box of the plugin's rows counted by its height and line height
      Object lines = ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return Array.from(arguments[0]"
          + ".children).map(r => Math.round(r.getBoundingClientRect().height / parseFloat(getComputedStyle(r).lineHeight)))"
          + ".reduce((a, b) => a + b, 0);", found.get(0));
      Object clear = ((org.openqa.selenium.JavascriptExecutor) d).executeScript("const s = arguments[0]"
          + ".closest('.task-card-details').querySelector('.shutter');"
          + "return !s || s.offsetParent === null || arguments[1].getBoundingClientRect().bottom"
          + " <= s.getBoundingClientRect().top + 1;", found.get(0), days);
      return new Card(found.get(0).getText(), Integer.parseInt(days.getAttribute("data-days")),
          days.getCssValue("background-color"), ((Number) lines).longValue(), Boolean.TRUE.equals(clear));
    });
  }

  /** No English relative time ("2 minutes ago", "in 5 days") and no end-of-life banner anywhere on the page. */
  private static void assertChineseOnly(ChromeDriver browser) {
    String list = browser.findElement(By.cssSelector("ol.tasks-list")).getText();
    assertThat(list).doesNotContainPattern("(?i)\\b(ago|in (a|an|\\d+) \\w+|seconds?|minutes?|hours?|days?|months?)\\b")
        .containsPattern("\\d+ ?(分钟|小时|天|个月)(前|后)|几秒前");
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
        .as("the Camunda 7 CE end-of-life banner").isEmpty();
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).doesNotContain("Camunda 8").doesNotContain("迁移");
  }

  /** A 特困 application of 宝塔村 by its village assistant, run to 受理; the id of its 受理 task. */
  private String apply(String name) throws IOException {
    String id = TestApplications.id("225" + (100 + (int) (System.nanoTime() % 800)) + "19440404011");
    String body = TekunApplication.EXAMPLE_JSON.replace("220122194501010015", id).replace("王老汉", name);
    Http.Response created = new Http(port).send("baota", "POST", "/api/tekun/applications", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String pid = new ObjectMapper().readTree(created.body()).get("processInstanceId").asText();
    for (int i = 0; i < 20; i++) {
      Job job = management.createJobQuery().processInstanceId(pid).messages().list().stream().findFirst()
          .orElse(null);
      if (job == null) {
        break;
      }
      management.executeJob(job.getId());
    }
    return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_AcceptApplication")
        .singleResult().getId();
  }
}
