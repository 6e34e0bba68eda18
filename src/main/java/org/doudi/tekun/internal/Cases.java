package org.doudi.tekun.internal;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.tekun.TekunRecognitionVariables;

/** Variable helpers shared by the delegates. */
final class Cases {

  private Cases() {}

  static long caseId(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key != null && key.matches("\\d{1,18}")) {
      return Long.parseLong(key);
    }
    return Long.parseLong(string(execution, TekunRecognitionVariables.CASE_ID));
  }

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString().strip();
  }
}
