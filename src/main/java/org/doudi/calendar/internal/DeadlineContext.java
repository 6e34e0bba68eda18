package org.doudi.calendar.internal;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doudi.calendar.DeadlineKind;

/**
 * Which model field is being evaluated right now (set by {@link DeadlineExpression} around the
 * evaluation), so that {@code deadlines} can record where its result goes without the analyst having to
 * say so in the expression.
 */
public final class DeadlineContext {

  /** The field: its kind, the activity that owns it (timer event or user task) and the scope evaluated in. */
  public record Target(DeadlineKind kind, String activityId, VariableScope scope) {}

  private static final ThreadLocal<Target> CURRENT = new ThreadLocal<>();

  private DeadlineContext() {}

  public static Target current() {
    return CURRENT.get();
  }

  static <T> T with(Target target, Supplier<T> evaluation) {
    Target outer = CURRENT.get();
    CURRENT.set(target);
    try {
      return evaluation.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }
}
