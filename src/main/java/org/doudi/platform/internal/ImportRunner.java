package org.doudi.platform.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.doudi.platform.Importer;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line import mode ({@link Importer}): when any {@code --doudi.import.*} switch is given, imports, prints
 * and ends the application with status 0 (all accepted) or 1 (any refused, unknown switch, unreadable file).
 * Without such a switch it does nothing. {@link ImportModeEnvironment} keeps such a run off the service's port and
 * job executor.
 */
@Component
class ImportRunner implements ApplicationRunner {

  static final String PREFIX = "doudi.import.";

  private final Map<String, Importer> importers;
  private final ConfigurableApplicationContext context;

  ImportRunner(List<Importer> importers, ConfigurableApplicationContext context) {
    this.importers = importers.stream().collect(Collectors.toMap(Importer::name, Function.identity()));
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    Integer status = runImports(args, System.out);
    if (status != null) {
      int code = SpringApplication.exit(context, () -> status);
      System.exit(code);
    }
  }

  /** The exit status, or null when no import switch was given (the application then runs as usual). */
  Integer runImports(ApplicationArguments args, PrintStream out) {
    Map<String, String> files = new TreeMap<>();
    for (String option : args.getOptionNames()) {
      if (option.startsWith(PREFIX)) {
        List<String> values = args.getOptionValues(option);
        files.put(option.substring(PREFIX.length()), values == null || values.isEmpty() ? "" : values.get(0));
      }
    }
    if (files.isEmpty()) {
      return null;
    }
    boolean ok = true;
    String by = "命令行:" + System.getProperty("user.name", "?");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Importer importer = importers.get(f.getKey());
      if (importer == null) {
        out.println("未知的导入开关 --" + PREFIX + f.getKey() + "；可用的有："
            + importers.keySet().stream().sorted().map(n -> "--" + PREFIX + n).collect(Collectors.joining("、")));
        ok = false;
        continue;
      }
      Path file = Path.of(f.getValue());
      if (f.getValue().isBlank() || !Files.isRegularFile(file) || !Files.isReadable(file)) {
        out.println("--" + PREFIX + f.getKey() + "：文件“" + f.getValue() + "”不存在或不可读");
        ok = false;
        continue;
      }
      Importer.Outcome outcome = importer.importFile(file, by);
      out.println("--" + PREFIX + f.getKey() + "=" + f.getValue() + (outcome.accepted() ? "：已导入" : "：未导入"));
      outcome.lines().forEach(out::println);
      ok &= outcome.accepted();
    }
    out.flush();
    return ok ? 0 : 1;
  }
}
