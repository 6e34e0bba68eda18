package org.doudi.disability;

import org.doudi.payment.Scheme;

/** The two subsidies (残疾人两项补贴) and the payment scheme each is paid under. */
public enum SubsidyKind {
  /** 困难残疾人生活补贴: disabled members of 低保 and 低收入 households. */
  LIVING(Scheme.DISABLED_LIVING),
  /** 重度残疾人护理补贴: grades 1–2, and grades 3–4 intellectual or mental disability. */
  CARE(Scheme.SEVERE_DISABILITY_CARE);

  private final Scheme scheme;

  SubsidyKind(Scheme scheme) {
    this.scheme = scheme;
  }

  public Scheme scheme() {
    return scheme;
  }

  public String label() {
    return scheme.label();
  }

  /** The award's beneficiary key: the person ({@code P-<idNumber>}), one award per person and subsidy. */
  public static String beneficiaryKey(String idNumber) {
    return "P-" + idNumber;
  }
}
