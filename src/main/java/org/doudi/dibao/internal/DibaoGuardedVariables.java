package org.doudi.dibao.internal;

import java.util.Set;
import org.doudi.dibao.DibaoVariables;
import org.doudi.engine.GuardedVariables;
import org.springframework.stereotype.Component;

/** The variables of this module's processes that only its delegates write (the engine's variable guard). */
@Component
class DibaoGuardedVariables extends GuardedVariables.ProtectedIn {

  DibaoGuardedVariables() {
    super(Set.of(DibaoVariables.PROCESS_KEY), DibaoVariables.SYSTEM_WRITTEN);
  }
}
