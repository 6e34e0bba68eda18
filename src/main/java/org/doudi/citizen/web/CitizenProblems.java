package org.doudi.citizen.web;

import org.doudi.citizen.CodeSender;
import org.doudi.citizen.internal.CitizenRefusal;
import org.doudi.document.DocumentRejectedException;
import org.doudi.document.Documents;
import org.doudi.household.ApplicationProblems;
import org.doudi.household.InvalidApplicationException;
import org.doudi.platform.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** The Chinese answers of {@link CitizenController}'s endpoints, for the application's one advice. */
@Component
class CitizenProblems implements ProblemAnswers {

  private final Documents documents;

  CitizenProblems(Documents documents) {
    this.documents = documents;
  }

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && CitizenController.class.isAssignableFrom(controller);
  }

  @ExceptionHandler(CitizenRefusal.class)
  ProblemDetail refused(CitizenRefusal e) {
    return problem(e.status(), e.getMessage());
  }

  @ExceptionHandler(InvalidApplicationException.class)
  ProblemDetail invalid(InvalidApplicationException e) {
    ProblemDetail p = ApplicationProblems.of(e);
    p.setProperty("message", p.getDetail());
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    ProblemDetail p = ApplicationProblems.of(e);
    p.setProperty("message", p.getDetail());
    return p;
  }

  @ExceptionHandler(DocumentRejectedException.class)
  ProblemDetail rejected(DocumentRejectedException e) {
    return problem(e.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大，每个文件最大" + documents.maxSize() / 1_000_000 + "MB");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ProblemDetail missingPart(MissingServletRequestPartException e) {
    return problem(HttpStatus.BAD_REQUEST, "没有收到文件，请选择要上传的照片或PDF文件");
  }

  @ExceptionHandler(CodeSender.SendFailedException.class)
  ProblemDetail sendFailed(CodeSender.SendFailedException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "短信暂时无法发送，请稍后再试");
  }

  private static ProblemDetail problem(HttpStatus status, String message) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, message);
    p.setProperty("message", message);
    return p;
  }
}
