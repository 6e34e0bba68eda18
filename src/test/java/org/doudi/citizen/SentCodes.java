package org.doudi.citizen;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/** Reads the codes the demo profile's log sender writes (what a demo user reads in the log). */
public final class SentCodes {

  private static final Pattern CODE = Pattern.compile("验证码是(\\d{6})");
  private static ListAppender<ILoggingEvent> appender;

  private SentCodes() {}

  public static synchronized void listen() {
    if (appender == null) {
      appender = new ListAppender<>();
      appender.start();
      ((Logger) LoggerFactory.getLogger("org.doudi.citizen.internal.CodeSenders$LogCodeSender")).addAppender(appender);
    }
  }

  /** The last code sent to this phone (the log shows it masked as 138****0000). */
  public static synchronized String last(String phone) {
    String masked = phone.substring(0, 3) + "****" + phone.substring(7);
    List<ILoggingEvent> events = List.copyOf(appender.list);
    for (int i = events.size() - 1; i >= 0; i--) {
      String m = events.get(i).getFormattedMessage();
      if (m.contains(masked)) {
        Matcher c = CODE.matcher(m);
        if (c.find()) {
          return c.group(1);
        }
      }
    }
    throw new AssertionError("no code sent to " + masked);
  }
}
