package org.doudi.child.internal;

import java.util.Set;
import org.doudi.child.ChildVariables;
import org.doudi.engine.GuardedVariables;
import org.springframework.stereotype.Component;

/** The variables of the child processes that only their delegates write (the engine's variable guard). */
@Component
class ChildGuardedVariables extends GuardedVariables.ProtectedIn {

  ChildGuardedVariables() {
    super(Set.of(ChildVariables.PROCESS_KEY, ChildVariables.REVIEW_PROCESS_KEY), ChildVariables.SYSTEM_WRITTEN);
  }
}
