package org.doudi.engine;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * An input parameter that a delegate requires of its service task ({@code <camunda:inputParameter name="limit">
 * INVESTIGATION</camunda:inputParameter>}): its name and the values it accepts. One singleton delegate serves every
 * task that differs only in this value; {@code camunda:field} injection is not used (it would write into the shared
 * bean). {@code DelegateStyleTest} checks that each task names an accepted value.
 */
public record TaskInput(String name, Set<String> values) {

  public TaskInput {
    values = Set.copyOf(values);
  }

  public static TaskInput of(String name, Collection<String> values) {
    return new TaskInput(name, Set.copyOf(values));
  }

  /**
   * The value the current task gives (a local variable of the activity); an absent or unknown value fails the task
   * with a message naming the task, the parameter and the accepted values, never a default.
   */
  public String read(DelegateExecution execution) {
    Object v = execution.getVariableLocal(name);
    if (v instanceof String s && values.contains(s)) {
      return s;
    }
    throw new IllegalStateException("Service task " + execution.getCurrentActivityId() + " ("
        + execution.getCurrentActivityName() + ") of " + execution.getProcessDefinitionId() + ": input parameter '"
        + name + "' is " + (v == null ? "missing" : "'" + v + "'") + "; accepted: " + new TreeSet<>(values));
  }

  /** A delegate that reads input parameters of its service task. */
  public interface Reader {
    /** The input parameters every task calling this delegate must give. */
    Collection<TaskInput> inputs();
  }
}
