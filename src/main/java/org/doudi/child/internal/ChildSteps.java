package org.doudi.child.internal;

import static org.doudi.child.ChildVariables.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doudi.child.CareMode;
import org.doudi.child.ChildCategory;
import org.doudi.child.ChildSubsidies;
import org.doudi.child.ParentSituation;
import org.doudi.child.persistence.ChildRepository;
import org.doudi.child.persistence.ChildRepository.Stored;
import org.doudi.child.persistence.ChildRepository.Support;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardGrant;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Person;
import org.springframework.beans.factory.annotation.Value;

/**
 * The service steps of {@code child-subsidy}, {@code child-review} and {@code child-review-schedule}. Each reads the
 * stored application (never request data) and is idempotent: a retried job finds its written record, award or
 * support and does not write them twice.
 */
final class ChildSteps {

  private ChildSteps() {}

  static long applicationId(DelegateExecution execution) {
    String definition = execution.getProcessDefinitionId();
    if (definition != null && definition.startsWith(PROCESS_KEY + ":")) {
      String key = execution.getProcessBusinessKey();
      if (key != null && key.matches("\\d{1,18}")) {
        return Long.parseLong(key);
      }
    }
    return Long.parseLong(string(execution, APPLICATION_ID));
  }

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString().strip();
  }

  /** 认定条件审查: the parents' situations and the age against the definitions (ChildRules). */
  @ProcessBean("childAssess")
  public static class Assess implements JavaDelegate {
    private final ChildRepository repository;

    public Assess(ChildRepository repository) {
      this.repository = repository;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long id = applicationId(execution);
      Stored s = repository.find(id).orElseThrow();
      ChildRules.Finding f = ChildRules.assess(ParentSituation.valueOf(s.fatherSituation()),
          ParentSituation.valueOf(s.motherSituation()), s.birthDate(), EngineContext.today());
      if (!repository.hasRecord(id, "ELIGIBILITY")) {
        repository.insertRecord(id, "ELIGIBILITY", (f.eligible() ? "认定条件审查：" : "认定条件审查：不符合。") + f.text(),
            null, "system", EngineContext.now());
      }
      if (f.category() != null) {
        repository.setCategory(id, f.category().name(), EngineContext.now());
      }
      repository.setStatus(id, "IN_REVIEW", EngineContext.now());
      execution.setVariable(ELIGIBLE, f.eligible());
      execution.setVariable(CATEGORY_LABEL, f.category() == null ? "" : f.category().label());
      execution.setVariable(ELIGIBILITY_REASONS, f.text());
    }
  }

  /**
   * 确定保障标准: the county's standard in force in the first month of payment (the month after today) for the care
   * mode the township confirmed, stored with the application; the county decides on it and the grant pays it.
   */
  @ProcessBean("childPrepareDecision")
  public static class PrepareDecision implements JavaDelegate {
    private final ChildRepository repository;

    public PrepareDecision(ChildRepository repository) {
      this.repository = repository;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long id = applicationId(execution);
      Stored s = repository.find(id).orElseThrow();
      LocalDate firstMonth = Awards.effectiveFrom(EngineContext.today());
      CareMode care = CareMode.valueOf(s.careMode());
      ChildRepository.StandardRow standard = repository.standardOn(s.countyCode(), s.careMode(), firstMonth)
          .orElseThrow(() -> new IllegalStateException("县级区划" + s.countyCode() + "没有" + firstMonth + "起适用的"
              + care.label() + "儿童基本生活费标准，请先录入标准（POST /api/child/standards）"));
      String basis = care.label() + "标准每月" + standard.monthlyAmount().toPlainString() + "元（自"
          + standard.effectiveFrom() + "起，" + standard.sourceNote() + (standard.sample() ? "，示例数值" : "") + "）";
      repository.setAmount(id, standard.monthlyAmount(), basis, EngineContext.now());
      execution.setVariable(MONTHLY_AMOUNT, standard.monthlyAmount().toPlainString());
      execution.setVariable(AMOUNT_BASIS, basis);
      execution.setVariable(CARE_MODE_LABEL, care.label());
    }
  }

  /**
   * 纳入按月发放: the county's approval becomes the child's monthly award (scheme CHILD_SUBSIDY, key P-<idNumber>)
   * from the month after the decision, the register's claim becomes ACTIVE, and the support's review clock starts
   * (a year after the decision; the 18th birthday).
   */
  @ProcessBean("childGrant")
  public static class Grant implements JavaDelegate {
    private final ChildRepository repository;
    private final Awards awards;
    private final BenefitRegister register;

    public Grant(ChildRepository repository, Awards awards, BenefitRegister register) {
      this.repository = repository;
      this.awards = awards;
      this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long id = applicationId(execution);
      Stored s = repository.find(id).orElseThrow();
      if (!repository.hasRecord(id, "COUNTY_DECISION") || s.monthlyAmount() == null || s.category() == null) {
        throw new IllegalStateException("申请" + id + "没有县级审核确认记录或保障标准，不能纳入发放");
      }
      String decidedBy = string(execution, DECIDED_BY);
      LocalDate decidedOn = LocalDate.parse(string(execution, DECIDED_ON));
      String holder = ChildSubsidies.holderKey(id);
      List<Person> child = List.of(new Person(s.idNumber(), s.childName()));
      register.activate(holder, ChildSubsidies.SCHEME, execution.getProcessInstanceId(), s.countyCode(),
          s.regionCode(), child, decidedBy);
      String key = ChildSubsidies.beneficiaryKey(s.idNumber());
      String label = ChildCategory.valueOf(s.category()).label();
      AwardRow row = awards.grant(new AwardGrant(key, Scheme.CHILD_SUBSIDY, execution.getProcessInstanceId(),
          s.countyCode(), s.regionCode(), s.urbanRural(), 1, new Payee(key, s.guardianName(), s.guardianIdNumber(),
          s.bankName(), s.accountNumber()), s.monthlyAmount(), decidedOn, label + "基本生活费（申请" + id + "，"
          + s.amountBasis() + "）", child), decidedBy);
      if (repository.support(id).isEmpty()) {
        LocalDate adultOn = s.birthDate().plusYears(18);
        LocalDate review = decidedOn.plusYears(1);
        repository.insertSupport(new Support(id, s.idNumber(), s.childName(), s.countyCode(), s.regionCode(), holder,
            adultOn, review.isBefore(adultOn) ? review : adultOn, null, "ACTIVE"));
      }
      if (!repository.hasRecord(id, "GRANT")) {
        repository.insertRecord(id, "GRANT", "认定为" + label + "，自" + row.effectiveFrom() + "起按月发放儿童基本生活费，每月"
            + row.monthlyAmount().toPlainString() + "元；每年复核一次，满18周岁（" + s.birthDate().plusYears(18)
            + "）终止", row.monthlyAmount(), decidedBy, EngineContext.now());
      }
      repository.setStatus(id, "GRANTED", EngineContext.now());
    }
  }

  /** The written notice of a case ended without support (INELIGIBLE or REJECTED); the register lets the child go. */
  @ProcessBean("childRecords")
  public static class Records {
    private final ChildRepository repository;
    private final BenefitRegister register;

    public Records(ChildRepository repository, BenefitRegister register) {
      this.repository = repository;
      this.register = register;
    }

    public void close(DelegateExecution execution, String status) {
      long id = applicationId(execution);
      String kind = switch (status) {
        case "INELIGIBLE" -> "INELIGIBLE_NOTICE";
        case "REJECTED" -> "REJECTION_NOTICE";
        default -> throw new IllegalArgumentException("unknown closing status " + status);
      };
      String text = "INELIGIBLE".equals(status)
          ? "书面告知：不符合儿童基本生活费保障条件。理由：" + string(execution, ELIGIBILITY_REASONS)
          : "书面告知：不予认定。理由：" + reasons(execution);
      if (!repository.hasRecord(id, kind)) {
        repository.insertRecord(id, kind, text, null, null, EngineContext.now());
      }
      repository.setStatus(id, status, EngineContext.now());
      register.release(ChildSubsidies.holderKey(id), text, "system");
    }

    private static String reasons(DelegateExecution execution) {
      String county = string(execution, "decisionReasons");
      return county != null && !county.isEmpty() && "REJECT".equals(string(execution, DECISION))
          ? county : string(execution, "investigationOpinion");
    }
  }

  /** The daily run: starts the due reviews, one chunk per transaction. */
  @ProcessBean("childStartDueReviews")
  public static class StartDueReviews implements JavaDelegate {
    private final ChildSubsidies subsidies;
    private final int chunk;

    public StartDueReviews(ChildSubsidies subsidies, @Value("${doudi.child.review-start-chunk:100}") int chunk) {
      if (chunk < 1 || chunk > 1000) {
        throw new IllegalArgumentException("doudi.child.review-start-chunk must be 1..1000: " + chunk);
      }
      this.subsidies = subsidies;
      this.chunk = chunk;
    }

    @Override
    public void execute(DelegateExecution execution) {
      int n = subsidies.startDueReviews(EngineContext.today(), chunk);
      Object before = execution.getVariable(STARTED_TODAY);
      execution.setVariable(STARTED_TODAY, (before == null ? 0 : ((Number) before).intValue()) + n);
      execution.setVariable(MORE_DUE, n == chunk);
    }
  }

  /** The end of a review: continue (the next review a year on) or stop (award, register, support). */
  @ProcessBean("childReviewSteps")
  public static class ReviewSteps {
    private final ChildRepository repository;
    private final Awards awards;
    private final BenefitRegister register;

    public ReviewSteps(ChildRepository repository, Awards awards, BenefitRegister register) {
      this.repository = repository;
      this.awards = awards;
      this.register = register;
    }

    /** 继续保障: the review is recorded and the next one is due a year after this one (or the 18th birthday). */
    public void continueSupport(DelegateExecution execution) {
      long reviewId = Long.parseLong(string(execution, REVIEW_ID));
      ChildRepository.Review r = repository.review(reviewId).orElseThrow();
      if (!"OPEN".equals(r.status())) {
        return; // a retried job
      }
      Support s = repository.lockSupport(r.applicationId()).orElseThrow();
      if (!"ACTIVE".equals(s.status())) {
        repository.closeReview(reviewId, "ENDED", EngineContext.now()); // ended meanwhile (18th birthday)
        return;
      }
      LocalDate next = r.dueOn().plusYears(1);
      repository.setNextReview(s.applicationId(), next.isBefore(s.adultOn()) ? next : s.adultOn());
      repository.closeReview(reviewId, "CONTINUE", EngineContext.now());
      String opinion = string(execution, "stopReasons") != null && "CONTINUE".equals(string(execution, STOP_DECISION))
          ? "县级不同意终止，继续保障：" + string(execution, "stopReasons") : "年度复核：继续保障。" + string(execution,
              "reviewOpinion");
      repository.insertRecord(r.applicationId(), "REVIEW", opinion, null, string(execution, REVIEWED_BY),
          EngineContext.now());
    }

    /** 终止保障 after the county confirmed the township's proposal: from the month after the decision. */
    public void terminate(DelegateExecution execution) {
      long reviewId = Long.parseLong(string(execution, REVIEW_ID));
      String reasons = string(execution, "stopReasons");
      end(execution, reviewId, EngineContext.today(), "年度复核终止保障：" + reasons, string(execution, STOP_DECIDED_BY),
          "STOPPED");
    }

    /**
     * 满18周岁终止: paid up to the month of the 18th birthday, stopped from the month after it (decided as of the
     * birthday, whenever the run comes). No in-school extension: none could be verified (docs/child.md).
     */
    public void endAtAdulthood(DelegateExecution execution) {
      long reviewId = Long.parseLong(string(execution, REVIEW_ID));
      ChildRepository.Review r = repository.review(reviewId).orElseThrow();
      Support s = repository.support(r.applicationId()).orElseThrow();
      end(execution, reviewId, s.adultOn(), "年满18周岁（" + s.adultOn() + "），儿童基本生活费自次月起终止。"
          + "如仍在校就读或生活困难，请告知监护人可申请低保、特困人员救助供养等其他救助", "system", "ADULT");
    }

    private void end(DelegateExecution execution, long reviewId, LocalDate decidedOn, String reason, String actor,
        String outcome) {
      ChildRepository.Review r = repository.review(reviewId).orElseThrow();
      Support s = repository.lockSupport(r.applicationId()).orElseThrow();
      if (!"ACTIVE".equals(s.status()) && "OPEN".equals(r.status())) {
        repository.closeReview(reviewId, "ENDED", EngineContext.now()); // ended meanwhile by another review
        return;
      }
      AwardRow stopped = awards.stopAlongside(ChildSubsidies.beneficiaryKey(s.idNumber()), Scheme.CHILD_SUBSIDY,
          execution.getProcessInstanceId(), decidedOn, reason, actor == null ? "system" : actor);
      if ("ACTIVE".equals(s.status())) {
        repository.endSupport(s.applicationId(), decidedOn, reason);
        register.release(s.holderKey(), reason, actor == null ? "system" : actor);
      }
      if ("OPEN".equals(r.status())) {
        repository.closeReview(reviewId, outcome, EngineContext.now());
        repository.insertRecord(r.applicationId(), "END", reason + "（自" + stopped.effectiveFrom() + "起停发）", null,
            actor, EngineContext.now());
      }
    }
  }
}
