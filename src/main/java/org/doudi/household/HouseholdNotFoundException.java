package org.doudi.household;

/** No stored application with this id (or no such member in it). */
public class HouseholdNotFoundException extends RuntimeException {

  public HouseholdNotFoundException(String message) {
    super(message);
  }

  public HouseholdNotFoundException(long id) {
    this("没有编号为 " + id + " 的低保申请");
  }
}
