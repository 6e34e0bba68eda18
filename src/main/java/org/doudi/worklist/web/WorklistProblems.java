package org.doudi.worklist.web;

import org.doudi.worklist.WorklistRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.doudi.platform.ProblemAnswers;
import org.springframework.stereotype.Component;

/** Refusals of the worklist endpoint as problem+json with a Chinese detail (answers of the one advice, this package). */
@Component
class WorklistProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return ProblemAnswers.inPackageOf(controller, WorklistProblems.class);
  }

  @ExceptionHandler(WorklistRequestException.class)
  ProblemDetail refused(WorklistRequestException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    p.setTitle(status == HttpStatus.FORBIDDEN ? "无权查看" : "请求参数有误");
    return p;
  }
}
