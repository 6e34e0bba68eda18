package org.doudi.engine.internal;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.doudi.engine.ModelSandbox;
import org.doudi.engine.ProcessBean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * The last resolver of the chain, where plain JUEL would reflect on any object: here only a {@link ProcessBean}'s own
 * public methods and properties (the rule {@link ModelSandbox} checks at deployment), and the date methods stored
 * Tasklist filters use ({@code ${dateTime().plusDays(2)}}, Joda {@code DateTime}). Anything else — {@code execution},
 * {@code task}, engine services, variables, {@code getClass()} — is refused, so that an expression stored before the
 * sandbox or slipped past it stays inert.
 */
final class SandboxElResolver extends BeanELResolver {

  private static final String JODA_DATE_TIME = "org.joda.time.DateTime";

  private static final ClassValue<Boolean> PROCESS_BEAN = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return AnnotatedElementUtils.hasAnnotation(ClassUtils.getUserClass(type), ProcessBean.class);
    }
  };

  SandboxElResolver() {
    super(true);
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null) {
      return null;
    }
    if (!allowedProperty(base, property)) {
      throw refused(base, property, false);
    }
    return super.getValue(context, base, property);
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base == null) {
      return null;
    }
    if (!allowedMethod(base, method)) {
      throw refused(base, method, true);
    }
    return super.invoke(context, base, method, paramTypes, params);
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (base == null) {
      return null;
    }
    if (!allowedProperty(base, property)) {
      throw refused(base, property, false);
    }
    return super.getType(context, base, property);
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (base != null) {
      throw refused(base, property, false);
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (base != null) {
      context.setPropertyResolved(true);
    }
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return Collections.emptyIterator();
  }

  private static Class<?> userClass(Object base) {
    return ClassUtils.getUserClass(base.getClass());
  }

  private static boolean allowedBase(Object base) {
    return PROCESS_BEAN.get(base.getClass()) || JODA_DATE_TIME.equals(base.getClass().getName());
  }

  private static boolean allowedProperty(Object base, Object property) {
    return allowedBase(base) && property instanceof String name
        && ModelSandbox.isAllowedProperty(userClass(base), name);
  }

  private static boolean allowedMethod(Object base, Object method) {
    if (!allowedBase(base) || method == null) {
      return false;
    }
    String name = method.toString();
    return ModelSandbox.isAllowedMethod(userClass(base), name);
  }

  private static ELException refused(Object base, Object member, boolean call) {
    String what = base.getClass().getName().startsWith("org.camunda.bpm.engine") ? "引擎对象" : "对象";
    return new ELException("模型沙箱：表达式不能" + (call ? "调用" : "访问") + what + "（" + base.getClass().getSimpleName()
        + "）的" + (call ? "方法 " : "属性 ") + member + "；只能使用变量、常量、运算和 @ProcessBean 的方法");
  }
}
