package org.doudi.household;

/** Where a stored application stands; the process sets it through {@link Households#updateStatus}. */
public enum ApplicationStatus {
  /** Stored, no process attached yet. */
  REGISTERED("已登记"),
  /** A process instance handles it. */
  IN_PROCESS("办理中"),
  APPROVED("已确认同意"),
  REJECTED("不予确认同意"),
  WITHDRAWN("已撤回"),
  /** Missing materials not supplied in time (申请失效). */
  LAPSED("已失效"),
  /** Review terminated, e.g. for non-cooperation. */
  TERMINATED("已终止");

  private final String label;

  ApplicationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
