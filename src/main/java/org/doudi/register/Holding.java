package org.doudi.register;

import java.time.Instant;

/**
 * A person's place in the register: in which benefit (scheme), which household or case holds them ({@code holderKey},
 * e.g. {@code HH-<applicationId>}), where, in which state and since when.
 */
public record Holding(String idNumber, String personName, String scheme, String holderKey, String caseRef,
    String countyCode, String regionCode, Status status, Instant since) {

  /** APPLYING 申请办理中; APPROVED 已决定救助、尚未发放; ACTIVE 正在享受. */
  public enum Status {
    APPLYING("申请办理中"), APPROVED("已决定救助、尚未发放"), ACTIVE("正在享受");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public String schemeLabel() {
    return switch (scheme) {
      case "DIBAO" -> "最低生活保障";
      case "TEKUN" -> "特困人员救助供养";
      case "CHILD_SUBSIDY" -> "儿童基本生活费";
      default -> scheme;
    };
  }
}
