package org.doudi.care.web;

import org.doudi.platform.ProblemAnswers;
import org.springframework.stereotype.Component;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.doudi.care.CareArrangements.InvalidCareInputException;
import org.doudi.household.ApplicationProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The Chinese problem answers of the care endpoints, in one place: bad input 400, unknown or unseen 404. */
@Component
class CareProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && (CareController.class.isAssignableFrom(controller));
  }

  @ExceptionHandler(InvalidCareInputException.class)
  ProblemDetail invalid(InvalidCareInputException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
    return p;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .sorted(Comparator.comparing(FieldError::getField))
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        String.join("；", errors.stream().map(m -> m.get("message")).toList()));
    p.setProperty("errors", errors);
    return p;
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalidParameters(HandlerMethodValidationException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("；", e.getAllErrors().stream()
        .map(x -> String.valueOf(x.getDefaultMessage())).toList()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "请求内容无法读取：" + ApplicationProblems.unreadableMessage(e));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "参数" + e.getName() + "的值“" + e.getValue()
        + "”无效");
  }

  @ExceptionHandler(NoSuchElementException.class)
  ProblemDetail notFound(NoSuchElementException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
