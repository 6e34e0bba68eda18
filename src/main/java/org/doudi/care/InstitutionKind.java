package org.doudi.care;

/** Kinds of care institution. Stored by name. */
public enum InstitutionKind {
  /** 供养服务机构 (敬老院、养老服务机构、区域性福利中心). */
  ELDERLY("供养服务机构"),
  /** 儿童福利机构: 特困 people under 18 who need centralised care are placed here (notice 二(三)). */
  CHILD_WELFARE("儿童福利机构");

  private final String label;

  InstitutionKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
