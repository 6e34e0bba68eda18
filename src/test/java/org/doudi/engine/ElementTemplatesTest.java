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
 * a {@code camunda:delegateExpression} names a {@link JavaDelegate}.
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

  /**
   * A {@code camunda:inputParameter} property feeds the template's delegate ({@link ParameterisedDelegate}): the
   * delegate reads a parameter of that name, and the dropdown offers exactly the values it accepts.
   */
  @Test
  void everyTemplateInputParameterIsOneItsDelegateReads() throws IOException {
    List<String> problems = new ArrayList<>();
    int parameters = 0;
    for (Path file : templateFiles()) {
      for (JsonNode template : new ObjectMapper().readTree(file.toFile())) {
        String id = template.path("id").asText();
        String delegate = null;
        for (JsonNode property : template.path("properties")) {
          if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
            delegate = property.path("value").asText().replaceAll("^\\$\\{(\\w+)}$", "$1");
          }
        }
        for (JsonNode property : template.path("properties")) {
          if (!"camunda:inputParameter".equals(property.path("binding").path("type").asText())) {
            continue;
          }
          parameters++;
          problems.addAll(inputProblems(id, delegate, property));
        }
      }
    }
    assertThat(parameters).isPositive();
    assertThat(problems).isEmpty();
  }

  private List<String> inputProblems(String template, String delegate, JsonNode property) {
    String name = property.path("binding").path("name").asText();
    Object bean = delegate == null ? null : beans.get(delegate);
    if (!(bean instanceof ParameterisedDelegate parameterised)) {
      return List.of(template + ": input parameter " + name + " but the delegate " + delegate
          + " reads no input parameters");
    }
    TaskParameter input = parameterised.parameter();
    if (!input.name().equals(name)) {
      return List.of(template + ": " + delegate + " reads no input parameter " + name);
    }
    Set<String> offered = new HashSet<>();
    property.path("choices").forEach(c -> offered.add(c.path("value").asText()));
    if (!property.path("choices").isEmpty() && !offered.equals(Set.copyOf(input.values()))) {
      return List.of(template + ": " + name + " offers " + offered + ", " + delegate + " accepts " + input.values());
    }
    if (!input.values().contains(property.path("value").asText())) {
      return List.of(template + ": " + name + " defaults to an unaccepted value " + property.path("value").asText());
    }
    return List.of();
  }

  @Test
  void anInputParameterTheDelegateDoesNotReadIsFound() throws IOException {
    JsonNode property = new ObjectMapper().readTree("""
        {"value": "LATE", "choices": [{"value": "LATE"}],
         "binding": {"type": "camunda:inputParameter", "name": "limit"}}""");
    assertThat(inputProblems("probe", "dibaoRecordMissedLimit", property)).singleElement().asString()
        .startsWith("probe: limit offers [LATE], dibaoRecordMissedLimit accepts");
    assertThat(inputProblems("probe", "dibaoCheckInformation", property))
        .containsExactly("probe: input parameter limit but the delegate dibaoCheckInformation reads no input parameters");
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
