package org.doudi.dibao.internal;

import java.util.Set;
import org.doudi.dibao.DibaoVariables;
import org.doudi.engine.GuardedVariables;
import org.springframework.stereotype.Component;

/** The variables of this module's processes that only its delegates write (the engine's variable guard). */
@Component
class DibaoGuardedVariables implements GuardedVariables {

  @Override
  public Set<String> protectedNames() {
    return DibaoVariables.SYSTEM_WRITTEN;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(DibaoVariables.PROCESS_KEY);
  }
}
