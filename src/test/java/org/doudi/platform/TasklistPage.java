package org.doudi.platform;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camunda Tasklist as a user sees it: login form, task list, task form. */
public final class TasklistPage {

  public static final Duration WAIT = Duration.ofSeconds(30);

  private final WebDriver browser;
  private final WebDriverWait wait;

  private TasklistPage(WebDriver browser) {
    this.browser = browser;
    this.wait = new WebDriverWait(browser, WAIT);
  }

  public static TasklistPage open(WebDriver browser, int port) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    TasklistPage page = new TasklistPage(browser);
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    return page;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  public void typeCredentials(String user, String password) {
    WebElement name = browser.findElement(By.cssSelector("input[type=text]"));
    name.clear();
    name.sendKeys(user);
    WebElement pw = browser.findElement(By.cssSelector("input[type=password]"));
    pw.clear();
    pw.sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /** Logs in with the demo password and waits for the task list. */
  public TasklistPage logIn(String user) {
    typeCredentials(user, "demo");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks], .tasks-list, [cam-tasklist-filters]")));
    return this;
  }
}
