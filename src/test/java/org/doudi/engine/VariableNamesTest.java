package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Process variable names live in one typed place per module (its {@code …Variables} class): production code reads
 * and writes variables through those constants, never through a string literal, so a rename cannot miss a reader.
 * Plain JUnit, a source scan.
 */
class VariableNamesTest {

  static final Pattern LITERAL = Pattern.compile("(?:get|set|remove)Variable(?:Local|Typed)?\\(\\s*\"([^\"]*)\"");

  static List<String> literals(String source) {
    List<String> found = new ArrayList<>();
    Matcher m = LITERAL.matcher(source);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void noVariableIsNamedByAStringLiteralOutsideTheVariablesClasses() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
      files = walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().endsWith("Variables.java")).toList();
    }
    assertThat(files).hasSizeGreaterThan(300);
    for (Path f : files) {
      literals(Files.readString(f)).forEach(name -> problems.add(f + ": \"" + name + "\""));
    }
    assertThat(problems).as("variable names as string literals (use the module's …Variables constant)").isEmpty();
  }

  @Test
  void theScanFindsALiteral() {
    assertThat(literals("execution.setVariable(\"moreDue\", true); execution.getVariable(MORE_DUE);"))
        .containsExactly("moreDue");
    assertThat(literals("task.getVariableLocal( \"limit\")")).containsExactly("limit");
  }
}
