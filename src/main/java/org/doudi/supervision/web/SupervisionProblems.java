package org.doudi.supervision.web;

import org.doudi.platform.ProblemAnswers;
import org.springframework.stereotype.Component;
import org.doudi.supervision.MonitorRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refusals of the supervision endpoints as problem+json with a Chinese detail; limited to this package. */
@Component
class SupervisionProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return ProblemAnswers.inPackageOf(controller, SupervisionProblems.class);
  }

  @ExceptionHandler(MonitorRequestException.class)
  ProblemDetail refused(MonitorRequestException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    p.setTitle(status == HttpStatus.FORBIDDEN ? "无权查看" : "请求参数有误");
    return p;
  }
}
