package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.ControllerAdvice;

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
}
