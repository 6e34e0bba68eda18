package org.doudi.region;

/** A region code that is not in the hierarchy. */
public class UnknownRegionException extends RuntimeException {
  private final String code;

  public UnknownRegionException(String code) {
    super("未知的行政区划代码: " + code);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
