package org.doudi.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time and the user as the engine sees them. Time comes from the engine clock, which process tests move, so
 * that records written by delegates and services agree with the timers; dates are China dates.
 */
public final class EngineContext {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private EngineContext() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return now().atZone(CHINA).toLocalDate();
  }

  /** The user whose engine command runs this code, or null (a job, or no command). */
  public static String currentUser() {
    var ctx = Context.getCommandContext();
    if (ctx != null && ctx.getAuthenticatedUserId() != null) {
      return ctx.getAuthenticatedUserId();
    }
    Authentication a = ctx == null ? null
        : ctx.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
    return a == null ? null : a.getUserId();
  }
}
