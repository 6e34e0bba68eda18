package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * One advice answers the controllers' exceptions (platform.internal.ProblemAdvice); modules bring their answers as
 * {@link ProblemAnswers} beans. A second advice would take exceptions before, or after, it in an order nobody chose.
 */
class OneAdviceTest {

  @Test
  void theApplicationHasExactlyOneControllerAdvice() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ControllerAdvice.class));
    assertThat(scanner.findCandidateComponents("org.doudi").stream().map(BeanDefinition::getBeanClassName)
        .filter(n -> !n.contains("Test")))
        .containsExactly("org.doudi.platform.internal.ProblemAdvice");
  }

  /**
   * A controller's own {@code @ExceptionHandler} would answer before the advice, outside the modules' answers: they
   * belong in the module's {@link ProblemAnswers} bean, covering that controller.
   */
  @Test
  void noControllerAnswersItsOwnExceptions() throws Exception {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
    List<String> controllers = new ArrayList<>();
    List<String> answering = new ArrayList<>();
    for (BeanDefinition d : scanner.findCandidateComponents("org.doudi")) {
      if (d.getBeanClassName().contains("Test")) {
        continue;
      }
      Class<?> type = Class.forName(d.getBeanClassName());
      controllers.add(type.getName());
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          if (AnnotatedElementUtils.hasAnnotation(m, ExceptionHandler.class)) {
            answering.add(type.getSimpleName() + "." + m.getName());
          }
        }
      }
    }
    assertThat(controllers).as("the scan finds the controllers").hasSizeGreaterThan(20);
    assertThat(answering).as("controllers with their own @ExceptionHandler").isEmpty();
  }
}
