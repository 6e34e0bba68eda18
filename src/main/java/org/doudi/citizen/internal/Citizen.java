package org.doudi.citizen.internal;

/** Who a citizen session belongs to: the ID number and the phone the code was sent to. */
public record Citizen(String idNumber, String phone) {

  /** The actor name in audit entries and case records: the ID number masked, never a staff account's name. */
  public String actor() {
    return "citizen:" + idNumber.substring(0, 6) + "********" + idNumber.substring(14);
  }
}
