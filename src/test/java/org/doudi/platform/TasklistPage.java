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

  /** Conditions are awaited, never slept for: these limits only matter when something is wrong. */
  public static final Duration WAIT = Duration.ofSeconds(60);
  /**
   * A whole page load of the AngularJS app (3.8 MB of scripts; the first one also starts Camunda's web app REST
   * resources) on a loaded machine.
   */
  public static final Duration LOAD = Duration.ofSeconds(180);

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final WebDriverWait load;

  private TasklistPage(WebDriver browser) {
    this.browser = browser;
    this.wait = new WebDriverWait(browser, WAIT);
    this.load = new WebDriverWait(browser, LOAD);
  }

  public static TasklistPage open(WebDriver browser, int port) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    TasklistPage page = new TasklistPage(browser);
    page.load.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
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
    load.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    load.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
    return this;
  }

  /** Logs the current user out (the session cookie goes, as with 退出登录) and logs {@code user} in. */
  public TasklistPage switchUser(String user, int port) {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    load.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    return logIn(user);
  }

  /** Loads Tasklist afresh (the task list as it is now) and waits for the filters. */
  public TasklistPage reload(int port) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    load.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
    return this;
  }

  /**
   * Opens 启动流程, picks the process by the name the user reads (searching by name when it is not on the first
   * page) and waits for its start form.
   */
  public void openStartForm(String processName) {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))));
    By processes = By.cssSelector(".modal-content ul.processes li a");
    wait.until(ExpectedConditions.presenceOfElementLocated(processes));
    if (byText(processes, processName) == null) {
      WebElement search = browser.findElement(By.cssSelector(".modal-header input[type=text]"));
      search.sendKeys(processName);
    }
    WebElement process = wait.until(d -> byText(processes, processName));
    click(process);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".modal-body .fjs-form")));
  }

  private WebElement byText(By locator, String text) {
    return browser.findElements(locator).stream().filter(a -> a.getText().trim().equals(text)).findFirst()
        .orElse(null);
  }

  /**
   * Clicks 启动 in the start dialog and waits until the dialog closed (the process started); an error the dialog
   * shows instead fails with its text.
   */
  public void start() {
    WebElement button;
    try {
      button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".modal-footer button.btn-primary")));
    } catch (org.openqa.selenium.TimeoutException e) {
      List<String> shown = formErrors();
      throw new IllegalStateException(shown.isEmpty()
          ? "启动按钮不可用，但没有字段显示校验错误（Tasklist 计入了 form-js 动态列表字段留下的空错误项，见 docs/e2e.md）"
          : "启动按钮不可用（表单未通过校验）: " + shown, e);
    }
    click(button);
    wait.until(d -> d.findElements(By.cssSelector(".modal-content")).isEmpty() || !errors().isEmpty());
    List<String> errors = errors();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("启动流程失败: " + errors);
    }
  }

  /**
   * Completes the open task and waits until {@code done} (e.g. the engine no longer has the task); an error Tasklist
   * shows instead fails with its text.
   */
  public void completeAndWait(java.util.function.BooleanSupplier done) {
    complete();
    wait.until(d -> done.getAsBoolean() || !errors().isEmpty());
    List<String> errors = errors();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("完成任务失败: " + errors);
    }
  }

  /**
   * Every form-js field's validation message, as {@code label: message}, after each input was entered and left once
   * (form-js shows a field's message only then): why Tasklist keeps 启动 or 完成 disabled.
   */
  @SuppressWarnings("unchecked")
  public List<String> formErrors() {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "document.querySelectorAll('.fjs-form input, .fjs-form textarea').forEach(i => { i.focus(); i.blur(); });"
        + "return Array.from(document.querySelectorAll('.fjs-form .fjs-form-field-error')).filter(e => e.innerText.trim())"
        + ".map(e => { const f = e.closest('.fjs-form-field'); const l = f && f.querySelector('.fjs-form-field-label');"
        + " return (l ? l.innerText.trim() : '?') + ': ' + e.innerText.trim(); });");
  }

  /** The texts of the error notifications shown now. */
  @SuppressWarnings("unchecked")
  public List<String> errors() {
    // one script, so that a notification removed meanwhile cannot go stale between finding and reading it
    return (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
        + "'.alert-danger, .alert-error')).filter(e => e.offsetParent !== null).map(e => e.innerText.trim());");
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
    try {
      new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(link));
    } catch (org.openqa.selenium.TimeoutException notOnThisPage) {
      // A full test run leaves many tasks in the demo groups listed first (tests that move the engine clock ahead
      // create them "later"). Open the task as Tasklist's own notification links do: without forceDisplayTask,
      // Tasklist drops a task that is not on the list's current page from the address and shows the list.
      String url = browser.getCurrentUrl();
      browser.get(url.substring(0, url.indexOf('#') < 0 ? url.length() : url.indexOf('#'))
          + "#/?forceDisplayTask=true&task=" + taskId);
      wait.until(ExpectedConditions.urlContains("task=" + taskId));
      WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h2.task")));
      wait.until(d -> !title.getText().isBlank());
      return title.getText().trim();
    }
    // The list may still be re-rendered (a filter's earlier query answered after the one just selected): a card gone
    // stale between finding and clicking it is found again.
    String name = new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> {
          WebElement card = d.findElement(link);
          String text = card.getText().trim();
          // a long list puts the card under the fixed footer: bring it to the middle of the window first
          ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", card);
          if (!card.isDisplayed() || !card.isEnabled()) {
            return null;
          }
          card.click();
          return text;
        });
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

  /**
   * The form fields whose own label reads {@code label} (a trailing required marker is ignored), in the order shown. A
   * field is the one the label belongs to, not a group or dynamic list around it that merely contains such a label.
   */
  @SuppressWarnings("unchecked")
  public List<WebElement> fields(String label) {
    // one script, so that a field re-rendered meanwhile cannot go stale between finding and reading its label
    return (List<WebElement>) ((JavascriptExecutor) browser).executeScript("const want = arguments[0];"
        + "return Array.from(document.querySelectorAll('.fjs-form .fjs-form-field-label'))"
        + ".filter(l => l.innerText.trim().replace(/(\\s*\\*)+$/, '').trim() === want)"
        + ".map(l => l.closest('.fjs-form-field')).filter((f, i, all) => f && all.indexOf(f) === i);", label);
  }

  private static String clean(String label) {
    String s = label.trim();
    while (s.endsWith("*")) {
      s = s.substring(0, s.length() - 1).trim();
    }
    return s;
  }

  /** The (first) form field whose own label reads {@code label}. */
  public WebElement field(String label) {
    return wait.until(d -> fields(label).stream().findFirst().orElse(null));
  }

  /**
   * Types into a text field, text area or number field; of two fields with one label (a read-only copy and the
   * field to fill), the one that can be edited. The field is then left (blurred), as a user moves on, and the value is
   * awaited in it: form-js passes typing to the form only after a pause or on leaving the field, and a re-render of
   * the form in between (another field's change, a FEEL expression evaluated) puts the field back to the form's old
   * value. Machine-speed typing on a loaded machine hits that window; the value is then typed again.
   */
  public void type(String label, String value) {
    WebElement input = wait.until(d -> fields(label).stream()
        .flatMap(f -> f.findElements(By.cssSelector("input, textarea")).stream())
        .filter(i -> i.isEnabled() && i.getAttribute("readonly") == null)
        .findFirst().orElse(null));
    wait.until(d -> {
      if (value.equals(input.getDomProperty("value"))) {
        return true;
      }
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(value);
      ((JavascriptExecutor) browser).executeScript("arguments[0].blur();", input);
      return false;
    });
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

  /**
   * Picks an option of a form-js select (a drop-down list, not a native select) by the option's label; in a searchable
   * select the option's label is typed first, as a user narrows a long list. Options computed from other fields (a
   * {@code valuesExpression}) are awaited.
   */
  public void select(String label, String option) {
    WebElement field = field(label);
    List<WebElement> nativeSelect = field.findElements(By.cssSelector("select"));
    if (!nativeSelect.isEmpty()) {
      new org.openqa.selenium.support.ui.Select(nativeSelect.get(0)).selectByVisibleText(option);
      return;
    }
    List<WebElement> search = field.findElements(By.cssSelector("input.fjs-input"));
    if (!search.isEmpty()) {
      click(search.get(0));
      search.get(0).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      search.get(0).sendKeys(option);
    } else {
      click(field.findElement(By.cssSelector(".fjs-input-group")));
    }
    WebElement item = wait.until(d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(i -> i.getText().trim().equals(option)).findFirst().orElse(null));
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(item).click().perform();
    wait.until(d -> selected(field).equals(option));
  }

  /** The label of the option a form-js select shows as chosen. */
  private static String selected(WebElement field) {
    List<WebElement> search = field.findElements(By.cssSelector("input.fjs-input"));
    if (!search.isEmpty()) {
      return search.get(0).getAttribute("value").trim();
    }
    return field.findElement(By.cssSelector(".fjs-select-display")).getText().trim();
  }

  /**
   * Adds an entry to the form-js dynamic list labelled {@code label} (its add button) and waits for the new row; the
   * new row's fields are then filled by their labels.
   */
  public void addListEntry(String label) {
    WebElement list = field(label);
    By rows = By.cssSelector(".fjs-repeat-row-container");
    int before = list.findElements(rows).size();
    click(list.findElement(By.cssSelector("button.fjs-repeat-render-add")));
    wait.until(d -> list.findElements(rows).size() > before);
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

  /** A screenshot of the whole window as {@code target/browser/<walk>/<name>.png}. */
  public Path screenshot(String walk, String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser", walk));
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
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
