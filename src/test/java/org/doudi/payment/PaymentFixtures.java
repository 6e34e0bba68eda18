package org.doudi.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Valid payment requests in the demo region 南岭街道 (220102001) of 南关区. */
public final class PaymentFixtures {

  public static final String COUNTY = "220102";
  public static final String TOWNSHIP = "220102001";
  public static final String PERSON = "220102199001011234";

  private PaymentFixtures() {}

  public static Payee payee(String beneficiaryKey) {
    return new Payee(beneficiaryKey, "张三", PERSON, "吉林银行长春南关支行", "6222000011112222333");
  }

  public static PaymentRequest bank(String key, String amount) {
    return new PaymentRequest(key, Scheme.TEMPORARY_EXPENDITURE, "case-" + key, payee("P-" + PERSON), COUNTY, TOWNSHIP,
        LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), new BigDecimal(amount), Channel.BANK, null, "测试");
  }

  public static PaymentRequest reserveFund(String key, String amount) {
    return new PaymentRequest(key, Scheme.TEMPORARY_EMERGENCY, "case-" + key, new Payee("P-" + PERSON, "张三", PERSON,
        null, null), COUNTY, TOWNSHIP, LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 28), new BigDecimal(amount),
        Channel.RESERVE_FUND, null, "备用金");
  }
}
