package org.doudi.review.internal;

import org.doudi.engine.EngineContext;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRecorded;
import org.doudi.payroll.AwardRow;
import org.doudi.review.Reviews;
import org.doudi.review.persistence.ReviewRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the review schedule with the awards, in the award change's transaction: a 低保 GRANT gets its class and first
 * review date; a TRANSFER moves the schedule to the new county and township (whose staff review from then on); a STOP
 * ends the schedule. Other changes keep the schedule (the class is decided again after each review).
 */
@Component
class AwardFollower {

  private final Reviews reviews;
  private final ReviewRepository repository;

  AwardFollower(Reviews reviews, ReviewRepository repository) {
    this.reviews = reviews;
    this.repository = repository;
  }

  @EventListener
  void on(AwardRecorded event) {
    AwardRow row = event.row();
    if (row.scheme() != Scheme.DIBAO) {
      return;
    }
    switch (row.changeKind()) {
      case GRANT -> reviews.enrol(row);
      case TRANSFER -> repository.move(row.beneficiaryKey(), row.scheme().name(), row.countyCode(), row.regionCode(),
          EngineContext.now());
      case STOP -> repository.deactivate(row.beneficiaryKey(), row.scheme().name(), EngineContext.now());
      default -> { }
    }
  }
}
