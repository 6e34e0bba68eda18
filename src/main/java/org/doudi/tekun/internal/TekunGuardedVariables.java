package org.doudi.tekun.internal;

import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.doudi.tekun.TekunRecognitionVariables;
import org.springframework.stereotype.Component;

/** The variables of {@code tekun-recognition} that only its delegates write (the engine's variable guard). */
@Component
class TekunGuardedVariables extends GuardedVariables.ProtectedIn {

  TekunGuardedVariables() {
    super(Set.of(TekunRecognitionVariables.PROCESS_KEY), TekunRecognitionVariables.SYSTEM_WRITTEN);
  }
}
