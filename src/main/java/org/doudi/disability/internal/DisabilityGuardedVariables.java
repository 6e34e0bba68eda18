package org.doudi.disability.internal;

import java.util.Set;
import org.doudi.disability.DisabilityVariables;
import org.doudi.engine.GuardedVariables;
import org.springframework.stereotype.Component;

/** The variables of {@code disability-subsidy} that only its delegates write (the engine's variable guard). */
@Component
class DisabilityGuardedVariables extends GuardedVariables.ProtectedIn {

  DisabilityGuardedVariables() {
    super(Set.of(DisabilityVariables.PROCESS_KEY), DisabilityVariables.SYSTEM_WRITTEN);
  }
}
