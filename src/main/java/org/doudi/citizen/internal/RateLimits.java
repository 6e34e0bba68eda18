package org.doudi.citizen.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sliding one-hour windows per key ("sign-in ip 1.2.3.4", "documents phone 138…"), in memory: each node counts its
 * own requests (several nodes multiply the limit; the code limits per phone and ID number are in the database and
 * hold across nodes).
 */
@Component
public class RateLimits {

  private static final long HOUR = 3_600_000L;
  private static final int MAX_KEYS = 100_000;

  private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
  private final Clock clock;

  public RateLimits() {
    this(Clock.systemUTC());
  }

  RateLimits(Clock clock) {
    this.clock = clock;
  }

  /** Counts one request under {@code key}; refuses with 429 once {@code limit} requests fell in the last hour. */
  public void take(String key, int limit, String message) {
    long now = clock.millis();
    if (windows.size() > MAX_KEYS) {
      prune(now);
    }
    Deque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (w) {
      while (!w.isEmpty() && w.peekFirst() <= now - HOUR) {
        w.pollFirst();
      }
      if (w.size() >= limit) {
        throw new CitizenRefusal(HttpStatus.TOO_MANY_REQUESTS, message);
      }
      w.addLast(now);
    }
  }

  private void prune(long now) {
    for (Iterator<Map.Entry<String, Deque<Long>>> it = windows.entrySet().iterator(); it.hasNext(); ) {
      Deque<Long> w = it.next().getValue();
      synchronized (w) {
        if (w.isEmpty() || w.peekLast() <= now - HOUR) {
          it.remove();
        }
      }
    }
  }
}
