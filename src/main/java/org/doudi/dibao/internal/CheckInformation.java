package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.checkplatform.CheckPlatform;
import org.doudi.checkplatform.CheckRequest;
import org.doudi.checkplatform.CheckResult;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;
import org.doudi.household.Households;

/**
 * 信息核对 through the provincial check platform (审核确认办法 第17条). The result is stored (dibao_check); a technical
 * failure of the platform is an exception, so the job is retried and then becomes an incident.
 */
@ProcessBean("dibaoCheckInformation")
public class CheckInformation implements JavaDelegate {

  private final Households households;
  private final CheckPlatform platform;
  private final DibaoRepository records;
  private final ObjectMapper json;

  public CheckInformation(Households households, CheckPlatform platform, DibaoRepository records, ObjectMapper json) {
    this.households = households;
    this.platform = platform;
    this.records = records;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    long id = CaseContext.applicationId(execution);
    CheckResult result = platform.check(CheckRequest.of(String.valueOf(id), households.declared(id)));
    records.insertCheck(id, execution.getProcessInstanceId(), result.reference(), result.passed(),
        json.writeValueAsString(result), CaseContext.now());
    String summary = result.discrepancies().stream().filter(CheckResult.Discrepancy::material)
        .map(CheckResult.Discrepancy::message).collect(Collectors.joining("；"));
    execution.setVariable(CHECK_PASSED, result.passed());
    execution.setVariable(CHECK_REFERENCE, result.reference());
    execution.setVariable(CHECK_SUMMARY, summary.isEmpty() ? "未发现与申报不符的情况" : summary);
  }
}
