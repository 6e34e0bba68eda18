package org.doudi.disability.internal;

import static org.doudi.disability.DisabilityVariables.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.disability.SubsidyKind;
import org.doudi.disability.persistence.DisabilityRepository;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.payment.Payee;
import org.doudi.payroll.AwardGrant;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.register.Person;

/**
 * 纳入按月发放: the county's approval becomes a monthly award ({@link Awards#grant}) of the subsidy's scheme for the
 * person (beneficiary key {@code P-<idNumber>}, one person covered), paid from the month after the decision by the
 * county's payroll roster. Everything comes from the stored application: the amount the rules gave at the
 * assessment, the person, place and account; who decided and when from the county's form. Idempotent: a retried job
 * finds the same award (same case, same amount) and writes no second record.
 */
@ProcessBean("disabilityGrant")
public class GrantSubsidy implements JavaDelegate {

  private final DisabilityRepository repository;
  private final Awards awards;

  public GrantSubsidy(DisabilityRepository repository, Awards awards) {
    this.repository = repository;
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Cases.applicationId(execution);
    DisabilityRepository.Stored s = repository.find(id).orElseThrow();
    if (!repository.hasRecord(id, "COUNTY_DECISION") || s.monthlyAmount() == null) {
      throw new IllegalStateException("申请" + id + "没有县级审核确认记录或补贴标准，不能纳入发放");
    }
    SubsidyKind kind = SubsidyKind.valueOf(s.kind());
    String decidedBy = Cases.string(execution, DECIDED_BY);
    LocalDate decidedOn = LocalDate.parse(Cases.string(execution, DECIDED_ON));
    String key = SubsidyKind.beneficiaryKey(s.idNumber());
    AwardRow row = awards.grant(new AwardGrant(key, kind.scheme(), execution.getProcessInstanceId(), s.countyCode(),
        s.regionCode(), s.urbanRural(), 1, new Payee(key, s.fullName(), s.idNumber(), s.bankName(),
        s.accountNumber()), s.monthlyAmount(), decidedOn, kind.label() + "（申请" + id + "，" + s.amountBasis() + "）",
        List.of(new Person(s.idNumber(), s.fullName()))), decidedBy);
    if (!repository.hasRecord(id, "GRANT")) {
      repository.insertRecord(id, "GRANT", "自" + row.effectiveFrom() + "起按月发放" + kind.label() + "，每月"
          + row.monthlyAmount().toPlainString() + "元", row.monthlyAmount(), decidedBy, EngineContext.now());
    }
    repository.setStatus(id, "GRANTED", EngineContext.now());
    repository.resolveCandidate(s.idNumber(), s.kind(), "已批准" + kind.label() + "（申请" + id + "）");
  }
}
