package org.doudi.care.internal;

import static org.doudi.care.CareVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.care.CareArrangements;
import org.doudi.engine.ProcessBean;

/**
 * 申请安置床位 in {@code care-placement}: a free bed of the type needed in the county's institutions, then in the
 * city's, or the waiting list. Idempotent: a retried job finds the request already placed or waiting.
 */
@ProcessBean("careRequestBed")
public class RequestBed implements JavaDelegate {

  private final CareArrangements arrangements;

  public RequestBed(CareArrangements arrangements) {
    this.arrangements = arrangements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Cases.id(execution, REQUEST_ID);
    arrangements.requestBed(id).ifPresentOrElse(p -> execution.setVariables(arrangements.placementVariables(p)),
        () -> execution.setVariable(PLACED, false));
  }
}
