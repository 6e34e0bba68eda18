package org.doudi.eligibility;

import java.time.LocalDate;

/** No standard is recorded for the county and urban/rural type on the date (the API answers 422). */
public class StandardNotFoundException extends RuntimeException {

  private final String countyCode;
  private final String urbanRural;
  private final LocalDate date;

  public StandardNotFoundException(String countyCode, String urbanRural, LocalDate date) {
    super("县级区划 " + countyCode + " 在 " + date + " 没有有效的" + ("URBAN".equals(urbanRural) ? "城市" : "农村")
        + "低保标准，请管理员先录入当地标准");
    this.countyCode = countyCode;
    this.urbanRural = urbanRural;
    this.date = date;
  }

  public String countyCode() {
    return countyCode;
  }

  public String urbanRural() {
    return urbanRural;
  }

  public LocalDate date() {
    return date;
  }
}
