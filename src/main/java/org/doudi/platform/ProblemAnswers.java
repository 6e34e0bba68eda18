package org.doudi.platform;

/**
 * A module's answers to the exceptions of its endpoints, for the application's one {@code @RestControllerAdvice}
 * (docs/architecture.md, "Errors"). An implementation is a Spring bean with {@code @ExceptionHandler} methods, each
 * taking the exception and returning a {@code ProblemDetail} or a {@code ResponseEntity}, exactly as they would in an
 * advice of their own; the advice picks the closest handler among the answers that cover the failing controller.
 * A new module adds one such bean instead of an advice.
 */
public interface ProblemAnswers {

  /** Whether these answers apply to exceptions of this controller class (e.g. a package or a list of classes). */
  boolean covers(Class<?> controller);

  /** For answers covering every controller of a package and its sub-packages. */
  static boolean inPackageOf(Class<?> controller, Class<?> marker) {
    String p = marker.getPackageName();
    return controller != null
        && (controller.getPackageName().equals(p) || controller.getPackageName().startsWith(p + "."));
  }
}
