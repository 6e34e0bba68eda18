package org.doudi.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls without the caller's engine authentication, restoring it afterwards. For work the
 * application does on its own account once our own code has authorised the caller: moving a timer, reading
 * the deployed rules, starting a case in a region the caller was checked for, counting for metrics.
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
