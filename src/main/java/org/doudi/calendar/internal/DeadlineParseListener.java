package org.doudi.calendar.internal;

import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.doudi.calendar.DeadlineKind;
import org.doudi.calendar.persistence.DeadlineRepository;

/**
 * Marks every timer/due/follow-up expression that calls the {@code deadlines} bean with its kind and
 * activity, and closes the recorded deadlines when the owning activity ends. Other expressions are left
 * untouched.
 */
class DeadlineParseListener extends AbstractBpmnParseListener {

  static final String BEAN_PREFIX = "deadlines.";
  private static final Field TIMER_DESCRIPTION = timerDescriptionField();

  private final DeadlineRepository deadlines;

  DeadlineParseListener(DeadlineRepository deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
      return;
    }
    TaskDefinition task = behavior.getTaskDefinition();
    boolean due = usesDeadlines(task.getDueDateExpression());
    boolean followUp = usesDeadlines(task.getFollowUpDateExpression());
    if (due) {
      task.setDueDateExpression(new DeadlineExpression(task.getDueDateExpression(), DeadlineKind.DUE, activity.getId()));
    }
    if (followUp) {
      task.setFollowUpDateExpression(
          new DeadlineExpression(task.getFollowUpDateExpression(), DeadlineKind.FOLLOW_UP, activity.getId()));
    }
    if (due || followUp) {
      closeOnEnd(activity, activity.getId());
    }
  }

  @Override
  public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting,
      ActivityImpl timerActivity) {
    if (markTimer(timerActivity) && timerActivity.getEventScope() instanceof ActivityImpl attachedTo) {
      // the timer lives as long as the activity it is attached to
      closeOnEnd(attachedTo, timerActivity.getId());
    }
  }

  @Override
  public void parseIntermediateTimerEventDefinition(Element timerEventDefinition, ActivityImpl timerActivity) {
    if (markTimer(timerActivity)) {
      closeOnEnd(timerActivity, timerActivity.getId());
      if (timerActivity.getEventScope() instanceof ActivityImpl gateway && gateway != timerActivity) {
        // behind an event-based gateway the timer's own activity never starts when another event wins: the
        // gateway's end (on the execution that created the timer) closes it
        closeOnEnd(gateway, timerActivity.getId());
      }
    }
  }

  private boolean markTimer(ActivityImpl timerActivity) {
    TimerDeclarationImpl declaration = findDeclaration(timerActivity);
    if (declaration == null) {
      return false;
    }
    try {
      Expression description = (Expression) TIMER_DESCRIPTION.get(declaration);
      if (!usesDeadlines(description)) {
        return false;
      }
      TIMER_DESCRIPTION.set(declaration, new DeadlineExpression(description, DeadlineKind.TIMER, timerActivity.getId()));
      return true;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot mark the working-day timer " + timerActivity.getId(), e);
    }
  }

  private static TimerDeclarationImpl findDeclaration(ActivityImpl timerActivity) {
    for (ScopeImpl scope : new ScopeImpl[] {timerActivity.getEventScope(),
        timerActivity.getFlowScope(), timerActivity}) {
      if (scope != null) {
        Map<String, TimerDeclarationImpl> declarations = TimerDeclarationImpl.getDeclarationsForScope(scope);
        if (declarations.containsKey(timerActivity.getId())) {
          return declarations.get(timerActivity.getId());
        }
      }
    }
    return null;
  }

  private void closeOnEnd(ActivityImpl activity, String deadlineActivityId) {
    // built-in: runs even when an operator cancels with "skip custom listeners"
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
        (ExecutionListener) execution -> deadlines.closeOpen(execution.getId(), deadlineActivityId));
  }

  private static boolean usesDeadlines(Expression expression) {
    return expression != null && !expression.isLiteralText()
        && expression.getExpressionText().replace(" ", "").contains(BEAN_PREFIX);
  }

  private static Field timerDescriptionField() {
    // TimerDeclarationImpl has no setter for its expression; checked by the timer process tests
    try {
      Field f = TimerDeclarationImpl.class.getDeclaredField("description");
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's TimerDeclarationImpl changed: no field 'description'", e);
    }
  }
}
