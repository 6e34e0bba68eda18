package org.doudi.engine.internal;

import java.util.Map;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Spring's expression manager with the allowlisting resolver chain: variables (and the engine's own names, which can
 * only be handed to a process bean), the {@code @ProcessBean} beans, read-only lists, maps and arrays, and
 * {@link SandboxElResolver} instead of a reflecting {@code BeanELResolver}. No test mocks, no application-context
 * lookup. Used for BPMN, JUEL in DMN and stored task queries alike.
 */
final class SandboxExpressionManager extends SpringExpressionManager {

  SandboxExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
    super(context, beans);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver chain = new CompositeELResolver();
    chain.add(new VariableScopeElResolver());
    chain.add(new VariableContextElResolver());
    chain.add(new ReadOnlyMapELResolver(beans));
    chain.add(new ArrayELResolver(true));
    chain.add(new ListELResolver(true));
    chain.add(new MapELResolver(true));
    chain.add(new SandboxElResolver());
    return chain;
  }
}
