package org.doudi.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A fixed choice that a service task passes to its delegate as an input parameter
 * ({@code <camunda:inputParameter name="closeStatus">REJECTED</camunda:inputParameter>}), instead of a literal
 * argument of a method expression. The delegate reads it with {@link #read}; a missing or unknown value stops the step
 * with an exception that names the task, never a default. Element templates offer {@link #values()} as a dropdown.
 *
 * @param name the input parameter (a local variable of the task's execution)
 * @param values the values the delegate understands
 */
public record TaskParameter(String name, List<String> values) {

  public TaskParameter {
    if (name == null || name.isBlank() || values == null || values.isEmpty()) {
      throw new IllegalArgumentException("a task parameter needs a name and at least one value");
    }
    values = List.copyOf(values);
  }

  public static TaskParameter of(String name, String... values) {
    return new TaskParameter(name, List.of(values));
  }

  /** The value the running service task was given. */
  public String read(DelegateExecution execution) {
    Object value = execution.getVariableLocal(name);
    if (value instanceof String s && values.contains(s)) {
      return s;
    }
    throw new IllegalStateException("Service task '" + execution.getCurrentActivityName() + "' ("
        + execution.getCurrentActivityId() + ") of " + execution.getProcessDefinitionId() + ": input parameter "
        + name + (value == null ? " is missing" : " is '" + value + "'") + "; expected one of " + values);
  }
}
