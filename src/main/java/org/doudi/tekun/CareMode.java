package org.doudi.tekun;

/** 供养方式. Stored by name. */
public enum CareMode {
  /** 分散供养: at home, under a three-party care agreement (person, caregiver or service organisation, township). */
  DISPERSED("分散供养"),
  /** 集中供养: in a care institution (供养服务机构), 完全丧失 people placed first. */
  CENTRALISED("集中供养");

  private final String label;

  CareMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
