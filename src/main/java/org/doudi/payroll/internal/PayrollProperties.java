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
