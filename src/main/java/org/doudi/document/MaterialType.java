package org.doudi.document;

/**
 * The kinds of material on the 受理 checklist (最低生活保障审核确认办法 第10条), plus anything else, plus the notices the
 * system issues.
 */
public enum MaterialType {
  IDENTITY("身份证、户口簿等身份证明", "materialIdentity"),
  INCOME("家庭收入情况证明", "materialIncome"),
  ASSETS("家庭财产情况证明", "materialAssets"),
  AUTHORISATION("家庭经济状况核对授权书", "materialAuthorisation"),
  PLEDGE("申请材料真实性承诺书", "materialPledge"),
  DISABILITY_PROOF("残疾人证、重病诊断证明等", "materialDisabilityProof"),
  OTHER("其他材料", null),
  /** A notice the system issued for the case (module {@code notice}, docs/notices.md); never uploaded by hand. */
  NOTICE("通知书", null);

  private final String label;
  private final String checklistField;

  MaterialType(String label, String checklistField) {
    this.label = label;
    this.checklistField = checklistField;
  }

  public String label() {
    return label;
  }

  /** The 受理 form's checkbox this material backs ({@code materialIdentity}, …); null for {@link #OTHER}, {@link #NOTICE}. */
  public String checklistField() {
    return checklistField;
  }

  /** The type whose checklist field is {@code field}, or null. */
  public static MaterialType ofChecklistField(String field) {
    for (MaterialType t : values()) {
      if (field != null && field.equals(t.checklistField)) {
        return t;
      }
    }
    return null;
  }
}
