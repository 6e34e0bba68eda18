package org.doudi.calendar.web;

import org.doudi.platform.ProblemAnswers;
import org.springframework.stereotype.Component;
import java.util.NoSuchElementException;
import org.doudi.calendar.CalendarDataException;
import org.doudi.calendar.CaseClockException;
import org.doudi.calendar.YearNotLoadedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors of the calendar endpoints as RFC 9457 problem details; limited to this package. */
@Component
class CalendarProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return ProblemAnswers.inPackageOf(controller, CalendarProblems.class);
  }

  @ExceptionHandler(CalendarDataException.class)
  ProblemDetail badInput(CalendarDataException e) {
    return problem(HttpStatus.BAD_REQUEST, "工作日历请求有误", e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "工作日历请求有误", "请求内容不是有效的JSON");
  }

  @ExceptionHandler(YearNotLoadedException.class)
  ProblemDetail missingYear(YearNotLoadedException e) {
    ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "该年度节假日安排尚未载入", e.getMessage());
    p.setProperty("missingYear", e.getYear());
    return p;
  }

  @ExceptionHandler(CaseClockException.class)
  ProblemDetail clockState(CaseClockException e) {
    return problem(HttpStatus.CONFLICT, "无法中止或恢复计时", e.getMessage());
  }

  @ExceptionHandler(NoSuchElementException.class)
  ProblemDetail notFound(NoSuchElementException e) {
    return problem(HttpStatus.NOT_FOUND, "对象不存在", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    return p;
  }
}
