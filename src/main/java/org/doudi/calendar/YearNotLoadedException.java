package org.doudi.calendar;

/** A strict calculation needed a year whose holiday notice has not been loaded. */
public class YearNotLoadedException extends RuntimeException {

  private final int year;

  public YearNotLoadedException(int year) {
    super("尚未载入" + year + "年的节假日安排，请管理员载入国务院办公厅关于" + year
        + "年部分节假日安排的通知");
    this.year = year;
  }

  public int getYear() {
    return year;
  }
}
