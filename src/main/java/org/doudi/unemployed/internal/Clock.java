package org.doudi.unemployed.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine clock (which process tests move) in China time, and the user whose command runs. */
final class Clock {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private Clock() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static LocalDate today() {
    return now().atZone(CHINA).toLocalDate();
  }

  /** The authenticated user of the running engine command, or null (a job). */
  static String currentUser() {
    var ctx = Context.getCommandContext();
    if (ctx != null && ctx.getAuthenticatedUserId() != null) {
      return ctx.getAuthenticatedUserId();
    }
    Authentication a = ctx == null ? null
        : ctx.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
    return a == null ? null : a.getUserId();
  }
}
