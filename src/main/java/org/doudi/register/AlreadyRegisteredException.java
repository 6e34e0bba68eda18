package org.doudi.register;

/**
 * A person named in an application or award already holds, or is applying for, a basic-living benefit elsewhere in
 * the province (answered 409 with where, which case and since when).
 */
public class AlreadyRegisteredException extends RuntimeException {

  private final transient Holding holding;

  public AlreadyRegisteredException(String message, Holding holding) {
    super(message);
    this.holding = holding;
  }

  /** The existing place of the person; null when a concurrent request took it and it is not yet readable. */
  public Holding holding() {
    return holding;
  }
}
