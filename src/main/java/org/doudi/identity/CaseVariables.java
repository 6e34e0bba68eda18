package org.doudi.identity;

/** Process variables that every case carries, whatever its scheme. */
public final class CaseVariables {

  private CaseVariables() {}

  /** Code of the region the case belongs to (the household's village/community or township). */
  public static final String REGION_CODE = "regionCode";
}
