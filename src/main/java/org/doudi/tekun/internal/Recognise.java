package org.doudi.tekun.internal;

import static org.doudi.tekun.TekunRecognitionVariables.DECIDED_BY;
import static org.doudi.tekun.TekunRecognitionVariables.DECIDED_ON;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.tekun.TekunRecognitions;

/**
 * 认定并纳入按月供养: {@link TekunRecognitions#confirm} in the job's transaction, with who decided and when from the
 * confirmation form's check. Idempotent: a retried job finds the case confirmed.
 */
@ProcessBean("tekunRecognise")
public class Recognise implements JavaDelegate {

  private final TekunRecognitions recognitions;

  public Recognise(TekunRecognitions recognitions) {
    this.recognitions = recognitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    recognitions.confirm(Cases.caseId(execution), LocalDate.parse(Cases.string(execution, DECIDED_ON)),
        Cases.string(execution, DECIDED_BY));
  }
}
