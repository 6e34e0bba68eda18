package org.doudi.eligibility;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem answers for standards, shared by every controller that records or applies local standards (低保 and
 * the schemes built on them, e.g. 特困): 400 with {@code violations}, 409 for a date that would rewrite history, 422
 * when no 低保 standard is recorded for the county, type and date.
 */
public final class StandardProblems {

  private StandardProblems() {}

  public static ProblemDetail of(InvalidStandardException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("输入有误");
    p.setProperty("violations", e.violations().stream()
        .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    return p;
  }

  public static ProblemDetail of(StandardConflictException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    p.setTitle("与已有标准冲突");
    return p;
  }

  public static ProblemDetail of(StandardNotFoundException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    p.setTitle("没有适用的低保标准");
    p.setProperty("countyCode", e.countyCode());
    p.setProperty("urbanRural", e.urbanRural());
    p.setProperty("date", e.date().toString());
    return p;
  }
}
