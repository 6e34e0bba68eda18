package org.doudi.tekun.internal;

import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.doudi.tekun.TekunChangeVariables;
import org.springframework.stereotype.Component;

/** The variables of the change and termination processes that only their delegates write (the variable guard). */
@Component
class TekunLifeGuardedVariables extends GuardedVariables.ProtectedIn {

  TekunLifeGuardedVariables() {
    super(Set.of(TekunChangeVariables.REASSESSMENT_PROCESS, TekunChangeVariables.TERMINATION_PROCESS,
        TekunChangeVariables.AGE_REVIEW_PROCESS, TekunChangeVariables.FUNERAL_PROCESS),
        TekunChangeVariables.SYSTEM_WRITTEN);
  }
}
