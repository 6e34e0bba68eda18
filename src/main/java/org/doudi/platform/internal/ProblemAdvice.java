package org.doudi.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.doudi.platform.ProblemAnswers;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The application's one advice for exceptions thrown by controllers: it asks the modules' {@link ProblemAnswers}
 * that cover the failing controller for their closest {@code @ExceptionHandler} (Spring's own matching: nearest
 * exception type, then causes). An exception none of them answers goes on unchanged to Spring's default handling
 * (and to Spring Security's). Controllers declare no {@code @ExceptionHandler} of their own ({@code OneAdviceTest}).
 * Requests refused by Bean Validation that no module answers get the platform's one answer
 * ({@link RequestValidationProblems}, asked last).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

  private final List<ProblemAnswers> answers;
  private final Map<Class<?>, ExceptionHandlerMethodResolver> resolvers = new ConcurrentHashMap<>();

  ProblemAdvice(List<ProblemAnswers> answers) {
    List<ProblemAnswers> all = new ArrayList<>(answers);
    all.add(new RequestValidationProblems()); // last: a module's own answer to a refused request shape comes first
    this.answers = List.copyOf(all);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<?> answer(Exception e, HttpServletRequest request) throws Exception {
    // read from the request: a HandlerMethod parameter cannot be resolved when the handler is none (static files)
    Class<?> controller = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod h
        ? ClassUtils.getUserClass(h.getBeanType()) : null;
    for (ProblemAnswers a : answers) {
      if (!a.covers(controller)) {
        continue;
      }
      Class<?> type = ClassUtils.getUserClass(a);
      Method method = resolvers.computeIfAbsent(type, ExceptionHandlerMethodResolver::new).resolveMethodByThrowable(e);
      if (method != null) {
        return invoke(a, method, e);
      }
    }
    throw e; // not ours: Spring's default resolvers answer it as before
  }

  private static ResponseEntity<?> invoke(ProblemAnswers answers, Method method, Exception e) throws Exception {
    ReflectionUtils.makeAccessible(method);
    Throwable argument = e;
    while (argument != null && !method.getParameterTypes()[0].isInstance(argument)) {
      argument = argument.getCause();
    }
    Object result;
    try {
      result = method.invoke(answers, argument);
    } catch (InvocationTargetException x) {
      throw x.getCause() instanceof Exception cause ? cause : x;
    }
    if (result instanceof ResponseEntity<?> entity) {
      return entity;
    }
    ProblemDetail p = (ProblemDetail) result;
    return ResponseEntity.status(p.getStatus()).body(p);
  }
}
