package org.doudi.review.internal;

import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.doudi.review.ReviewVariables;
import org.springframework.stereotype.Component;

/** The variables of dibao-review that only this module's delegates write (the engine's variable guard). */
@Component
class ReviewGuardedVariables extends GuardedVariables.ProtectedIn {

  ReviewGuardedVariables() {
    super(Set.of(ReviewVariables.PROCESS_KEY), ReviewVariables.SYSTEM_WRITTEN);
  }
}
