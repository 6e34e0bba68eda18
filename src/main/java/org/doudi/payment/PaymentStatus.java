package org.doudi.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment stands. CREATED awaits approval (payroll rows); APPROVED may be sent; SENT is in a bank file;
 * PAID and RETURNED are the bank's answer; a returned payment is re-issued as a new row, never revived.
 */
public enum PaymentStatus {
  CREATED, APPROVED, SENT, PAID, RETURNED, CANCELLED;

  /** The statuses this one may change to. RESERVE_FUND payments go from APPROVED straight to PAID. */
  public Set<PaymentStatus> next() {
    return switch (this) {
      case CREATED -> EnumSet.of(APPROVED, CANCELLED);
      case APPROVED -> EnumSet.of(SENT, PAID, CANCELLED);
      case SENT -> EnumSet.of(PAID, RETURNED);
      case PAID, RETURNED, CANCELLED -> EnumSet.noneOf(PaymentStatus.class);
    };
  }

  public String label() {
    return switch (this) {
      case CREATED -> "待审批";
      case APPROVED -> "已审批";
      case SENT -> "已送银行";
      case PAID -> "已发放";
      case RETURNED -> "银行退回";
      case CANCELLED -> "已取消";
    };
  }
}
