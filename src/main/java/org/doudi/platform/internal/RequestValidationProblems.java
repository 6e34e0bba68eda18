package org.doudi.platform.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.doudi.platform.ProblemAnswers;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * The platform's one answer to a request refused by Bean Validation (the constraints declared on the request records
 * and parameters, checked because of {@code @Valid}): 400 problem+json, title 请求内容有误, a detail naming each bad
 * field by its JSON name with its Chinese message, and {@code errors} (field → message). {@link ProblemAdvice} asks it
 * last, so a module that answers these exceptions in its own shape keeps doing so.
 */
final class RequestValidationProblems implements ProblemAnswers {

  static final String TITLE = "请求内容有误";
  static final URI TYPE = URI.create("urn:doudi:problem:invalid-request");

  @Override
  public boolean covers(Class<?> controller) {
    return true;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail body(MethodArgumentNotValidException e) {
    Map<String, List<String>> errors = new TreeMap<>();
    for (FieldError f : e.getBindingResult().getFieldErrors()) {
      add(errors, f.getField(), f.getDefaultMessage());
    }
    e.getBindingResult().getGlobalErrors().forEach(g -> add(errors, "", g.getDefaultMessage()));
    return problem(errors);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail parameters(HandlerMethodValidationException e) {
    Map<String, List<String>> errors = new TreeMap<>();
    for (ParameterValidationResult r : e.getParameterValidationResults()) {
      if (r instanceof ParameterErrors pe) {
        pe.getFieldErrors().forEach(f -> add(errors, f.getField(), f.getDefaultMessage()));
        pe.getGlobalErrors().forEach(g -> add(errors, "", g.getDefaultMessage()));
        continue;
      }
      String name = parameterName(r);
      for (MessageSourceResolvable m : r.getResolvableErrors()) {
        add(errors, name, m.getDefaultMessage());
      }
    }
    return problem(errors);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraints(ConstraintViolationException e) {
    Map<String, List<String>> errors = new TreeMap<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      add(errors, field(v.getPropertyPath()), v.getMessage());
    }
    return problem(errors);
  }

  private static String parameterName(ParameterValidationResult r) {
    RequestParam param = r.getMethodParameter().getParameterAnnotation(RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    String name = r.getMethodParameter().getParameterName();
    return name == null ? "" : name;
  }

  /** The path without the method's own name: "members[0].name" for {@code apply.application.members[0].name}. */
  static String field(Path path) {
    List<Path.Node> nodes = new ArrayList<>();
    path.forEach(nodes::add);
    int start = 0;
    while (start < nodes.size() && (nodes.get(start).getKind() == ElementKind.METHOD
        || nodes.get(start).getKind() == ElementKind.CONSTRUCTOR)) {
      start++;
    }
    // a parameter followed by more nodes is a body: its own name is not part of the JSON
    if (start < nodes.size() - 1 && nodes.get(start).getKind() == ElementKind.PARAMETER) {
      start++;
    }
    StringBuilder b = new StringBuilder();
    for (Path.Node n : nodes.subList(start, nodes.size())) {
      if (n.isInIterable()) {
        b.append('[').append(n.getIndex() != null ? n.getIndex() : n.getKey()).append(']');
      }
      if (n.getName() != null && (n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.PARAMETER)) {
        b.append(b.length() > 0 ? "." : "").append(n.getName());
      }
    }
    return b.toString();
  }

  private static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field == null ? "" : field, k -> new ArrayList<>())
        .add(message == null ? "内容无效" : message);
  }

  private static ProblemDetail problem(Map<String, List<String>> errors) {
    Map<String, String> flat = new TreeMap<>();
    List<String> parts = new ArrayList<>();
    errors.forEach((field, messages) -> {
      String message = String.join("；", messages.stream().distinct().sorted().toList());
      flat.put(field, message);
      parts.add(field.isEmpty() ? message : field + "：" + message);
    });
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        parts.isEmpty() ? TITLE : String.join("；", parts));
    p.setTitle(TITLE);
    p.setType(TYPE);
    p.setProperty("errors", flat);
    return p;
  }
}
