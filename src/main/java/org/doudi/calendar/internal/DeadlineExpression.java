package org.doudi.calendar.internal;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.Expression;
import org.doudi.calendar.DeadlineKind;

/** Wraps a model's timer/due/follow-up expression and marks its evaluation with {@link DeadlineContext}. */
final class DeadlineExpression implements Expression {

  private final org.camunda.bpm.engine.delegate.Expression delegate;
  private final DeadlineKind kind;
  private final String activityId;

  DeadlineExpression(org.camunda.bpm.engine.delegate.Expression delegate, DeadlineKind kind, String activityId) {
    this.delegate = delegate;
    this.kind = kind;
    this.activityId = activityId;
  }

  @Override
  public Object getValue(VariableScope scope) {
    return DeadlineContext.with(new DeadlineContext.Target(kind, activityId, scope), () -> delegate.getValue(scope));
  }

  @Override
  public Object getValue(VariableScope scope, BaseDelegateExecution contextExecution) {
    return DeadlineContext.with(new DeadlineContext.Target(kind, activityId, scope),
        () -> delegate instanceof Expression e ? e.getValue(scope, contextExecution) : delegate.getValue(scope));
  }

  @Override
  public void setValue(Object value, VariableScope scope) {
    delegate.setValue(value, scope);
  }

  @Override
  public void setValue(Object value, VariableScope scope, BaseDelegateExecution contextExecution) {
    if (delegate instanceof Expression e) {
      e.setValue(value, scope, contextExecution);
    } else {
      delegate.setValue(value, scope);
    }
  }

  @Override
  public String getExpressionText() {
    return delegate.getExpressionText();
  }

  @Override
  public boolean isLiteralText() {
    return delegate.isLiteralText();
  }

  @Override
  public String toString() {
    return getExpressionText();
  }
}
