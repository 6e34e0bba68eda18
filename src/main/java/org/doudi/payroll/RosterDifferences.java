package org.doudi.payroll;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the county reviewer compares: this month's roster against last month's payroll (regular payroll rows only):
 * beneficiaries new this month, no longer paid (stopped), and paid a different amount.
 */
public record RosterDifferences(int count, BigDecimal total, int lastMonthCount, BigDecimal lastMonthTotal,
    int newCount, int stoppedCount, int changedCount, List<Line> lines) {

  /** One difference (the first 200 are listed): kind NEW, STOPPED or CHANGED; amounts null where absent. */
  public record Line(String kind, String beneficiaryKey, String scheme, String payeeName, BigDecimal before,
      BigDecimal after) {}

  /** A few lines of Chinese text for the task form. */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (Line l : lines) {
      if (b.length() > 3500) {
        b.append("……");
        break;
      }
      String kind = switch (l.kind()) {
        case "NEW" -> "新增";
        case "STOPPED" -> "停发";
        default -> "金额变化";
      };
      b.append(kind).append("：").append(l.payeeName()).append("（").append(l.beneficiaryKey()).append("，")
          .append(l.scheme()).append("）").append(l.before() == null ? "" : " 上月" + l.before() + "元")
          .append(l.after() == null ? "" : " 本月" + l.after() + "元").append('\n');
    }
    return b.length() == 0 ? "与上月相比无变化" : b.toString().strip();
  }
}
