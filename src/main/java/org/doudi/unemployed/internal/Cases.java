package org.doudi.unemployed.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doudi.unemployed.UnemployedVariables;

/** Variable helpers shared by the delegates. */
final class Cases {

  private Cases() {}

  static long applicationId(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key != null && key.matches("\\d{1,18}")) {
      return Long.parseLong(key);
    }
    return Long.parseLong(string(execution, UnemployedVariables.APPLICATION_ID));
  }

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString().strip();
  }

  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
