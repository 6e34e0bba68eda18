package org.doudi.region.web;

import org.doudi.platform.ProblemAnswers;
import java.util.Map;
import org.doudi.region.RegionImportException;
import org.doudi.region.UnknownRegionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The problem answers of {@link RegionController}'s endpoints, for the application's one advice
 * (platform.internal.ProblemAdvice). They cover that controller and the import's, as when they were their own
 * {@code @ExceptionHandler} methods.
 */
@Component
class RegionProblems implements ProblemAnswers {

  @Override
  public boolean covers(Class<?> controller) {
    return controller != null && (RegionController.class.isAssignableFrom(controller)
        || RegionImportController.class.isAssignableFrom(controller));
  }

  @ExceptionHandler(UnknownRegionException.class)
  ProblemDetail unknown(UnknownRegionException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /** A refused file: 400 with every bad line, {@code errors} = [{line, reason}] (line 0: the file as a whole). */
  @ExceptionHandler(RegionImportException.class)
  ProblemDetail refused(RegionImportException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("行政区划文件有误");
    p.setProperty("errors", e.badLines().stream()
        .map(b -> Map.of("line", b.line(), "reason", b.reason())).toList());
    return p;
  }
}
