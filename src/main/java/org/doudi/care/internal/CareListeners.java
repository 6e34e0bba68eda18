package org.doudi.care.internal;

import org.doudi.care.CareArrangements;
import org.doudi.tekun.TekunCareLevelChanged;
import org.doudi.tekun.TekunRecognised;
import org.doudi.tekun.TekunSupportEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows module tekun's events synchronously, in the publisher's transaction: the care arrangement exists exactly
 * when the recognition committed, and ends with the support (a failure rolls both back, so neither is lost). The
 * processes started here begin with an asynchronous step, so the publisher's transaction only writes rows and jobs.
 */
@Component
class CareListeners {

  private final CareArrangements arrangements;

  CareListeners(CareArrangements arrangements) {
    this.arrangements = arrangements;
  }

  @EventListener
  void on(TekunRecognised e) {
    arrangements.recognised(e);
  }

  @EventListener
  void on(TekunCareLevelChanged e) {
    arrangements.careLevelChanged(e);
  }

  @EventListener
  void on(TekunSupportEnded e) {
    arrangements.supportEnded(e);
  }
}
