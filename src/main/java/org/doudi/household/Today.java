package org.doudi.household;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Today's date in China, from the engine clock (which process tests move). */
final class Today {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Today() {}

  static LocalDate get() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }
}
