package org.doudi.care.internal;

import java.util.Set;
import org.doudi.care.CareVariables;
import org.doudi.engine.GuardedVariables;
import org.springframework.stereotype.Component;

/** The variables of the care processes that only the module's code writes (the engine's variable guard). */
@Component
class CareGuardedVariables extends GuardedVariables.ProtectedIn {

  CareGuardedVariables() {
    super(Set.of(CareVariables.PLACEMENT_PROCESS, CareVariables.AGREEMENT_PROCESS), CareVariables.SYSTEM_WRITTEN);
  }
}
