package org.doudi.disability.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doudi.disability.DisabilityVariables;

/** Variable helpers shared by the delegates. */
final class Cases {

  private Cases() {}

  static long applicationId(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key != null && key.matches("\\d{1,18}")) {
      return Long.parseLong(key);
    }
    return Long.parseLong(string(execution, DisabilityVariables.APPLICATION_ID));
  }

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString().strip();
  }
}
