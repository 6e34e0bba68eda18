package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real browser (Debian's headless Chromium through Selenium and chromedriver): the login page
 * speaks Chinese to a zh-CN browser and English to an en-US one, and a demo caseworker logs in and sees
 * the Chinese task list. Required in CI; elsewhere skipped when Chromium or chromedriver is not installed.
 */
@DoudiTest
class TasklistInChineseBrowserTest {

  @LocalServerPort int port;

  @Test
  void aCaseworkerLogsIntoTasklistInChinese() {
    ChromeDriver browser = Chromium.start("zh-CN");
    try {
      TasklistPage tasklist = TasklistPage.open(browser, port);
      assertThat(browser.findElement(By.cssSelector("input[type=password]")).getAttribute("placeholder")).isEqualTo("密码");
      assertThat(browser.findElement(By.cssSelector("input[type=text]")).getAttribute("placeholder")).isEqualTo("用户名");
      tasklist.logIn("nanling-cw");
      assertThat(browser.getPageSource()).contains("退出").doesNotContain("Sign out");
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("任务");
    } finally {
      browser.quit();
    }
  }

  @Test
  void aWrongPasswordIsRefusedInChinese() {
    ChromeDriver browser = Chromium.start("zh-CN");
    try {
      TasklistPage tasklist = TasklistPage.open(browser, port);
      // an unknown user: a wrong password for a demo user would lock that user for the other tests
      tasklist.typeCredentials("no-such-user", "wrong");
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "登录失败"));
      assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isNotEmpty();
      assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Login Failed");
    } finally {
      browser.quit();
    }
  }

  @Test
  void englishStaysAvailable() {
    WebDriver browser = Chromium.start("en-US");
    try {
      TasklistPage.open(browser, port);
      assertThat(browser.findElement(By.cssSelector("input[type=password]")).getAttribute("placeholder")).isEqualTo("Password");
    } finally {
      browser.quit();
    }
  }
}
