package org.doudi.watch;

/**
 * How an alert is closed (watch_alert.reason_code): HELP_STARTED and STILL_WATCHED confirm the alert (the hardship is
 * real), the others dismiss it. Counted per rule so analysts can tune the triggers.
 */
public enum CloseReason {
  HELP_STARTED("已启动救助（已协助申请）", true),
  STILL_WATCHED("困难属实，继续关注", true),
  NO_NEED("经核实不需要救助", false),
  MOVED("已迁出本辖区", false),
  DECEASED("当事人已死亡", false),
  DUPLICATE("重复预警", false),
  OTHER("其他（须说明）", false);

  private final String label;
  private final boolean confirms;

  CloseReason(String label, boolean confirms) {
    this.label = label;
    this.confirms = confirms;
  }

  public String label() {
    return label;
  }

  public boolean confirms() {
    return confirms;
  }
}
