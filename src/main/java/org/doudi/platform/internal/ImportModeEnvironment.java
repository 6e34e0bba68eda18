package org.doudi.platform.internal;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A command-line import ({@link ImportRunner}) runs beside the service, on the same database: it takes a random free
 * port instead of the service's and leaves the jobs to the service. Registered in META-INF/spring.factories; these
 * settings come right after the command line's own (so {@code --server.port=…} on the command line still wins, the
 * service's environment and configuration files do not).
 */
public class ImportModeEnvironment implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    var commandLine = environment.getPropertySources().get("commandLineArgs");
    if (commandLine instanceof org.springframework.core.env.EnumerablePropertySource<?> args
        && Arrays.stream(args.getPropertyNames()).anyMatch(n -> n.startsWith(ImportRunner.PREFIX))) {
      environment.getPropertySources().addAfter("commandLineArgs", new MapPropertySource("doudiImportMode", Map.of(
          "server.port", "0",
          "camunda.bpm.job-execution.enabled", "false")));
    }
  }
}
