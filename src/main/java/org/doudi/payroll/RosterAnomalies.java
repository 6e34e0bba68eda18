package org.doudi.payroll;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the county reviewer checks before approving a roster, beyond the totals: the run's regular payroll (its
 * batch's rows, not cancelled) against the province's awards in force and last month's payroll. {@code counts} per
 * kind and {@code total} cover every anomaly; {@code items} is the page asked for ({@code offset}, at most the limit
 * asked), ordered by kind (as {@link Kind} lists them), then by ID number, account or beneficiary.
 * {@code changeShare}: the threshold of {@link Kind#AMOUNT_CHANGE} (doudi.payroll.anomaly-change-share).
 */
public record RosterAnomalies(BigDecimal changeShare, int total, Map<Kind, Integer> counts, int offset,
    List<Anomaly> items) {

  public enum Kind {
    /** One ID number (the payee's) in two or more active awards, in any county of the province, any scheme. */
    DUPLICATE_ID("同一身份证号有两份以上有效待遇"),
    /** One bank account in the active awards of different beneficiaries (households), in any county. */
    SHARED_ACCOUNT("同一银行账户由不同家庭共用"),
    /** This month's amount differs from last month's by more than the share. */
    AMOUNT_CHANGE("金额较上月变化过大");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One anomaly: a Chinese description, the beneficiaries concerned and their monthly amounts (same order; for
   * AMOUNT_CHANGE one beneficiary with last month's and this month's amount). {@code more}: further beneficiaries
   * of the same ID number or account not listed (at most 10 are).
   */
  public record Anomaly(Kind kind, String description, List<String> beneficiaryKeys, List<BigDecimal> amounts,
      int more) {}

  /** The counts and the listed anomalies as text for the task form of run {@code runId}. */
  public String text(long runId) {
    if (total == 0) {
      return "未发现异常";
    }
    StringBuilder b = new StringBuilder();
    counts.forEach((k, n) -> {
      if (n > 0) {
        b.append(b.length() == 0 ? "" : "；").append(k.label()).append(' ').append(n).append(" 项");
      }
    });
    b.append('\n');
    for (Anomaly a : items) {
      if (b.length() > 3500) {
        b.append("……");
        break;
      }
      b.append(a.description()).append('\n');
    }
    if (items.size() < total) {
      b.append("（共 ").append(total).append(" 项，此处列出前 ").append(items.size())
          .append(" 项；全部异常见 GET /api/payroll/runs/").append(runId)
          .append("/anomalies）");
    }
    return b.toString().strip();
  }
}
