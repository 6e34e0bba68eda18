package org.doudi.watch.internal;

import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.doudi.watch.WatchVariables;
import org.springframework.stereotype.Component;

/** The variables of watch-alert and of this module's part of hardship-report that only its code writes. */
@Component
class WatchGuardedVariables extends GuardedVariables.ProtectedIn {

  WatchGuardedVariables() {
    super(Set.of(WatchVariables.ALERT_PROCESS, WatchVariables.HARDSHIP_PROCESS), WatchVariables.SYSTEM_WRITTEN);
  }
}
