package org.doudi.payment;

/** What a payment is for; names are stored in the ledger. */
public enum Scheme {
  DIBAO("最低生活保障金"),
  TEKUN("特困人员救助供养金"),
  TEMPORARY_EMERGENCY("急难型临时救助"),
  TEMPORARY_EXPENDITURE("支出型临时救助"),
  UNEMPLOYED("未参保失业人员一次性临时救助金"),
  FESTIVAL_SUBSIDY("春节一次性生活补贴"),
  HEATING_SUBSIDY("冬季取暖补贴"),
  PRICE_SUBSIDY("价格临时补贴"),
  /** 残疾人两项补贴 (module disability): monthly per person, held alongside 低保; not a basic-living benefit. */
  DISABLED_LIVING("困难残疾人生活补贴"),
  SEVERE_DISABILITY_CARE("重度残疾人护理补贴"),
  /** 孤儿、事实无人抚养儿童基本生活费 (module child): monthly per child, instead of 特困 or 低保 (the register holds it). */
  CHILD_SUBSIDY("儿童基本生活费");

  private final String label;

  Scheme(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Paid to a person beside the household's basic-living benefit (the two disability subsidies, docs/disability.md):
   * the same person or account in another award of the month is expected there, not a roster anomaly.
   */
  public boolean alongsideBasicLiving() {
    return this == DISABLED_LIVING || this == SEVERE_DISABILITY_CARE;
  }

  /**
   * Stopped from the month after a decision of its own module, without an exit decision (返贫风险评估 and 渐退期 are
   * the 低保/特困 exit's): the disability subsidies and the children's subsidy.
   */
  public boolean stopsWithoutExit() {
    return alongsideBasicLiving() || this == CHILD_SUBSIDY;
  }
}
