package org.doudi.notice;

/**
 * The notices the system issues, each with its template ({@code notices/<template>.txt}) and the start of its file
 * name. Which rule asks for each: docs/notices.md.
 */
public enum NoticeKind {
  DIBAO_ACCEPTED("dibao-accepted", "受理通知书"),
  DIBAO_MISSING_MATERIALS("dibao-missing-materials", "一次性告知书"),
  DIBAO_NOT_ACCEPTED("dibao-not-accepted", "不予受理通知书"),
  DIBAO_REFUSED("dibao-refused", "不予确认同意通知书"),
  DIBAO_APPROVED("dibao-approved", "最低生活保障确认通知书"),
  DIBAO_PUBLIC_NOTICE("dibao-public-notice", "最低生活保障公示"),
  TEMPORARY_NOT_ACCEPTED("temporary-not-accepted", "临时救助不予受理通知书"),
  TEMPORARY_REFUSED("temporary-refused", "不予临时救助通知书"),
  TEMPORARY_APPROVED("temporary-approved", "临时救助决定通知书"),
  UNEMPLOYED_REFUSED("unemployed-refused", "不予救助告知书"),
  TEKUN_REFUSED("tekun-refused", "不予认定特困人员通知书"),
  RECOVERY("recovery", "追回救助资金通知书");

  private final String template;
  private final String title;

  NoticeKind(String template, String title) {
    this.template = template;
    this.title = title;
  }

  /** The template's name: {@code notices/<template>.txt}. */
  public String template() {
    return template;
  }

  /** The notice's name in Chinese, the start of its file name. */
  public String title() {
    return title;
  }
}
