package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.payroll.PayrollFixture.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.platform.Chromium;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.TasklistPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The county caseworker in Tasklist (Debian Chromium, Chinese): opens the payroll's task 下载代发文件并上传银行回盘, its
 * tab 银行回盘, uploads a wrong result file (refused, errors per line), then the bank's file with one returned
 * payment, and reads the counts; the message ends the task. Screenshot in target/browser/. Month 2076-03.
 */
@DoudiTest
class BankResultInTasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired Payroll payroll;
  @Autowired Awards awards;
  @Autowired BankFiles bankFiles;
  @Autowired Payments payments;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  /**
   * Tasklist's module loader (RequireJS in {@code lib/deps.js}) gives up on a module after 7 s and leaves a blank page;
   * on a machine shared by many builds that happens now and then at the first load, so the login page is loaded
   * again, at most three times.
   */
  TasklistPage openTasklist(ChromeDriver browser) {
    for (int attempt = 1; ; attempt++) {
      try {
        return TasklistPage.open(browser, port);
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  @Test
  void theCountyCaseworkerUploadsTheBankResultInTasklistAndSeesTheCounts() throws Exception {
    PayrollFixture f = new PayrollFixture(tasks, management);
    awards.grant(grant("HH-BRB1", "卫一", "220122195001010014", "510", "2076-02-10"), "na-county-approver");
    clockAt("2076-03-01T06:00");
    PayrollRun run = payroll.start(NONGAN, YearMonth.parse("2076-03"), "system");
    String pid = run.processInstanceId();
    assertThat(f.runJobs(pid)).isEmpty();
    f.complete(pid, "Task_ReviewRoster", "na-county-approver", Map.of("reviewDecision", "APPROVE",
        "confirmedTotal", runtime.getVariable(pid, "rosterTotal"), "reviewNote", "已核对", "anomaliesVerified", true));
    assertThat(f.runJobs(pid)).isEmpty();
    ClockUtil.reset();
    BankFile file = bankFiles.ofRun(run.id()).orElseThrow();
    List<LedgerEntry> rows = jdbc.queryForList("SELECT id FROM payment_entry WHERE bank_file_id = ? ORDER BY id",
        Long.class, file.id()).stream().map(payments::get).toList();
    LedgerEntry returned = rows.get(rows.size() - 1);
    String taskId = f.task(pid, BankFiles.IMPORT_TASK).getId();

    Path dir = Files.createDirectories(Path.of("target", "browser"));
    Path wrong = dir.resolve("bank-result-wrong.csv");
    Files.writeString(wrong, "H," + file.batchNo() + "\nD," + rows.get(0).id() + ",1,1.00,PAID,\n",
        StandardCharsets.UTF_8);
    StringBuilder good = new StringBuilder("H," + file.batchNo() + "\n");
    rows.forEach(e -> good.append("D,").append(e.id()).append(',').append(e.payee().accountNumber()).append(',')
        .append(e.amount().toPlainString()).append(e.id() == returned.id() ? ",RETURNED,账户已销户\n" : ",PAID,\n"));
    Path right = dir.resolve("bank-result.csv");
    Files.writeString(right, good, StandardCharsets.UTF_8);

    ChromeDriver browser = Chromium.start("zh-CN");
    TasklistPage tasklist;
    try {
      tasklist = openTasklist(browser).logIn("na-county-cw");
      // within the app (no reload): the task by its id
      browser.executeScript("window.location.hash = arguments[0]", "#/?task=" + taskId);
      var wait = tasklist.waiting();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "下载代发文件并上传银行回盘"));
      WebElement tab = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
          "//ul[contains(@class,'nav-tabs')]//a[normalize-space()='银行回盘']")));
      tab.click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".doudi-bank-tab"),
          file.batchNo()));
      assertThat(browser.findElement(By.cssSelector(".doudi-bank-download")).getText()).contains(file.batchNo());
      assertThat(browser.findElement(By.cssSelector("[data-field=waiting]")).getText()).isEqualTo(rows.size() + " 笔");

      // a wrong file: refused whole, errors per line, nothing changed
      browser.findElement(By.cssSelector("input.doudi-bank-file")).sendKeys(wrong.toAbsolutePath().toString());
      browser.findElement(By.cssSelector("button.doudi-bank-upload")).click();
      WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("table.doudi-bank-errors")));
      assertThat(errors.getText()).contains("行号").contains("2").contains("账号与发放文件不符");
      assertThat(payments.get(rows.get(0).id()).status()).isEqualTo(PaymentStatus.SENT);

      // the bank's file: counts of paid and returned lines; the message ends the task
      WebElement input = browser.findElement(By.cssSelector("input.doudi-bank-file"));
      browser.executeScript("arguments[0].value = ''", input);
      input.sendKeys(right.toAbsolutePath().toString());
      browser.findElement(By.cssSelector("button.doudi-bank-upload")).click();
      WebElement ok = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".doudi-bank-ok")));
      assertThat(ok.getText()).contains("成功" + (rows.size() - 1) + "笔").contains("退回1笔").contains("本任务随之结束");
      assertThat(browser.findElement(By.cssSelector("[data-field=paid]")).getText()).isEqualTo((rows.size() - 1) + " 笔");
      assertThat(browser.findElement(By.cssSelector("[data-field=returned]")).getText()).isEqualTo("1 笔");
      assertThat(browser.findElement(By.cssSelector("[data-field=waiting]")).getText()).isEqualTo("0 笔");
      tasklist.screenshot("bank-result-upload");
    } catch (RuntimeException | AssertionError e) {
      Files.write(dir.resolve("bank-result-upload-failed.png"),
          browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      browser.manage().logs().get("browser").getAll().forEach(l -> System.out.println("[browser] " + l));
      throw e;
    } finally {
      browser.quit();
    }
    assertThat(f.task(pid, BankFiles.IMPORT_TASK)).isNull();
    assertThat(payments.get(returned.id()).status()).isEqualTo(PaymentStatus.RETURNED);
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }
}
