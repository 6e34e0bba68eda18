package org.doudi.audit.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.doudi.audit.AuditSettings;
import org.doudi.engine.EngineContext;
import org.springframework.stereotype.Component;

/**
 * Logins. The API is stateless HTTP Basic, so every call checks the password: a user's first successful check in
 * the login window (per node) counts as a login; a web-app login always; every failure always.
 */
@Component
public class Logins {

  private static final ThreadLocal<String> WEB_APP = new ThreadLocal<>();
  private static final int MAX_TRACKED = 100_000;

  private final AuditStore store;
  private final AuditSettings settings;
  private final Map<String, Instant> lastLogin = new ConcurrentHashMap<>();

  public Logins(AuditStore store, AuditSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  /** Marks the current request as a web-app login (its path names the web app); null clears the mark. */
  static void webAppLogin(String app) {
    if (app == null) {
      WEB_APP.remove();
    } else {
      WEB_APP.set(app);
    }
  }

  void passwordChecked(String userId, boolean success) {
    String app = WEB_APP.get();
    String way = app != null ? "web-login " + app : "http-basic";
    String user = userId == null ? "" : userId;
    if (!success) {
      store.insert(new AuditRecord(AuditKind.LOGIN_FAILED, way, user, null, null, null, user, null, null, null));
      return;
    }
    Instant now = EngineContext.now();
    if (app == null) {
      Instant last = lastLogin.get(user);
      if (last != null && last.plus(settings.loginWindow()).isAfter(now) && !now.isBefore(last)) {
        return;
      }
      if (lastLogin.size() > MAX_TRACKED) {
        lastLogin.clear();
      }
    }
    lastLogin.put(user, now);
    store.insert(new AuditRecord(AuditKind.LOGIN, way, user, null, null, null, user, null, null, null));
  }
}
