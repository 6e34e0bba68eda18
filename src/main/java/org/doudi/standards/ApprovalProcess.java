package org.doudi.standards;

import static org.doudi.standards.StandardBatchVariables.*;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.engine.EngineAsSystem;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The Tasklist side of a batch: 标准批次审批 ({@code processes/standards/standard-batch-approval.bpmn}) started with the
 * upload, in its transaction, as the application (our own code authorised the uploader); ended by its task's
 * completion or, when the batch was decided through the API, by a message.
 */
@Component
public class ApprovalProcess {

  /** Rows shown in the task, at most (the form's text stays readable; the whole batch is in the API). */
  static final int SUMMARY_ROWS = 80;

  private final RuntimeService runtime;
  private final EngineAsSystem system;

  public ApprovalProcess(@Lazy RuntimeService runtime, EngineAsSystem system) {
    this.runtime = runtime;
    this.system = system;
  }

  void start(StandardBatch b) {
    Map<String, Object> v = new HashMap<>();
    v.put(BATCH_ID, b.id());
    v.put(BATCH_KIND, b.kind().label());
    v.put(EFFECTIVE_FROM, b.effectiveFrom().toString());
    v.put(SOURCE_NOTE, b.sourceNote());
    v.put(UPLOADED_BY, b.uploadedBy());
    String rows = b.rows().stream().limit(SUMMARY_ROWS).map(r -> "第" + r.line() + "行 " + r.countyCode() + " "
        + ("URBAN".equals(r.urbanRural()) ? "城市" : "农村") + " " + r.monthlyStandard().toPlainString() + "元"
        + (r.assetLimitMonths() == null ? "" : "，财产限额" + r.assetLimitMonths() + "个月"))
        .collect(Collectors.joining("\n"));
    v.put(BATCH_SUMMARY, "共" + b.rows().size() + "行\n" + rows + (b.rows().size() > SUMMARY_ROWS ? "\n……" : ""));
    system.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY_PREFIX + b.id(), v));
  }

  void decidedElsewhere(long id) {
    system.call(() -> runtime.createMessageCorrelation(DECIDED_ELSEWHERE)
        .processInstanceBusinessKey(BUSINESS_KEY_PREFIX + id).correlateAllWithResult());
  }
}
