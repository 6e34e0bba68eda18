package org.doudi.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a caseworker sees it: the login form, the shared filters, the task list, the task's
 * header (claim) and its Camunda Form (form-js), filled by the labels the user reads.
 */
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
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
    return this;
  }

  /** Selects one of the shared filters by its (Chinese) name. */
  public TasklistPage selectFilter(String name) {
    WebElement filter = wait.until(d -> d.findElements(By.cssSelector(".task-filter")).stream()
        .filter(f -> f.findElement(By.cssSelector("h4.name")).getText().trim().startsWith(name))
        .findFirst().orElse(null));
    filter.findElement(By.cssSelector("h4.name a")).click();
    wait.until(d -> filter.getAttribute("class").contains("active"));
    return this;
  }

  /** Opens a task from the task list (it must be listed under the selected filter); returns its name in the list. */
  public String openFromList(String taskId) {
    By link = By.cssSelector("ol.tasks-list li.task h4.task a[href*='task=" + taskId + "']");
    WebElement a = wait.until(ExpectedConditions.elementToBeClickable(link));
    String name = a.getText().trim();
    // a long list puts the card under the fixed footer: bring it to the middle of the window first
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", a);
    wait.until(ExpectedConditions.elementToBeClickable(a)).click();
    wait.until(ExpectedConditions.urlContains("task=" + taskId));
    return name;
  }

  /** Claims the open task and waits until the form can be edited. */
  public void claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    waitForForm();
  }

  public void waitForForm() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
  }

  /** The form field whose label reads {@code label} (a trailing required marker is ignored). */
  public WebElement field(String label) {
    return wait.until(d -> d.findElements(By.cssSelector(".fjs-form .fjs-form-field")).stream()
        .filter(f -> f.findElements(By.cssSelector(".fjs-form-field-label")).stream()
            .anyMatch(l -> clean(l.getText()).equals(label)))
        .findFirst().orElse(null));
  }

  private static String clean(String label) {
    String s = label.trim();
    while (s.endsWith("*")) {
      s = s.substring(0, s.length() - 1).trim();
    }
    return s;
  }

  /** Types into a text field, text area or number field. */
  public void type(String label, String value) {
    WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(value);
  }

  /** Picks one option of a radio group or ticks one box of a checklist, by the option's label. */
  public void choose(String label, String option) {
    WebElement field = field(label);
    WebElement optionLabel = field.findElements(By.cssSelector("label")).stream()
        .filter(l -> clean(l.getText()).equals(option)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No option " + option + " in " + label + ": " + field.getText()));
    WebElement input = optionLabel.findElements(By.cssSelector("input")).stream().findFirst()
        .orElseGet(() -> browser.findElement(By.id(optionLabel.getAttribute("for"))));
    if (!input.isSelected()) {
      click(input);
    }
  }

  /** Ticks (or unticks) a single checkbox field. */
  public void check(String label, boolean checked) {
    WebElement input = field(label).findElement(By.cssSelector("input[type=checkbox]"));
    if (input.isSelected() != checked) {
      click(input);
    }
  }

  /** Picks an option of a form-js select (a drop-down list, not a native select). */
  public void select(String label, String option) {
    WebElement field = field(label);
    List<WebElement> nativeSelect = field.findElements(By.cssSelector("select"));
    if (!nativeSelect.isEmpty()) {
      new org.openqa.selenium.support.ui.Select(nativeSelect.get(0)).selectByVisibleText(option);
      return;
    }
    click(field.findElement(By.cssSelector(".fjs-input-group, .fjs-select-display, input")));
    WebElement item = wait.until(d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(i -> i.getText().trim().equals(option)).findFirst().orElse(null));
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(item).click().perform();
  }

  /** Tasklist's complete button; the task leaves the view when the server accepted it. */
  public void complete() {
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("button.btn-primary[ng-click='complete()']")));
    click(button);
  }

  /** Waits for a Tasklist notification containing {@code text} (e.g. 任务已完成。). */
  public void waitForNotification(String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notifications, .page-notifications, body"), text));
  }

  public String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private void click(WebElement e) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
    e.click();
  }

  /** A screenshot in target/browser/ (for the failure reports). */
  public Path screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser"));
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      Files.writeString(dir.resolve(name + ".html"), browser.getPageSource());
      return file;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
