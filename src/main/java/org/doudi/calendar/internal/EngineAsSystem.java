package org.doudi.calendar.internal;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls of the calendar (moving a timer, a task's due date) without the caller's engine
 * authentication: the caller was already authorised by our own endpoint (or is the calendar itself), and
 * a caseworker has no engine permission on job definitions.
 */
@Component
public class EngineAsSystem {

  private final IdentityService identityService;

  public EngineAsSystem(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      return work.get();
    }
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      identityService.setAuthentication(caller);
    }
  }
}
