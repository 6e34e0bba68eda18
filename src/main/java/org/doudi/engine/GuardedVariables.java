package org.doudi.engine;

import java.util.Map;
import java.util.Set;

/**
 * What a module tells the variable guard about its processes (docs/integrity.md). A task completion, and any write
 * of a task's variables, may carry only the fields of that task's deployed form, plus the API-only fields a module
 * lists here for its own Java code. Protected variables carry money, outcome, authority, region or identity: only the
 * application's own delegates write them, so a request may at most echo their current value (a read-only form field),
 * never change them, even if an edited form offered them as an input.
 */
public interface GuardedVariables {

  /** Names only the application's delegates write. */
  Set<String> protectedNames();

  /** The processes (definition keys) these names are protected in; empty: every process. */
  default Set<String> processKeys() {
    return Set.of();
  }

  /**
   * Fields beyond the form that the application's own code passes when it completes a task, keyed by
   * {@code processDefinitionKey + ":" + taskDefinitionKey}. Each must be documented where the task is.
   */
  default Map<String, Set<String>> apiOnlyFields() {
    return Map.of();
  }

  /** The usual case: these names are protected in these processes (empty: every process). */
  abstract class ProtectedIn implements GuardedVariables {
    private final Set<String> processKeys;
    private final Set<String> names;

    protected ProtectedIn(Set<String> processKeys, Set<String> names) {
      this.processKeys = Set.copyOf(processKeys);
      this.names = Set.copyOf(names);
    }

    @Override
    public Set<String> protectedNames() {
      return names;
    }

    @Override
    public Set<String> processKeys() {
      return processKeys;
    }
  }
}
