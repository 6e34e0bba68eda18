package org.doudi.watch;

/** The triggers of the watch list (watch_alert.rule_code); each raises one township task per subject and event. */
public enum AlertRule {
  SECOND_TEMPORARY("12个月内第二次获得临时救助"),
  MEDICAL_EXPENSE("大额医疗支出"),
  PAYMENT_RETURNED("救助金被银行退回"),
  HARDSHIP_REPORT("主动发现困难群众（列入关注名单后回访）"),
  ASSIST_APPLICATION("主动发现困难群众（协助申请救助）"),
  DEATH("家庭成员死亡"),
  MISSED_RECHECK("未获救助对象定期复核（防止漏保）");

  private final String label;

  AlertRule(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
