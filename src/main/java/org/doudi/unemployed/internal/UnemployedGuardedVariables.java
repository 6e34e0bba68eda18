package org.doudi.unemployed.internal;

import java.util.Set;
import org.doudi.unemployed.UnemployedVariables;
import org.doudi.engine.GuardedVariables;
import org.springframework.stereotype.Component;

/** The variables of this module's processes that only its delegates write (the engine's variable guard). */
@Component
class UnemployedGuardedVariables implements GuardedVariables {

  @Override
  public Set<String> protectedNames() {
    return UnemployedVariables.SYSTEM_WRITTEN;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(UnemployedVariables.PROCESS_KEY);
  }
}
