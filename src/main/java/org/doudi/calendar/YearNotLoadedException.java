package org.doudi.calendar;

/** A strict calculation needed a year whose holiday notice has not been loaded. */
public class YearNotLoadedException extends RuntimeException {

  private final int year;

  public YearNotLoadedException(int year) {
    super("No holiday calendar is loaded for year " + year
        + "; an administrator must load the State Council notice for " + year);
    this.year = year;
  }

  public int getYear() {
    return year;
  }
}
