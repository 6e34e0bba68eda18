package org.doudi.eligibility.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.doudi.eligibility.InvalidStandardException;
import org.doudi.eligibility.StandardConflictException;
import org.doudi.eligibility.StandardNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the eligibility endpoints as problem details with a {@code violations} list; this package only. */
@RestControllerAdvice(basePackageClasses = EligibilityProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EligibilityProblems {

  @ExceptionHandler(InvalidStandardException.class)
  ProblemDetail invalid(InvalidStandardException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("输入有误");
    p.setProperty("violations", e.violations().stream()
        .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    return p;
  }

  @ExceptionHandler(StandardConflictException.class)
  ProblemDetail conflict(StandardConflictException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    p.setTitle("与已有标准冲突");
    return p;
  }

  @ExceptionHandler(StandardNotFoundException.class)
  ProblemDetail noStandard(StandardNotFoundException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    p.setTitle("没有适用的低保标准");
    p.setProperty("countyCode", e.countyCode());
    p.setProperty("urbanRural", e.urbanRural());
    p.setProperty("date", e.date().toString());
    return p;
  }

  /** Unreadable JSON or a value of the wrong type: name the field. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String field = "";
    if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field = m.getPath().stream()
          .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
    String message = field.isEmpty() ? "请求内容不是有效的 JSON" : "字段 " + field + " 的值格式不正确";
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
    p.setTitle("输入有误");
    p.setProperty("violations", List.of(Map.of("field", field, "message", message)));
    return p;
  }
}
