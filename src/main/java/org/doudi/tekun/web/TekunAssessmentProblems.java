package org.doudi.tekun.web;

import java.util.Map;
import org.doudi.eligibility.InvalidStandardException;
import org.doudi.eligibility.StandardConflictException;
import org.doudi.eligibility.StandardNotFoundException;
import org.doudi.household.ApplicationProblems;
import org.doudi.household.InvalidApplicationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The Chinese problem answers of the 特困 assessment and standards endpoints, in the shapes of their 低保
 * counterparts: 400 with {@code violations} (field + message), 409 for a standard that would rewrite history, 422
 * when no 低保 standard is recorded for the date.
 */
@RestControllerAdvice(assignableTypes = {TekunAssessmentController.class, TekunStandardsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class TekunAssessmentProblems {

  @ExceptionHandler(InvalidApplicationException.class)
  ProblemDetail invalidInput(InvalidApplicationException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ApplicationProblems.of(e);
  }

  @ExceptionHandler(InvalidStandardException.class)
  ProblemDetail invalidStandard(InvalidStandardException e) {
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
  ProblemDetail noDibaoStandard(StandardNotFoundException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    p.setTitle("没有适用的低保标准");
    p.setProperty("countyCode", e.countyCode());
    p.setProperty("urbanRural", e.urbanRural());
    p.setProperty("date", e.date().toString());
    return p;
  }
}
