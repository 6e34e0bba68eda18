package org.doudi.casefile.web;

import org.doudi.casefile.CaseFileException;
import org.doudi.platform.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.stereotype.Component;

/** Refusals of the case overview as problem+json with a Chinese detail (answers of the one advice, this package). */
@Component
class CaseFileProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return ProblemAnswers.inPackageOf(controller, CaseFileProblems.class);
  }

  @ExceptionHandler(CaseFileException.class)
  ProblemDetail refused(CaseFileException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    p.setTitle(switch (status) {
      case FORBIDDEN -> "无权查看";
      case NOT_FOUND -> "未找到";
      default -> "请求参数有误";
    });
    return p;
  }
}
