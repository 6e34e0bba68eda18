package org.doudi.supervision.vagrant.web;

import org.doudi.household.ApplicationRequestProblems;
import org.springframework.stereotype.Component;

/**
 * The problem answers of {@link VagrantController}'s endpoints, for the application's one advice
 * (platform.internal.ProblemAdvice). They cover that controller only, as when they were its own
 * {@code @ExceptionHandler} methods.
 */
@Component
class VagrantProblems extends ApplicationRequestProblems {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && VagrantController.class.isAssignableFrom(controller);
  }
}
