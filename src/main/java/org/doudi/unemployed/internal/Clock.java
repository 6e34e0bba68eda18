package org.doudi.unemployed.internal;

import org.doudi.engine.EngineContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The engine clock (which process tests move) in China time, and the user whose command runs. */
final class Clock {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private Clock() {}

  static Instant now() {
    return EngineContext.now();
  }

  static LocalDate today() {
    return EngineContext.today();
  }

  /** The authenticated user of the running engine command, or null (a job). */
  static String currentUser() {
    return EngineContext.currentUser();
  }
}
