package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.eligibility.ApprovalAuthority;
import org.doudi.eligibility.DibaoRules;
import org.doudi.engine.ProcessBean;

/** 确定审核确认权限: DMN {@code dibao-approval-authority} through {@link DibaoRules}. */
@ProcessBean("dibaoDecideAuthority")
public class DecideAuthority implements JavaDelegate {

  private final DibaoRules rules;
  private final CaseNotices notices;

  public DecideAuthority(DibaoRules rules, CaseNotices notices) {
    this.rules = rules;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApprovalAuthority a = rules.decideAuthority(CaseContext.string(execution, COUNTY_CODE),
        CaseContext.flag(execution, SEPARATE_REGISTRATION), CaseContext.flag(execution, HAS_COMPLAINT));
    CaseContext.update(execution, AUTHORITY, a.authority().name());
    CaseContext.update(execution, AUTHORITY_LABEL, a.delegated() ? "乡镇（街道）（县级授权下放）" : "县级民政部门");
    CaseContext.update(execution, COUNTY_HOME_VISIT_REQUIRED, a.countyHomeVisitRequired());
    CaseContext.update(execution, AUTHORITY_BASIS, a.basis());
    if (execution.getVariable(OVERALL_LIMIT) == null) {
      // the overall limit is fixed at acceptance; its timers are already running afterwards
      execution.setVariable(OVERALL_LIMIT, a.overallLimitWorkingDays());
      // materials complete: the case is accepted now (第十条), the applicant gets the 受理通知书
      notices.issue(notices.request(execution, org.doudi.notice.NoticeKind.DIBAO_ACCEPTED, "accepted")
          .with("acceptedOn", org.doudi.notice.Notices.date(CaseContext.today()))
          .with("limitDays", a.overallLimitWorkingDays()));
    }
  }
}
