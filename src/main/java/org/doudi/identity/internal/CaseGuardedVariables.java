package org.doudi.identity.internal;

import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.doudi.identity.CaseVariables;
import org.springframework.stereotype.Component;

/** The case's region decides who sees and works it, in every process: only the application sets it. */
@Component
class CaseGuardedVariables extends GuardedVariables.ProtectedIn {

  CaseGuardedVariables() {
    super(Set.of(), Set.of(CaseVariables.REGION_CODE));
  }
}
