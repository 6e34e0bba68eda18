package org.doudi.supervision.escalation.internal;

import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.doudi.supervision.escalation.EscalationVariables;
import org.springframework.stereotype.Component;

/** What the sweep writes into a 督办 (the late case, the limit, the holder): no completion may change it. */
@Component
class EscalationGuardedVariables extends GuardedVariables.ProtectedIn {

  EscalationGuardedVariables() {
    super(Set.of(EscalationVariables.ESCALATION_PROCESS, EscalationVariables.SWEEP_PROCESS),
        EscalationVariables.SYSTEM_WRITTEN);
  }
}
