package org.doudi.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a Spring bean that BPMN/DMN expressions may reach ({@code ${deadlines.workingDays(3)}},
 * {@code camunda:delegateExpression="${checkIdentity}"}). Only such beans are visible to the engine:
 * an expression cannot name an arbitrary bean of the application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ProcessBean {
  /** The name models use; also the Spring bean name. */
  @AliasFor(annotation = Component.class)
  String value();
}
