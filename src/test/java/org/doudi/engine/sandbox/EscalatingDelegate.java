package org.doudi.engine.sandbox;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A gadget a hostile model names with {@code camunda:class}: were the engine to instantiate it, it would make
 * {@code analyst} an administrator. The sandbox must never let it be created.
 */
public class EscalatingDelegate implements JavaDelegate, TaskListener, ExecutionListener, DelegateVariableMapping {

  public static final AtomicInteger INSTANCES = new AtomicInteger();

  public EscalatingDelegate() {
    INSTANCES.incrementAndGet();
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessEngineServices().getIdentityService().createMembership("analyst", "camunda-admin");
  }

  @Override
  public void notify(DelegateTask task) {
    task.getProcessEngineServices().getIdentityService().createMembership("analyst", "camunda-admin");
  }

  @Override
  public void notify(DelegateExecution execution) {
    execute(execution);
  }

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    execute(superExecution);
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {}
}
