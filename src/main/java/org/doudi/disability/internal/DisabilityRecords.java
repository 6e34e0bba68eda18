package org.doudi.disability.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.disability.DisabilityVariables;
import org.doudi.disability.persistence.DisabilityRepository;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;

/**
 * The written ends of a case without a subsidy, called by the delegate {@link DisabilityDelegates.CloseApplication}
 * and, in versions of the model deployed before it, by expression ({@code ${disabilityRecords.close(execution,
 * 'INELIGIBLE')}}; also REJECTED, DECLINED). Each writes the notice with its reasons and closes the application
 * (its open slot freed); a repeat writes nothing twice.
 */
@ProcessBean("disabilityRecords")
public class DisabilityRecords {

  private final DisabilityRepository repository;

  public DisabilityRecords(DisabilityRepository repository) {
    this.repository = repository;
  }

  public void close(DelegateExecution execution, String status) {
    long id = Cases.applicationId(execution);
    String kind = switch (status) {
      case "INELIGIBLE" -> "INELIGIBLE_NOTICE";
      case "REJECTED" -> "REJECTION_NOTICE";
      case "DECLINED" -> "DECLINED";
      default -> throw new IllegalArgumentException("unknown closing status " + status);
    };
    if (!repository.hasRecord(id, kind)) {
      String label = Cases.string(execution, DisabilityVariables.SUBSIDY_LABEL);
      String text = switch (status) {
        case "INELIGIBLE" -> "书面告知：不符合" + label + "条件。理由："
            + Cases.string(execution, DisabilityVariables.ELIGIBILITY_REASONS);
        case "REJECTED" -> "书面告知：不予批准" + label + "。理由：" + reasons(execution);
        default -> "本人（监护人）不申请" + label + "：" + Cases.string(execution, "assistNote");
      };
      repository.insertRecord(id, kind, text, null, null, EngineContext.now());
    }
    repository.setStatus(id, status, EngineContext.now());
  }

  private static String reasons(DelegateExecution execution) {
    String county = Cases.string(execution, "decisionReasons");
    return county != null && !county.isEmpty() && "REJECT".equals(Cases.string(execution, DisabilityVariables.DECISION))
        ? county : Cases.string(execution, "reviewOpinion");
  }
}
