package org.doudi.temporary.internal;

import java.util.Set;
import org.doudi.temporary.TemporaryVariables;
import org.doudi.engine.GuardedVariables;
import org.springframework.stereotype.Component;

/** The variables of this module's processes that only its delegates write (the engine's variable guard). */
@Component
class TemporaryGuardedVariables extends GuardedVariables.ProtectedIn {

  TemporaryGuardedVariables() {
    super(Set.of(TemporaryVariables.EMERGENCY_PROCESS, TemporaryVariables.EXPENDITURE_PROCESS,
        TemporaryVariables.HOLIDAY_PROCESS), TemporaryVariables.SYSTEM_WRITTEN);
  }
}
