package org.doudi.document;

/**
 * The kinds of material a case's files are (the items of the 受理 checklists of 低保, 特困 and 支出型临时救助, see
 * {@link MaterialChecklist}), plus anything else, plus the notices the system issues. Stored by name in
 * {@code case_document.material_type} (no constraint: a new kind needs no migration).
 */
public enum MaterialType {
  APPLICATION("救助申请书"),
  IDENTITY("身份证、户口簿等身份证明"),
  INCOME("家庭收入情况证明"),
  ASSETS("家庭财产情况证明"),
  AUTHORISATION("家庭经济状况核对授权书"),
  PLEDGE("申请材料真实性承诺书"),
  DISABILITY_PROOF("残疾人证、重病诊断证明等"),
  SUPPORTER_STATEMENT("法定赡养、抚养、扶养义务人情况说明"),
  GUARDIANSHIP_PROOF("监护关系证明"),
  EXPENSE_PROOF("医疗、教育等刚性支出票据或证明"),
  OTHER("其他材料"),
  /** A notice the system issued for the case (module {@code notice}, docs/notices.md); never uploaded by hand. */
  NOTICE("通知书");

  private final String label;

  MaterialType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
