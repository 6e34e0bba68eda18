package org.doudi.unemployed.internal;

import java.util.Set;
import org.doudi.unemployed.UnemployedVariables;
import org.doudi.engine.GuardedVariables;
import org.springframework.stereotype.Component;

/** The variables of this module's processes that only its delegates write (the engine's variable guard). */
@Component
class UnemployedGuardedVariables extends GuardedVariables.ProtectedIn {

  UnemployedGuardedVariables() {
    super(Set.of(UnemployedVariables.PROCESS_KEY), UnemployedVariables.SYSTEM_WRITTEN);
  }
}
