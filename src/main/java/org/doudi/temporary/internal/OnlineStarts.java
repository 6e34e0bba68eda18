package org.doudi.temporary.internal;

import java.util.function.Supplier;

/**
 * Marks a 支出型 start made in-process by {@code TemporaryApplications.applyOnline} for a signed-in citizen: 登记申请
 * then records channel ONLINE and asks for no staff jurisdiction. A thread-local, so no start form, REST call or
 * variable can claim it.
 */
public final class OnlineStarts {

  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private OnlineStarts() {}

  public static <T> T run(Supplier<T> start) {
    ACTIVE.set(Boolean.TRUE);
    try {
      return start.get();
    } finally {
      ACTIVE.remove();
    }
  }

  static boolean active() {
    return Boolean.TRUE.equals(ACTIVE.get());
  }
}
