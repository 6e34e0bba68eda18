package org.doudi.dibao.internal;

import org.doudi.engine.EngineContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.dibao.DibaoVariables;

/** Small helpers shared by the delegates: the case's application id, the engine clock in China time, the actor. */
final class CaseContext {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private CaseContext() {}

  /** The application id: the business key (set by 登记申请), else the variable. */
  static long applicationId(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key != null && key.matches("\\d{1,18}")) {
      return Long.parseLong(key);
    }
    return number(execution, DibaoVariables.APPLICATION_ID).longValue();
  }

  /** The household's key in the award and the benefit register: {@code HH-<applicationId>}. */
  static String holderKey(long applicationId) {
    return "HH-" + applicationId;
  }

  static Number number(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v instanceof Number n) {
      return n;
    }
    if (v instanceof String s && s.strip().matches("-?\\d+(\\.\\d+)?")) {
      return new java.math.BigDecimal(s.strip());
    }
    throw new IllegalStateException("Process variable " + name + " is not a number: " + v);
  }

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString().strip();
  }

  static boolean flag(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v instanceof Boolean b ? b : v != null && "true".equalsIgnoreCase(v.toString().strip());
  }

  /**
   * Sets the variable unless it already holds an equal value of the same type. Camunda writes every
   * {@code setVariable} as an update (runtime row, historic variable, audit entry) even when nothing changed; values a
   * case sets again on a second pass (the approval authority before 审核确认) or that its start already carried (the
   * application id, region, registering user) are left as they are.
   */
  static void update(VariableScope scope, String name, Object value) {
    Object current = scope.getVariable(name);
    if (current != null && value != null && current.getClass() == value.getClass() && current.equals(value)) {
      return;
    }
    scope.setVariable(name, value);
  }

  static Instant now() {
    return EngineContext.now();
  }

  static LocalDate today() {
    return EngineContext.today();
  }

  /** The user whose command runs this code, or null in a job. */
  static String currentUser() {
    return EngineContext.currentUser();
  }
}
