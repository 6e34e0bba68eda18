package org.doudi.payroll.web;

import org.doudi.platform.ProblemAnswers;
import org.springframework.stereotype.Component;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.doudi.payroll.BankResultRejectedException;
import org.doudi.payroll.InvalidAwardException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The Chinese problem answers of the award and exit endpoints, in one place: a refused change or bad input 400, a
 * state that forbids the request 409, an unknown award or exit 404.
 */
@Component
class PayrollProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && (PayrollController.class.isAssignableFrom(controller) || ExitController.class.isAssignableFrom(controller));
  }

  @ExceptionHandler({InvalidAwardException.class, IllegalArgumentException.class})
  ProblemDetail invalid(RuntimeException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .sorted(java.util.Comparator.comparing(FieldError::getField))
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        String.join("；", errors.stream().map(m -> m.get("message")).toList()));
    p.setProperty("errors", errors);
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "请求内容无法读取：" + org.doudi.household.ApplicationProblems.unreadableMessage(e));
  }

  /** A bank result file refused as a whole (the award endpoints' import): 422 with each refused line. */
  @ExceptionHandler(BankResultRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(BankResultRejectedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    p.setProperty("errors", e.errors());
    return ResponseEntity.unprocessableEntity().body(p);
  }

  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail conflict(IllegalStateException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(NoSuchElementException.class)
  ProblemDetail notFound(NoSuchElementException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
