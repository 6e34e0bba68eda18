package org.doudi.supervision.web;

import org.doudi.supervision.MonitorRequestException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the supervision endpoints as problem+json with a Chinese detail; limited to this package. */
@RestControllerAdvice(basePackageClasses = SupervisionExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SupervisionExceptionHandler {

  @ExceptionHandler(MonitorRequestException.class)
  ProblemDetail refused(MonitorRequestException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    p.setTitle(status == HttpStatus.FORBIDDEN ? "无权查看" : "请求参数有误");
    return p;
  }
}
