package org.doudi.supervision.petition.internal;

import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.doudi.supervision.petition.PetitionVariables;
import org.springframework.stereotype.Component;

/** The variables of {@code petition} that only its code writes (the engine's variable guard). */
@Component
class PetitionGuardedVariables extends GuardedVariables.ProtectedIn {

  PetitionGuardedVariables() {
    super(Set.of(PetitionVariables.PROCESS_KEY), PetitionVariables.SYSTEM_WRITTEN);
  }
}
