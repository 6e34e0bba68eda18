package org.doudi.supervision.vagrant.internal;

import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.doudi.supervision.vagrant.VagrantVariables;
import org.springframework.stereotype.Component;

/** The variables of {@code vagrant-assistance} that only its delegates write (the engine's variable guard). */
@Component
class VagrantGuardedVariables extends GuardedVariables.ProtectedIn {

  VagrantGuardedVariables() {
    super(Set.of(VagrantVariables.PROCESS_KEY), VagrantVariables.SYSTEM_WRITTEN);
  }
}
