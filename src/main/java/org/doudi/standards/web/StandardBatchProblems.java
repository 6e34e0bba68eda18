package org.doudi.standards.web;

import java.util.Map;
import org.doudi.platform.ProblemAnswers;
import org.doudi.standards.BatchDecisionException;
import org.doudi.standards.BatchNotFoundException;
import org.doudi.standards.StandardBatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The problem answers of {@link StandardBatchController}, for the application's one advice. */
@Component
class StandardBatchProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && StandardBatchController.class.isAssignableFrom(controller);
  }

  /** 400 for a refused file (nothing stored), 409 for an approval whose rows no longer fit (nothing recorded). */
  @ExceptionHandler(StandardBatchException.class)
  ProblemDetail refused(StandardBatchException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(e.atApproval() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
        e.getMessage());
    p.setTitle(e.atApproval() ? "标准批次不能生效" : "标准文件有误");
    p.setProperty("errors", e.badLines().stream()
        .map(b -> Map.of("line", b.line(), "reason", b.reason())).toList());
    return p;
  }

  @ExceptionHandler(BatchDecisionException.class)
  ProblemDetail decision(BatchDecisionException e) {
    return ProblemDetail.forStatusAndDetail(e.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(BatchNotFoundException.class)
  ProblemDetail notFound(BatchNotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
