package org.doudi.citizen.internal;

import org.springframework.http.HttpStatus;

/** A refused citizen request: its status and the Chinese message the page shows. */
public class CitizenRefusal extends RuntimeException {

  private final HttpStatus status;

  public CitizenRefusal(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /** The same answer for a case that does not exist and one of another person. */
  public static CitizenRefusal notYours() {
    return new CitizenRefusal(HttpStatus.NOT_FOUND, "未找到该案件或材料，或不属于您本人");
  }
}
