package org.doudi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.doudi.platform.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every deployed Camunda Form ({@code forms/*.form}) rendered in Debian's Chromium by the very form-js viewer that
 * Tasklist 7.24 uses: {@code lib/runtime.js} and {@code lib/deps.js} of the Camunda webjar on the classpath (the files
 * the application serves under {@code /camunda/lib/}), the viewer module found where {@code
 * camunda-tasklist-bootstrap.js} takes its {@code Form} from, and Tasklist's stylesheet. A form fails on anything
 * the viewer reports: {@code importSchema} rejected, import warnings, a form-js {@code error} event, a console error
 * or warning, an uncaught error or rejection; and a form whose input fields did not all render. Plain JUnit, no
 * Spring context. A screenshot of each form is left in {@code target/browser/forms/}.
 */
class FormsRenderInBrowserTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/";
  private static final Path DIR = Path.of("target", "browser", "forms");

  private static ChromeDriver browser;

  @BeforeAll
  static void openViewerPage() throws IOException {
    Chromium.requireInstalled();
    Files.createDirectories(DIR);
    copy(WEBJAR + "lib/runtime.js", "runtime.js");
    copy(WEBJAR + "lib/deps.js", "deps.js");
    copy(WEBJAR + "app/tasklist/camunda-tasklist-bootstrap.css", "tasklist.css");
    Files.writeString(DIR.resolve("viewer.html"), page(formJsModuleId()), StandardCharsets.UTF_8);
    browser = Chromium.start("zh-CN");
    browser.get(DIR.resolve("viewer.html").toAbsolutePath().toUri().toString());
    Object ready = js().executeScript("return typeof window.FormJs === 'object' && typeof window.FormJs.Form");
    assertThat(ready).as("Tasklist's form-js viewer loaded from the webjar").isEqualTo("function");
    assertThat(problems()).as("the viewer page itself loads cleanly").isEmpty();
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void everyDeployedFormRendersWithoutErrorOrWarning() throws IOException {
    List<Path> forms;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).hasSizeGreaterThan(50);
    Map<String, List<String>> broken = new LinkedHashMap<>();
    for (Path form : forms) {
      List<String> found = render(Files.readString(form, StandardCharsets.UTF_8));
      screenshot(form.getFileName().toString().replace(".form", ""));
      if (!found.isEmpty()) {
        broken.put(form.getFileName().toString(), found);
      }
    }
    assertThat(broken).as("forms that Tasklist's form-js viewer does not render cleanly").isEmpty();
  }

  @Test
  void theCheckCatchesAFormThatTasklistCannotRender() {
    String duplicateKey = """
        {"id": "bad", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "amount", "label": "金额", "id": "Field_amount"},
          {"type": "number", "key": "amount", "label": "金额", "id": "Field_amount2"}]}
        """;
    assertThat(render(duplicateKey)).isNotEmpty();
    String issue18 = """
        {"id": "bad", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "amount", "label": "救助金额（元）", "disabled": true, "id": "Field_amount"},
          {"type": "number", "key": "amount", "label": "救助总金额（元）", "id": "Field_amount"}]}
        """;
    assertThat(render(issue18)).as("the read-only copy of amount of issue 18").isNotEmpty();
    String pathClash = """
        {"id": "bad", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "amount", "label": "金额", "id": "Field_amount"},
          {"type": "group", "path": "amount", "id": "Group_1", "components": [
            {"type": "textfield", "key": "x", "label": "甲", "id": "Field_x"}]}]}
        """;
    assertThat(render(pathClash)).as("a group whose path is a field's key (FormDuplicatesTest does not see it)")
        .isNotEmpty();
    String duplicateId = """
        {"id": "bad", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "a", "label": "甲", "id": "Field_1"},
          {"type": "textfield", "key": "b", "label": "乙", "id": "Field_1"}]}
        """;
    assertThat(render(duplicateId)).isNotEmpty();
    String unknownType = """
        {"id": "bad", "type": "default", "schemaVersion": 16, "components": [
          {"type": "filepicker", "key": "a", "label": "附件", "id": "Field_1"}]}
        """;
    assertThat(render(unknownType)).isNotEmpty();
    String badFeel = """
        {"id": "bad", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "a", "label": "甲", "id": "Field_1", "conditional": {"hide": "=a = = 1 )"}}]}
        """;
    assertThat(render(badFeel)).isNotEmpty();
    String good = """
        {"id": "good", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "a", "label": "甲", "id": "Field_1", "conditional": {"hide": "=a = \\"x\\""}}]}
        """;
    assertThat(render(good)).isEmpty();
  }

  /** Renders one schema with empty data (as for a start form) and returns what the viewer reported. */
  @SuppressWarnings("unchecked")
  private static List<String> render(String schema) {
    Object result = js().executeAsyncScript("window.renderForm(arguments[0], arguments[1]);", schema);
    return new ArrayList<>((List<String>) result);
  }

  private static List<String> problems() {
    @SuppressWarnings("unchecked")
    List<String> p = (List<String>) js().executeScript("return window.takeProblems();");
    return p;
  }

  private static JavascriptExecutor js() {
    return browser;
  }

  private static void screenshot(String name) {
    try {
      Files.write(DIR.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(String resource, String name) throws IOException {
    try (InputStream in = FormsRenderInBrowserTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath (camunda-webapp-webjar)").isNotNull();
      Files.write(DIR.resolve(name), in.readAllBytes());
    }
  }

  /** The webpack module id from which Tasklist's camunda-form directive takes {@code Form}. */
  private static String formJsModuleId() throws IOException {
    String bootstrap;
    try (InputStream in = FormsRenderInBrowserTest.class.getClassLoader()
        .getResourceAsStream(WEBJAR + "app/tasklist/camunda-tasklist-bootstrap.js")) {
      assertThat(in).isNotNull();
      bootstrap = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m = Pattern.compile("\\w\\((\\d+)\\)\\.Form[,;]").matcher(bootstrap);
    assertThat(m.find()).as("Tasklist's bootstrap takes Form from a deps.js module").isTrue();
    String id = m.group(1);
    assertThat(m.find()).as("only one place in Tasklist takes Form").isFalse();
    return id;
  }

  private static String page(String moduleId) {
    return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>forms</title>
        <link rel="stylesheet" href="tasklist.css">
        <script>
          window.problems = [];
          window.takeProblems = function () { var p = window.problems; window.problems = []; return p; };
          ['error', 'warn'].forEach(function (level) {
            var original = console[level];
            console[level] = function () {
              window.problems.push('console.' + level + ': ' + Array.prototype.map.call(arguments, function (a) {
                return a && a.message ? a.message : String(a);
              }).join(' '));
              original.apply(console, arguments);
            };
          });
          window.addEventListener('error', function (e) { window.problems.push('uncaught: ' + e.message); });
          window.addEventListener('unhandledrejection', function (e) {
            window.problems.push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason));
          });
        </script>
        <script src="runtime.js"></script>
        <script src="deps.js"></script>
        <script>
          (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || [])
            .push([['doudi-form-check'], {}, function (require) { window.FormJs = require(MODULE_ID); }]);
          var current = null;
          window.renderForm = function (text, done) {
            var finish = function () { setTimeout(function () { done(window.takeProblems()); }, 0); };
            if (current) { current.destroy(); current = null; }
            var container = document.getElementById('form');
            container.innerHTML = '';
            var schema;
            try { schema = JSON.parse(text); } catch (e) { window.problems.push('not JSON: ' + e.message); return finish(); }
            var form = new window.FormJs.Form({ container: container });
            current = form;
            form.on('error', function (e) { window.problems.push('form-js error event: ' + (e && e.error || e)); });
            form.importSchema(schema, {}).then(function (result) {
              (result.warnings || []).forEach(function (w) {
                window.problems.push('import warning: ' + (w && w.message || w));
              });
              var expected = 0;
              (function count(components) {
                (components || []).forEach(function (c) {
                  if (c.key && !c.conditional && c.type !== 'expression') { expected++; }
                  count(c.components);
                });
              })(schema.components);
              var rendered = container.querySelectorAll('.fjs-form-field input, .fjs-form-field textarea, '
                + '.fjs-form-field select, .fjs-form-field .fjs-input-group, .fjs-form-field .fjs-select-display')
                .length;
              if (container.querySelectorAll('.fjs-form').length !== 1) {
                window.problems.push('no form rendered');
              } else if (rendered === 0 && expected > 0) {
                window.problems.push('none of ' + expected + ' fields rendered');
              }
              try { form.submit(); } catch (e) { window.problems.push('submit: ' + e.message); }
              finish();
            }).catch(function (e) {
              window.problems.push('importSchema: ' + (e && e.message || e)
                + (e && e.warnings ? ' ' + e.warnings.map(function (w) { return w.message; }).join('; ') : ''));
              finish();
            });
          };
        </script>
        </head><body><div class="container"><div id="form" style="padding: 20px; max-width: 900px"></div></div></body></html>
        """.replace("MODULE_ID", moduleId);
  }
}
