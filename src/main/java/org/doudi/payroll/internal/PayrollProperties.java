package org.doudi.payroll.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code doudi.payroll.*}: pay day, lead time, the bank's name and file format. See docs/payroll.md. */
@Component
@ConfigurationProperties(prefix = "doudi.payroll")
public class PayrollProperties {

  /** Day of the month benefits reach the accounts (moved back to the previous working day). */
  private int payDay = 5;
  /** Working days before the pay day that the run starts (roster, approval and bank processing). */
  private int leadWorkingDays = 3;
  private final Bank bank = new Bank();
  private final Exit exit = new Exit();

  /** {@code doudi.payroll.exit.*}: 退出与渐退 (docs/payroll.md). */
  public static class Exit {
    /** The most 渐退 months the rules allow (最低生活保障审核确认办法 第33条: 原则上不超过6个月). */
    public static final int MAX_PHASE_OUT_MONTHS = 6;

    /**
     * Months an award stopped because employment lifted the income above the standard is still paid, unchanged,
     * after the decision month (1..6). The Jilin notice (吉民发〔2020〕40号) sets no figure; 3 is a default.
     */
    private int phaseOutMonths = 3;
    /** Working days after the decision within which the household may object to the county (named in the notice). */
    private int objectionWorkingDays = 15;
    /** Working days the county has to decide an objection. */
    private int objectionDecisionWorkingDays = 15;

    public int getPhaseOutMonths() {
      return phaseOutMonths;
    }

    public void setPhaseOutMonths(int phaseOutMonths) {
      if (phaseOutMonths < 1 || phaseOutMonths > MAX_PHASE_OUT_MONTHS) {
        throw new IllegalArgumentException("doudi.payroll.exit.phase-out-months 应为1至" + MAX_PHASE_OUT_MONTHS
            + "（渐退期原则上不超过6个月），不是" + phaseOutMonths);
      }
      this.phaseOutMonths = phaseOutMonths;
    }

    public int getObjectionWorkingDays() {
      return objectionWorkingDays;
    }

    public void setObjectionWorkingDays(int objectionWorkingDays) {
      if (objectionWorkingDays < 1 || objectionWorkingDays > 60) {
        throw new IllegalArgumentException("doudi.payroll.exit.objection-working-days 应为1至60");
      }
      this.objectionWorkingDays = objectionWorkingDays;
    }

    public int getObjectionDecisionWorkingDays() {
      return objectionDecisionWorkingDays;
    }

    public void setObjectionDecisionWorkingDays(int days) {
      if (days < 1 || days > 15) {
        throw new IllegalArgumentException("doudi.payroll.exit.objection-decision-working-days 应为1至15");
      }
      this.objectionDecisionWorkingDays = days;
    }
  }

  public Exit getExit() {
    return exit;
  }

  public static class Bank {
    /** The character sets docs/payroll.md allows. */
    public static final java.util.List<String> CHARSETS = java.util.List.of("UTF-8", "GBK", "GB18030");

    /** The bank that pays (printed in each file's header). */
    private String name = "代发银行";
    /** File layout: DOUDI-CSV-1 or BANK-TXT-1 ({@link BankLayout}, docs/payroll.md). */
    private String format = "DOUDI-CSV-1";
    /**
     * Character set of disbursement and result files, as the bank requires: one of {@link #CHARSETS}, which all write
     * the layouts' separators, digits and line ends as single ASCII bytes.
     */
    private String charset = "UTF-8";

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getFormat() {
      return format;
    }

    public void setFormat(String format) {
      BankLayout.of(format); // an unknown layout stops the start, not the first payroll
      this.format = format;
    }

    public String getCharset() {
      return charset;
    }

    public void setCharset(String charset) {
      String name = CHARSETS.stream().filter(c -> c.equalsIgnoreCase(charset)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("不支持的银行文件字符集：" + charset + "（可选：" + String.join("、", CHARSETS) + "）"));
      this.charset = name; // the same
    }
  }

  public int getPayDay() {
    return payDay;
  }

  public void setPayDay(int payDay) {
    if (payDay < 1 || payDay > 28) {
      throw new IllegalArgumentException("doudi.payroll.pay-day must be 1..28");
    }
    this.payDay = payDay;
  }

  public int getLeadWorkingDays() {
    return leadWorkingDays;
  }

  public void setLeadWorkingDays(int leadWorkingDays) {
    this.leadWorkingDays = leadWorkingDays;
  }

  public Bank getBank() {
    return bank;
  }
}
