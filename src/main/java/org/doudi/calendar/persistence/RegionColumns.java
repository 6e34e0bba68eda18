package org.doudi.calendar.persistence;

/**
 * The padded city (220100), county (220102) and township (220102001) codes of a 6-, 9- or 12-digit region code,
 * each {@code null} when the region lies above that level or the code is not one of those forms.
 */
public record RegionColumns(String cityCode, String countyCode, String townshipCode) {

  static final RegionColumns NONE = new RegionColumns(null, null, null);

  public static RegionColumns of(String regionCode) {
    if (regionCode == null) {
      return NONE;
    }
    String c = regionCode.trim();
    if (!c.matches("\\d{6}|\\d{9}|\\d{12}")) {
      return NONE;
    }
    String county = c.substring(0, 6);
    String city = county.substring(4).equals("00") && county.substring(2, 4).equals("00") ? null
        : county.substring(0, 4) + "00";
    boolean countyLevel = !county.endsWith("00");
    String township = c.length() >= 9 && !c.substring(6, 9).equals("000") ? c.substring(0, 9) : null;
    return new RegionColumns(city, countyLevel ? county : null, countyLevel ? township : null);
  }
}
