package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The unit and process tests share one Spring context ({@link DoudiTest}). A test class that changes the context's
 * configuration (its own properties, profiles or mocks) makes Spring cache a second application beside it, on the
 * same H2 database: a second engine whose job executor runs the other tests' jobs with its own beans, and which
 * takes over the Camunda web apps' engine (they find it by name, statically) — the web-app logins of every later test
 * then reach the wrong engine. Such a test starts its own application and is an integration test ({@code …IT},
 * {@link PostgresApp}).
 */
class OneTestContextTest {

  static final Pattern OWN_CONTEXT = Pattern.compile(
      "@(DynamicPropertySource|TestPropertySource|SpringBootTest|MockBean|MockitoBean|SpyBean|MockitoSpyBean"
          + "|ActiveProfiles|DirtiesContext|ContextConfiguration|TestConfiguration)\\b");

  @Test
  void noUnitOrProcessTestBuildsAContextOfItsOwn() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      offenders = files.filter(p -> p.toString().endsWith(".java") && !p.toString().endsWith("IT.java"))
          .filter(p -> !p.endsWith(Path.of("org/doudi/platform/DoudiTest.java")))
          .filter(p -> !p.endsWith(Path.of("org/doudi/platform/OneTestContextTest.java")))
          .filter(p -> !p.endsWith(Path.of("org/doudi/platform/TestProcessBeans.java"))) // part of DoudiTest
          .filter(p -> {
            try {
              return OWN_CONTEXT.matcher(Files.readString(p, StandardCharsets.UTF_8)).find();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          })
          .map(Path::toString).sorted().toList();
    }
    assertThat(offenders).as("tests with a Spring context of their own (make them …IT with PostgresApp)").isEmpty();
  }
}
