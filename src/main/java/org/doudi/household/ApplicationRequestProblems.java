package org.doudi.household;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.doudi.platform.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The answers of an endpoint that takes an application-like request ({@link ApplicationProblems}' shape: 申请内容有误,
 * each bad field by name): a module's {@link ProblemAnswers} bean extends this and says which controller it covers.
 * The one advice finds these inherited {@code @ExceptionHandler} methods as it finds a bean's own.
 */
public abstract class ApplicationRequestProblems implements ProblemAnswers {

  @ExceptionHandler(InvalidApplicationException.class)
  ProblemDetail invalid(InvalidApplicationException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .sorted(Comparator.comparing(FieldError::getField))
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        String.join("；", errors.stream().map(m -> m.get("message")).toList()));
    p.setTitle(ApplicationProblems.TITLE);
    p.setType(ApplicationProblems.TYPE);
    p.setProperty("errors", errors);
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missing(MissingServletRequestParameterException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName());
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
