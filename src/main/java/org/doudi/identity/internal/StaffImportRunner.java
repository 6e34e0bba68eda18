package org.doudi.identity.internal;

import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar doudi.jar --doudi.import.staff=staff.csv}: imports, prints, and ends the process with 0 (created)
 * or 1 (refused, nothing created). Exists only with that switch.
 */
@Component
@ConditionalOnProperty("doudi.import.staff")
class StaffImportRunner implements ApplicationRunner {

  private final StaffImportCommand command;
  private final ConfigurableApplicationContext context;
  private final String file;

  StaffImportRunner(StaffImportCommand command, ConfigurableApplicationContext context,
      @org.springframework.beans.factory.annotation.Value("${doudi.import.staff}") String file) {
    this.command = command;
    this.context = context;
    this.file = file;
  }

  @Override
  public void run(ApplicationArguments args) {
    int code = command.run(Path.of(file), System.out);
    System.exit(SpringApplication.exit(context, () -> code));
  }
}
