package org.doudi.unemployed.internal;

import org.doudi.engine.EngineContext;
import org.doudi.identity.CaseVariables;
import org.doudi.notice.NoticeKind;
import org.doudi.notice.NoticeRequest;
import org.doudi.notice.Notices;

import static org.doudi.unemployed.UnemployedVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.engine.ProcessBean;
import org.doudi.unemployed.persistence.UnemployedRepository;

/**
 * The case's written records, called by the model's delegates ({@link UnemployedDelegates}) and, in versions of the
 * model deployed before them, by expression: {@code ${unemployedRecords.refuse(execution, 'UNTRUE')}},
 * {@code ${unemployedRecords.overdue(execution, 'INVESTIGATION')}}, {@code ${unemployedRecords.archive(execution)}}.
 */
@ProcessBean("unemployedRecords")
public class UnemployedRecords {

  private final UnemployedRepository repository;
  private final Notices notices;

  public UnemployedRecords(UnemployedRepository repository, Notices notices) {
    this.repository = repository;
    this.notices = notices;
  }

  /**
   * The written notice to the applicant that no assistance is granted, with the reasons (情况不属实的书面告知不予救助理由):
   * INELIGIBLE (认定条件), UNTRUE (村（社区）调查), REJECTED (乡镇复核), DUPLICATE (全省已领取).
   */
  public void refuse(DelegateExecution execution, String why) {
    long id = Cases.applicationId(execution);
    String name = Cases.string(execution, APPLICANT_NAME);
    String reasons = switch (why) {
      case "INELIGIBLE" -> Cases.string(execution, ELIGIBILITY_REASONS);
      case "UNTRUE" -> "经村（社区）调查核实，申请人遭遇困难情况不属实：" + Cases.string(execution, UNTRUE_REASONS);
      case "REJECTED" -> "经乡镇（街道）复核不予救助：" + Cases.string(execution, REVIEW_REASONS);
      case "DUPLICATE" -> Cases.string(execution, DUPLICATE_MESSAGE) + "。" + Cases.string(execution, DUPLICATE_NOTE);
      default -> throw new IllegalArgumentException("unknown refusal " + why);
    };
    String kind = switch (why) {
      case "INELIGIBLE" -> "INELIGIBLE_NOTICE";
      case "UNTRUE" -> "UNTRUE_NOTICE";
      case "DUPLICATE" -> "DUPLICATE_NOTICE";
      default -> "REJECTION_NOTICE";
    };
    repository.insertRecord(id, execution.getProcessInstanceId(), kind, Cases.clip("不予临时救助告知书：" + name
        + "申请的未参保失业人员一次性临时救助不予救助。理由：" + reasons + "。如不服，可以自收到告知书之日起60日内申请行政复议，"
        + "或者6个月内提起行政诉讼（书面告知书见申请材料）。", 4000),
        null, Clock.currentUser(), Clock.now());
    // the written 不予救助告知书 as a document of the case, with the reasons and the remedies (docs/notices.md)
    Object accepted = execution.getVariable(ACCEPTED_AT);
    java.time.LocalDate appliedOn = accepted instanceof java.util.Date d
        ? d.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate() : EngineContext.today();
    String user = Clock.currentUser();
    notices.issue(NoticeRequest.of(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
            Cases.string(execution, CaseVariables.REGION_CODE), NoticeKind.UNEMPLOYED_REFUSED, why,
            user == null ? Notices.SYSTEM : user)
        .with("applicantName", name).with("appliedOn", Notices.date(appliedOn))
        .with(Notices.DECIDING_LEVEL, "TOWNSHIP")
        .with("decidedOn", Notices.date(EngineContext.today()))
        .with("stageLabel", switch (why) {
          case "INELIGIBLE" -> "认定条件审查和信息核对";
          case "UNTRUE" -> "村（社区）调查核实";
          case "REJECTED" -> "乡镇（街道）复核";
          default -> "全省查重";
        })
        .with("reasons", java.util.Arrays.stream(reasons.split("\n")).map(String::strip)
            .filter(x -> !x.isEmpty()).map(x -> "    " + x).collect(java.util.stream.Collectors.joining("\n"))));
    repository.updateStatus(id, why.equals("DUPLICATE") ? "DUPLICATE" : why.equals("REJECTED") ? "REJECTED" : why,
        Clock.now());
  }

  /** A step missed its working-day limit (INVESTIGATION: 3, REVIEW: 2); the supervisors get a task. */
  public void overdue(DelegateExecution execution, String step) {
    String text = step.equals("INVESTIGATION") ? "村（社区）调查核实超过3个工作日尚未完成" : "乡镇（街道）复核超过2个工作日尚未完成";
    repository.insertRecord(Cases.applicationId(execution), execution.getProcessInstanceId(), "OVERDUE",
        text + "（吉民发〔2020〕40号 二（二）3）", null, null, Clock.now());
    execution.setVariable(OVERDUE_STEP, text);
  }

  /** 存档备案: the township files every material of the case (二(二)3: 救助结束后…由乡镇（街道）存档备案). */
  public void archive(DelegateExecution execution) {
    repository.insertRecord(Cases.applicationId(execution), execution.getProcessInstanceId(), "ARCHIVED",
        "审核确认材料存档备案：临时救助申请书（含工作单位及证明人）、身份证明、银行账户、个人承诺授权书、资格审查和核对报告、"
            + "村（社区）调查核实意见、乡镇（街道）复核意见、全省查重结果、发放记录（付款" + execution.getVariable(PAYMENT_ID) + "）",
        null, null, Clock.now());
  }
}
