package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Modeler's element templates ({@code .camunda/element-templates/*.json}) name only what exists: every bean in a
 * template's expressions is a {@code @ProcessBean}, every method it calls is public with that many arguments, and
 * a {@code camunda:delegateExpression} names a {@link JavaDelegate}. A template that binds a
 * {@code camunda:inputParameter} binds it for its {@link ParameterisedDelegate}: that parameter's name, and exactly
 * the values the delegate accepts as the choices.
 */
@DoudiTest
class ElementTemplatesTest {

  private static final Pattern CALL = Pattern.compile("\\$\\{(\\w+)(?:\\.(\\w+)\\(([^)]*)\\))?}");

  @Autowired ProcessBeans beans;

  @Test
  void everyTemplateNamesAnExistingProcessBeanAndMethod() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int expressions = 0;
    for (Path file : templateFiles()) {
      for (JsonNode template : new ObjectMapper().readTree(file.toFile())) {
        String id = template.path("id").asText();
        assertThat(ids.add(id)).as("template id %s is used twice", id).isTrue();
        assertThat(template.path("appliesTo").size()).as("%s applies to nothing", id).isPositive();
        checkInputParameters(id, template, problems);
        for (JsonNode property : template.path("properties")) {
          String binding = property.path("binding").path("name").asText();
          List<String> values = new ArrayList<>();
          values.add(property.path("value").asText(""));
          property.path("choices").forEach(c -> values.add(c.path("value").asText("")));
          for (String value : values) {
            Matcher m = CALL.matcher(value);
            while (m.find()) {
              expressions++;
              check(id, binding, m, problems);
            }
          }
        }
      }
    }
    assertThat(expressions).isGreaterThan(5);
    assertThat(problems).isEmpty();
  }

  private void check(String template, String binding, Matcher m, List<String> problems) {
    String bean = m.group(1);
    Class<?> type = beans.typeOf(bean);
    if (type == null) {
      problems.add(template + ": " + bean + " is not a @ProcessBean");
      return;
    }
    if ("camunda:delegateExpression".equals(binding) && !JavaDelegate.class.isAssignableFrom(type)) {
      problems.add(template + ": " + bean + " is not a JavaDelegate");
    }
    if (m.group(2) != null) {
      String args = m.group(3).trim();
      int arity = args.isEmpty() ? 0 : args.split(",").length;
      boolean found = Arrays.stream(type.getMethods()).map(Method.class::cast)
          .anyMatch(x -> x.getName().equals(m.group(2)) && x.getParameterCount() == arity
              && Modifier.isPublic(x.getModifiers()));
      if (!found) {
        problems.add(template + ": " + bean + " has no public method " + m.group(2) + " with " + arity + " arguments");
      }
    }
  }

  /** The input parameters a template binds are those of its delegate, with the delegate's values as the choices. */
  private void checkInputParameters(String id, JsonNode template, List<String> problems) {
    String delegate = null;
    List<JsonNode> parameters = new ArrayList<>();
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      if ("camunda:delegateExpression".equals(binding.path("name").asText())) {
        Matcher m = CALL.matcher(property.path("value").asText(""));
        delegate = m.matches() && m.group(2) == null ? m.group(1) : null;
      }
      if ("camunda:inputParameter".equals(binding.path("type").asText())) {
        parameters.add(property);
      }
    }
    Object bean = delegate == null ? null : beans.get(delegate);
    if (bean instanceof ParameterisedDelegate pd && parameters.isEmpty()) {
      problems.add(id + ": " + delegate + " needs its input parameter " + pd.parameter().name());
    }
    for (JsonNode property : parameters) {
      String name = property.path("binding").path("name").asText();
      if (!(bean instanceof ParameterisedDelegate pd)) {
        problems.add(id + ": input parameter " + name + " but no ParameterisedDelegate to read it");
        continue;
      }
      TaskParameter expected = pd.parameter();
      if (!expected.name().equals(name)) {
        problems.add(id + ": " + delegate + " reads " + expected.name() + ", not " + name);
        continue;
      }
      List<String> offered = new ArrayList<>();
      property.path("choices").forEach(c -> offered.add(c.path("value").asText("")));
      if (!"Dropdown".equals(property.path("type").asText()) || !new HashSet<>(offered).equals(
          new HashSet<>(expected.values())) || offered.size() != expected.values().size()) {
        problems.add(id + ": " + name + " must be a Dropdown of " + expected.values() + ", not " + offered);
      }
      if (!expected.values().contains(property.path("value").asText(""))) {
        problems.add(id + ": the default of " + name + " is not one of " + expected.values());
      }
    }
  }

  @Test
  void aWrongInputParameterIsFound() throws IOException {
    String json = """
        {"id": "probe", "properties": [
          {"type": "Hidden", "value": "${%s}", "binding": {"type": "property", "name": "camunda:delegateExpression"}},
          {"type": "Dropdown", "value": "NO", "choices": [{"name": "否", "value": "NO"}],
           "binding": {"type": "camunda:inputParameter", "name": "%s"}}]}""";
    String parameterised = beans.names().stream().filter(n -> beans.get(n) instanceof ParameterisedDelegate)
        .sorted().findFirst().orElseThrow();
    String plain = beans.names().stream().filter(n -> beans.get(n) instanceof JavaDelegate
        && !(beans.get(n) instanceof ParameterisedDelegate)).sorted().findFirst().orElseThrow();
    String parameter = ((ParameterisedDelegate) beans.get(parameterised)).parameter().name();
    List<String> problems = new ArrayList<>();
    checkInputParameters("values", new ObjectMapper().readTree(json.formatted(parameterised, parameter)), problems);
    checkInputParameters("name", new ObjectMapper().readTree(json.formatted(parameterised, "noSuchName")), problems);
    checkInputParameters("plain", new ObjectMapper().readTree(json.formatted(plain, parameter)), problems);
    assertThat(problems).hasSize(4);
    assertThat(problems.get(0)).startsWith("values: " + parameter + " must be a Dropdown of");
    assertThat(problems.get(1)).startsWith("values: the default of " + parameter);
    assertThat(problems.get(2)).isEqualTo("name: " + parameterised + " reads " + parameter + ", not noSuchName");
    assertThat(problems.get(3)).isEqualTo("plain: input parameter " + parameter
        + " but no ParameterisedDelegate to read it");
  }

  @Test
  void aMissingBeanIsFound() {
    List<String> problems = new ArrayList<>();
    Matcher m = CALL.matcher("${noSuchBean.close(execution)}");
    assertThat(m.find()).isTrue();
    check("probe", "camunda:expression", m, problems);
    Matcher wrongArity = CALL.matcher("${caseClock.suspend(execution, 'X')}");
    assertThat(wrongArity.find()).isTrue();
    check("probe", "camunda:expression", wrongArity, problems);
    assertThat(problems).containsExactly("probe: noSuchBean is not a @ProcessBean",
        "probe: caseClock has no public method suspend with 2 arguments");
  }

  private static List<Path> templateFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(".camunda/element-templates"))) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(list).isNotEmpty();
      return list;
    }
  }
}
