package org.doudi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/operations.md against the code and the shipped files.
 *
 * <p>The settings table lists every {@code doudi.*} key the application reads: those in
 * application.yaml (every profile), those in a {@code ${doudi.…}} placeholder in src/main ({@code @Value},
 * {@code @Scheduled}, …) and the properties of every {@code @ConfigurationProperties(prefix = "doudi…")} class. A new
 * key without its row fails here, so the table cannot drift from the code. The list of engine internals names every
 * class of src/main that imports one. docker-compose.yml refuses to start without the check platform's URL and never
 * defaults to the simulator; the systemd unit and its environment file example fit together.
 */
class OperationsGuideTest {

  static final Path GUIDE = Path.of("docs/operations.md");

  @Test
  void everyDoudiKeyTheApplicationReadsHasARow() throws Exception {
    Map<String, String> table = table();
    Set<String> read = new TreeSet<>();
    read.addAll(yamlKeys());
    read.addAll(placeholderKeys());
    read.addAll(configurationPropertiesKeys());
    assertThat(read).as("keys found in the code").contains("doudi.check-platform.url", "doudi.payroll.bank.charset",
        "doudi.calendar.end-of-working-day", "doudi.node.name");
    assertThat(table.keySet()).as("rows of the settings table in " + GUIDE).containsAll(read);
    table.forEach((key, defaultValue) -> assertThat(defaultValue).as("default of " + key).isNotBlank());
  }

  /** Rows {@code | `doudi.x` | default | meaning |} of the section "Settings". */
  static Map<String, String> table() throws Exception {
    String guide = Files.readString(GUIDE);
    int start = guide.indexOf("\n## Settings");
    assertThat(start).as("a section \"## Settings\" in " + GUIDE).isPositive();
    int end = guide.indexOf("\n## ", start + 1);
    String section = guide.substring(start, end < 0 ? guide.length() : end);
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\| `(doudi\\.[a-z0-9.-]+)`[^|]*\\| ([^|]*) \\|").matcher(section);
    while (m.find()) {
      assertThat(rows.put(m.group(1), m.group(2).trim())).as("one row for " + m.group(1)).isNull();
    }
    return rows;
  }

  static Set<String> yamlKeys() throws Exception {
    Set<String> out = new TreeSet<>();
    for (Object doc : new Yaml().loadAll(Files.readString(Path.of("src/main/resources/application.yaml")))) {
      if (doc instanceof Map<?, ?> map && map.get("doudi") != null) {
        flatten("doudi", map.get("doudi"), out);
      }
    }
    return out;
  }

  private static void flatten(String prefix, Object value, Set<String> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> flatten(prefix + "." + k, v, out));
    } else {
      out.add(prefix);
    }
  }

  static Set<String> placeholderKeys() throws Exception {
    Set<String> out = new TreeSet<>();
    Pattern placeholder = Pattern.compile("\\$\\{(doudi\\.[a-zA-Z0-9.-]+)");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = placeholder.matcher(Files.readString(f));
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }

  static Set<String> configurationPropertiesKeys() throws Exception {
    var scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(
          org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
        return true; // records and classes alike
      }
    };
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    Set<String> out = new TreeSet<>();
    for (BeanDefinition d : scanner.findCandidateComponents("org.doudi")) {
      Class<?> type = Class.forName(d.getBeanClassName());
      ConfigurationProperties cp = type.getAnnotation(ConfigurationProperties.class);
      String prefix = cp.prefix().isEmpty() ? cp.value() : cp.prefix();
      if (prefix.startsWith("doudi.")) {
        properties(prefix, type, out);
      }
    }
    return out;
  }

  /** Record components, or setters and nested property groups (a getter returning a class declared alongside). */
  private static void properties(String prefix, Class<?> type, Set<String> out) throws Exception {
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        out.add(prefix + "." + kebab(c.getName()));
      }
      return;
    }
    for (var p : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
      Method read = p.getReadMethod();
      if (p.getWriteMethod() != null) {
        out.add(prefix + "." + kebab(p.getName()));
      } else if (read != null && read.getReturnType().getDeclaringClass() != null
          && read.getReturnType().getName().startsWith("org.doudi.")
          && Modifier.isStatic(read.getReturnType().getModifiers())) {
        properties(prefix + "." + kebab(p.getName()), read.getReturnType(), out);
      }
    }
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  @Test
  void theListOfEngineInternalsNamesEveryClassUsingThem() throws Exception {
    String guide = Files.readString(GUIDE);
    int start = guide.indexOf("### Where our code uses engine internals");
    assertThat(start).isPositive();
    String section = guide.substring(start, guide.indexOf("\n## ", start));
    Pattern internal = Pattern.compile("org\\.camunda\\.bpm\\.(engine\\.impl|impl\\.juel|webapp\\.impl)\\.");
    Set<String> missing = new TreeSet<>();
    int users = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (internal.matcher(Files.readString(f)).find()) {
          users++;
          String name = f.getFileName().toString().replace(".java", "");
          if (!Pattern.compile("\\b" + name + "\\b").matcher(section).find()) {
            missing.add(f.toString());
          }
        }
      }
    }
    assertThat(users).isGreaterThan(30);
    assertThat(missing).as("classes using engine internals not named in the guide").isEmpty();
  }

  @Test
  void composeNeedsTheCheckPlatformUrlAndNeverDefaultsToTheSimulator() throws Exception {
    String compose = Files.readString(Path.of("docker-compose.yml"));
    @SuppressWarnings("unchecked")
    Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) new Yaml().<Map<String, Object>>load(compose)
        .get("x-app")).get("environment");
    // compose's ${VAR:?message}: `docker compose up` stops with the message when the variable is unset or empty
    assertThat((String) app.get("DOUDI_CHECK_PLATFORM_URL")).startsWith("${DOUDI_CHECK_PLATFORM_URL:?");
    assertThat((String) app.get("DOUDI_ADMIN_PASSWORD")).startsWith("${DOUDI_ADMIN_PASSWORD:?");
    assertThat(app).doesNotContainKey("DOUDI_CHECK_PLATFORM_MODE");
    assertThat(compose).doesNotContain("simulator}").doesNotContain(":-simulator");
  }

  @Test
  void theServiceUnitReadsTheEnvironmentFileWhoseExampleSetsWhatAStartNeeds() throws Exception {
    String unit = Files.readString(Path.of("ops/doudi.service"));
    assertThat(unit).contains("EnvironmentFile=/etc/doudi/doudi.env", "ExecStart=/usr/bin/java $JAVA_OPTS -jar ",
        "User=doudi", "SuccessExitStatus=143");
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("ops/doudi.env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    assertThat(env).containsKeys("DB_URL", "DB_USER", "DB_PASSWORD", "DOUDI_NODE_NAME", "DOUDI_ADMIN_USER",
        "DOUDI_ADMIN_PASSWORD", "DOUDI_CHECK_PLATFORM_URL", "DOUDI_AUDIT_ID_KEY", "JAVA_OPTS");
    assertThat(env.get("SPRING_PROFILES_ACTIVE")).contains("postgres").doesNotContain("demo");
    assertThat(env.get("JAVA_OPTS")).contains("-Duser.timezone=Asia/Shanghai");
    assertThat(env).doesNotContainKey("DOUDI_CHECK_PLATFORM_MODE");
  }
}
