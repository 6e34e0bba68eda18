package org.doudi.document.web;

import org.doudi.document.DocumentNotFoundException;
import org.doudi.document.DocumentRejectedException;
import org.doudi.document.Documents;
import org.doudi.platform.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The problem answers of {@link DocumentController}'s endpoints, for the application's one advice
 * (platform.internal.ProblemAdvice). They cover that controller only, as when they were its own
 * {@code @ExceptionHandler} methods.
 */
@Component
class DocumentProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && DocumentController.class.isAssignableFrom(controller);
  }

  private final Documents documents;

  DocumentProblems(Documents documents) {
    this.documents = documents;
  }

  @ExceptionHandler(DocumentController.CaseNotFound.class)
  ProblemDetail noCase(DocumentController.CaseNotFound e) {
    return problem(HttpStatus.NOT_FOUND, "案件不存在，或不是按地区办理的案件");
  }

  @ExceptionHandler(DocumentNotFoundException.class)
  ProblemDetail noDocument(DocumentNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
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
    return problem(HttpStatus.BAD_REQUEST, "没有收到文件，请选择要上传的扫描件");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String message) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, message);
    p.setProperty("message", message);
    return p;
  }
}
