package org.doudi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.household.TestApplications;
import org.doudi.platform.Chromium;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.tekun.TekunApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit plugin 办理时限监控 in a real browser (issue 17 items 1, 2 and 7). Two 特困 applications, one in 农安镇
 * (农安县) and one in 南岭街道 (南关区), reach 受理 (limit: 3 working days) on a day 30 calendar days ago, so both are
 * overdue today by well over 3 working days. The city supervisor opens Cockpit in Chinese and sees, without a
 * query of their own, the overdue case first with its negative working days in red; the English browser gets
 * English labels; a township caseworker (given Cockpit access for this test) sees their township's case and not
 * the other township's; the process definition's 办理时限 tab lists the case; 资金监测 opens the fund chart in a
 * frame. Screenshots in target/browser/. Required in CI; elsewhere skipped without Chromium and chromedriver.
 */
@DoudiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineMonitorCockpitBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(60); // the machine is shared: generous, never a sleep
  private static final String ROW = "tr.doudi-dl-row[data-process-instance='%s']";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired AuthorizationService authorizations;

  private String nonganCase;
  private String nanlingCase;

  // once for the class, but inside a test (the process-coverage listener records only during a test)
  @BeforeEach
  void twoTekunCasesWaitingForAcceptanceSinceAMonth() throws Exception {
    Chromium.requireInstalled();
    if (nonganCase != null) {
      return;
    }
    // the engine's clock, which the calendar reads, a month back while the cases reach 受理; then today again
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(30))));
    try {
      nonganCase = apply("baota", "220122100201", "RURAL");
      nanlingCase = apply("nanling-sq", "220102001001", "URBAN");
    } finally {
      ClockUtil.reset();
    }
  }

  private String apply(String user, String region, String urbanRural) throws IOException {
    String id = TestApplications.id("225" + (100 + (int) (System.nanoTime() % 800)) + "19440404011");
    String body = TekunApplication.EXAMPLE_JSON.replace("220122194501010015", id)
        .replace("\"220122100201\"", "\"" + region + "\"").replace("\"RURAL\"", "\"" + urbanRural + "\"");
    Http.Response created = new Http(port).send(user, "POST", "/api/tekun/applications", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String pid = new ObjectMapper().readTree(created.body()).get("processInstanceId").asText();
    runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_AcceptApplication").count())
        .isEqualTo(1);
    return pid;
  }

  @Test
  void theSupervisorSeesTheOverdueCaseInChineseWithoutAQuery() {
    ChromeDriver browser = Chromium.start("zh-CN");
    try {
      logIn(browser, "supervisor");
      WebElement monitor = monitor(browser);
      assertThat(monitor.findElement(By.cssSelector(".doudi-dl-title")).getText()).isEqualTo("办理时限监控");
      // no filter set, overdue first: the list starts with overdue rows, and the counts show them
      WebElement overdueCard = monitor.findElement(By.cssSelector(".doudi-dl-card[data-band=OVERDUE]"));
      assertThat(overdueCard.getText()).contains("已超期");
      assertThat(Integer.parseInt(overdueCard.findElement(By.cssSelector(".doudi-dl-count")).getText()))
          .isGreaterThanOrEqualTo(2);
      List<WebElement> rows = monitor.findElements(By.cssSelector("tr.doudi-dl-row"));
      assertThat(rows).isNotEmpty();
      assertThat(rows.get(0).getAttribute("data-band")).isEqualTo("OVERDUE");

      WebElement row = row(browser, nonganCase);
      assertThat(row.getText()).contains("特困").contains("受理（材料清单）").contains("农安县").contains("农安镇")
          .contains("已超期").contains("超期");
      WebElement days = row.findElement(By.cssSelector(".doudi-dl-days .doudi-dl-n"));
      assertThat(Integer.parseInt(days.getText())).as("overdue by more than 10 working days").isLessThan(-10);
      assertThat(days.getCssValue("color")).as("red").isEqualTo("rgba(198, 40, 40, 1)");
      assertThat(row.findElement(By.cssSelector("a.doudi-dl-instance")).getAttribute("href"))
          .endsWith("#/process-instance/" + nonganCase + "/runtime");
      String taskId = tasks.createTaskQuery().processInstanceId(nonganCase).singleResult().getId();
      assertThat(row.findElement(By.cssSelector("a.doudi-dl-task")).getAttribute("href"))
          .endsWith("/camunda/app/tasklist/default/#/?task=" + taskId);
      row(browser, nanlingCase); // the city supervisor sees both counties
      assertThat(monitor.findElement(By.cssSelector(".doudi-dl-regions")).getText()).contains("各县（市、区）")
          .contains("农安县").contains("南关区").contains("农安镇").contains("南岭街道");
      screenshot(browser, "cockpit-deadlines-zh");

      // filters: the township 南岭街道 leaves the 农安镇 case out
      select(browser, "township", "220102001");
      new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
          By.cssSelector(ROW.formatted(nonganCase))));
      row(browser, nanlingCase);
      select(browser, "scheme", "tekun");
      row(browser, nanlingCase);

      // the instance link opens the case in Cockpit
      // (the table is rebuilt when the filter's answer arrives: a link found before that is stale)
      new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
        d.findElement(By.cssSelector(ROW.formatted(nanlingCase) + " a.doudi-dl-instance")).click();
        return true;
      });
      new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/process-instance/" + nanlingCase));
      assertConsoleClean(browser);
    } catch (RuntimeException | AssertionError e) {
      screenshot(browser, "cockpit-deadlines-zh-failure");
      throw e;
    } finally {
      browser.quit();
    }
  }

  @Test
  void anEnglishBrowserGetsEnglishLabels() {
    ChromeDriver browser = Chromium.start("en-US");
    try {
      logIn(browser, "auditor"); // an auditor reads the monitor too
      WebElement monitor = monitor(browser);
      assertThat(monitor.findElement(By.cssSelector(".doudi-dl-title")).getText()).isEqualTo("Legal deadline monitor");
      WebElement row = row(browser, nonganCase);
      assertThat(row.getText()).contains("Overdue").contains("overdue by");
      assertThat(monitor.getText()).contains("Working days left").contains("Per county").doesNotContain("办理时限监控");
      screenshot(browser, "cockpit-deadlines-en");
    } catch (RuntimeException | AssertionError e) {
      screenshot(browser, "cockpit-deadlines-en-failure");
      throw e;
    } finally {
      browser.quit();
    }
  }

  @Test
  void aTownshipCaseworkerSeesOnlyTheirTownship() {
    // township roles have no Cockpit access in Doudi; granted here to this user only, to see the region scope
    Authorization access = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    access.setUserId("nongan-cw");
    access.setResource(Resources.APPLICATION);
    access.setResourceId("cockpit");
    access.addPermission(Permissions.ACCESS);
    authorizations.saveAuthorization(access);
    ChromeDriver browser = Chromium.start("zh-CN");
    try {
      logIn(browser, "nongan-cw");
      WebElement monitor = monitor(browser);
      row(browser, nonganCase);
      assertThat(browser.findElements(By.cssSelector(ROW.formatted(nanlingCase)))).isEmpty();
      assertThat(monitor.findElement(By.cssSelector(".doudi-dl-regions")).getText()).contains("农安镇")
          .doesNotContain("南岭街道").doesNotContain("南关区");
      screenshot(browser, "cockpit-deadlines-township");
    } catch (RuntimeException | AssertionError e) {
      screenshot(browser, "cockpit-deadlines-township-failure");
      throw e;
    } finally {
      browser.quit();
      authorizations.deleteAuthorization(access.getId());
    }
  }

  @Test
  void theDefinitionTabListsTheCaseAndFundMonitoringOpensInCockpit() {
    String definitionId = runtime.createProcessInstanceQuery().processInstanceId(nonganCase).singleResult()
        .getProcessDefinitionId();
    ChromeDriver browser = Chromium.start("zh-CN");
    try {
      logIn(browser, "na-supervisor"); // 农安县's supervisor
      browser.get(cockpit() + "#/process-definition/" + definitionId
          + "/runtime?detailsTab=doudi.deadlines.definitionTab");
      WebDriverWait wait = new WebDriverWait(browser, WAIT);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "办理时限"));
      WebElement row = row(browser, nonganCase);
      assertThat(row.findElement(By.cssSelector(".doudi-dl-n")).getText()).startsWith("-");
      assertThat(browser.findElements(By.cssSelector(".doudi-dl select[name=process]")))
          .as("the tab is fixed to its definition").isEmpty();
      screenshot(browser, "cockpit-deadlines-definition-tab");

      browser.get(cockpit() + "#/dashboard");
      WebElement nav = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-doudi=funds-nav]")));
      assertThat(nav.getText()).isEqualTo("资金监测");
      nav.click();
      wait.until(ExpectedConditions.urlContains("#/doudi-funds"));
      WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.doudi-funds-frame")));
      browser.switchTo().frame(frame);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "救助资金监测"));
      // the chart page got its data through the Cockpit session: no error, the charts are drawn
      wait.until(d -> !d.findElements(By.cssSelector("#amounts *")).isEmpty());
      assertThat(browser.findElement(By.id("status")).getText()).doesNotContain("失败").doesNotContain("无权");
      browser.switchTo().defaultContent();
      screenshot(browser, "cockpit-funds");
      assertConsoleClean(browser);
    } catch (RuntimeException | AssertionError e) {
      screenshot(browser, "cockpit-deadlines-tab-failure");
      throw e;
    } finally {
      browser.quit();
    }
  }

  private String cockpit() {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  /**
   * Cockpit's login. On a loaded machine the form is shown before AngularJS has compiled it (what is typed then is
   * lost), so the fields are filled once Angular marks them ({@code ng-pristine}); the login is done when the menu of
   * the logged-in app is visible.
   *
   * <p>Sessions lost after the login were the API renewing the session's id under Cockpit's requests (fixed;
   * {@code security.WebAppSessionTest}); the retries below are only for a form typed into before Angular was ready.
   */
  private void logIn(WebDriver browser, String user) {
    browser.get(cockpit());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    By name = By.cssSelector("input[type=text].ng-pristine, input[type=text].ng-dirty");
    By menu = By.cssSelector("a[href*='#/processes']");
    for (int attempt = 1; ; attempt++) {
      WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(name));
      field.clear();
      field.sendKeys(user);
      WebElement password = browser.findElement(By.cssSelector("input[type=password]"));
      password.clear();
      password.sendKeys("demo");
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      try {
        wait.until(ExpectedConditions.visibilityOfElementLocated(menu));
        break;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
    browser.manage().logs().get(LogType.BROWSER); // drains what came before the login
  }

  /** The dashboard's monitor once it has loaded (its status line then shows the time of the figures). */
  private static WebElement monitor(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    WebElement monitor = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".doudi-dl[data-doudi=deadline-monitor]")));
    wait.until(d -> !monitor.findElements(By.cssSelector("tr.doudi-dl-row, .doudi-dl-empty, .doudi-dl-error")).isEmpty());
    assertThat(monitor.findElements(By.cssSelector(".doudi-dl-error"))).as(monitor.getText()).isEmpty();
    return monitor;
  }

  /**
   * The case's row, paging through the list as a user would: the whole suite leaves many older overdue clocks in
   * the demo regions, which come first, so the case may be on a later page. Back to page 1 once at the end.
   */
  private static WebElement row(WebDriver browser, String processInstanceId) {
    By row = By.cssSelector(ROW.formatted(processInstanceId));
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(d -> !d.findElements(By.cssSelector(".doudi-dl-pager span")).isEmpty());
    boolean wrapped = false;
    for (int turn = 0; turn < 200; turn++) {
      List<WebElement> found = browser.findElements(row);
      try {
        if (!found.isEmpty() && found.get(0).isDisplayed()) {
          return found.get(0);
        }
      } catch (StaleElementReferenceException rebuilt) {
        continue; // the table was rebuilt between finding the row and looking at it (a filter's answer arrived)
      }
      List<WebElement> buttons = browser.findElements(By.cssSelector(".doudi-dl-pager button"));
      if (buttons.size() == 2 && buttons.get(1).isEnabled()) {
        page(browser, buttons.get(1));
      } else if (!wrapped && buttons.size() == 2 && buttons.get(0).isEnabled()) {
        wrapped = true;
        while (browser.findElement(By.cssSelector(".doudi-dl-pager button")).isEnabled()) {
          page(browser, browser.findElement(By.cssSelector(".doudi-dl-pager button")));
        }
      } else {
        break;
      }
    }
    return wait.until(ExpectedConditions.visibilityOfElementLocated(row)); // fails with the usual message
  }

  /** Clicks a pager button and waits for the next page's pager (the list is rebuilt with each answer). */
  private static void page(WebDriver browser, WebElement button) {
    String before = browser.findElement(By.cssSelector(".doudi-dl-pager span")).getText();
    button.click();
    new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d ->
        !d.findElement(By.cssSelector(".doudi-dl-pager span")).getText().equals(before));
  }

  /** Picks a filter value; the filter bar is rebuilt after each answer, so a stale select is looked up again. */
  private static void select(WebDriver browser, String name, String value) {
    By option = By.cssSelector(".doudi-dl select[name=" + name + "] option[value='" + value + "']");
    new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
      if (d.findElements(option).isEmpty()) {
        return false;
      }
      new Select(d.findElement(By.cssSelector(".doudi-dl select[name=" + name + "]"))).selectByValue(value);
      return true;
    });
  }

  /**
   * No CSP violation, no script error and no failed request of the plugins since the login (Cockpit's own
   * requests before the login, e.g. the 404 of the session check, are drained in {@link #logIn}).
   */
  private static void assertConsoleClean(WebDriver browser) {
    List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("deadline-monitor")
            || m.contains("/api/supervision") || m.contains("/funds") || m.contains("/api/funds"))
        .collect(Collectors.toList());
    assertThat(problems).isEmpty();
  }

  private static void screenshot(WebDriver browser, String name) {
    if (name.endsWith("-failure")) {
      try {
        // on failure the console (failed requests, script errors) goes to the test output with the screenshot
        browser.manage().logs().get(LogType.BROWSER).getAll()
            .forEach(e -> System.out.println("browser console " + name + ": " + e.getLevel() + " " + e.getMessage()));
      } catch (RuntimeException e) {
        // no console: the screenshot still helps
      }
    }
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser"));
      Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      // a missing screenshot must not hide the test's own failure
    }
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
