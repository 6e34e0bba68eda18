package org.doudi.identity.web;

import org.doudi.identity.InitialPasswords.PasswordChangeRefused;
import org.doudi.identity.StaffImport.ImportRefused;
import org.doudi.platform.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refusals of the identity endpoints (staff import, password change); this package only. */
@Component
class IdentityProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return ProblemAnswers.inPackageOf(controller, IdentityProblems.class);
  }

  /** 422 like the bank's result files: the file is well-formed as a request, its rows are not. */
  @ExceptionHandler(ImportRefused.class)
  ResponseEntity<ProblemDetail> importRefused(ImportRefused e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    p.setTitle("人员导入被拒绝");
    p.setProperty("message", e.getMessage());
    p.setProperty("errors", e.problems());
    return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  @ExceptionHandler(PasswordChangeRefused.class)
  ResponseEntity<ProblemDetail> passwordRefused(PasswordChangeRefused e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("密码未修改");
    p.setProperty("message", e.getMessage());
    p.setProperty("errors", e.reasons());
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
