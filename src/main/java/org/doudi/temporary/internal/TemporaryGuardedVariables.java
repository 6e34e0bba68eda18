package org.doudi.temporary.internal;

import java.util.Set;
import org.doudi.temporary.TemporaryVariables;
import org.doudi.engine.GuardedVariables;
import org.springframework.stereotype.Component;

/** The variables of this module's processes that only its delegates write (the engine's variable guard). */
@Component
class TemporaryGuardedVariables implements GuardedVariables {

  @Override
  public Set<String> protectedNames() {
    return TemporaryVariables.SYSTEM_WRITTEN;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(TemporaryVariables.EMERGENCY_PROCESS, TemporaryVariables.EXPENDITURE_PROCESS,
        TemporaryVariables.HOLIDAY_PROCESS);
  }
}
