package org.doudi.review.internal;

import static org.doudi.review.ReviewVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.calendar.YearNotLoadedException;
import org.doudi.checkplatform.CheckNotAuthorisedException;
import org.doudi.checkplatform.CheckPlatform;
import org.doudi.checkplatform.CheckRequest;
import org.doudi.checkplatform.CheckResult;
import org.doudi.eligibility.DibaoAssessment;
import org.doudi.eligibility.DibaoEligibility;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.InvalidApplicationException;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.review.ReportedChange;
import org.doudi.review.ReviewCase;
import org.doudi.review.ReviewSettings;
import org.doudi.review.Reviews;
import org.doudi.review.Trigger;
import org.doudi.review.persistence.ReviewRepository;

/**
 * The service tasks of {@code dibao-review} and {@code dibao-review-schedule}, one bean each. Each reads the review
 * case from review_case and writes its result there in the engine's transaction; a step that finds its result
 * already stored does nothing again (a retried job).
 */
final class ReviewSteps {

  private ReviewSteps() {}

  static long caseId(DelegateExecution execution) {
    return ((Number) execution.getVariable(REVIEW_CASE_ID)).longValue();
  }

  static ReviewCase reviewCase(ReviewRepository repository, DelegateExecution execution) {
    long id = caseId(execution);
    return repository.findCase(id).orElseThrow(() -> new IllegalStateException("复核案件" + id + "不存在"));
  }

  static Optional<CheckResult> storedCheck(ReviewRepository repository, ObjectMapper json, long id) {
    return repository.checkJson(id).map(s -> {
      try {
        return json.readValue(s, CheckResult.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("复核案件" + id + "的核对结果无法读取", e);
      }
    });
  }

  static String changesSummary(List<ReportedChange> changes) {
    return changes.isEmpty() ? "无" : changes.stream().map(c -> "· " + c.detail() + "（" + c.learnedOn() + "登记）")
        .collect(Collectors.joining("\n"));
  }

  /** 信息核对 again: the check platform on the household as we know it now; stored with the case. */
  @ProcessBean("reviewCheckInformation")
  public static class CheckInformation implements JavaDelegate {
    private final ReviewRepository repository;
    private final ReviewFacts facts;
    private final CheckPlatform platform;
    private final ObjectMapper json;

    public CheckInformation(ReviewRepository repository, ReviewFacts facts, CheckPlatform platform,
        ObjectMapper json) {
      this.repository = repository;
      this.facts = facts;
      this.platform = platform;
      this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
      ReviewCase c = reviewCase(repository, execution);
      List<ReportedChange> changes = repository.changesOfCase(c.id());
      String summary;
      boolean changed;
      if (c.checkPassed() != null) { // a retried job: the check is stored
        Optional<CheckResult> stored = storedCheck(repository, json, c.id());
        summary = stored.map(ReviewSteps.CheckInformation::summary).orElse("没有核对结果");
        changed = Boolean.TRUE.equals(c.changesFound());
      } else {
        Optional<HouseholdApplication> h = facts.current(c.beneficiaryKey(), c.scheme(), null);
        if (h.isEmpty() || h.get().memberList().isEmpty()) {
          repository.recordCheck(c.id(), null, false, null, true);
          summary = h.isEmpty() ? "没有该户的低保申请记录，无法提请核对，须入户调查" : "家庭成员均已死亡或迁出，须入户核实";
          changed = true;
        } else {
          CheckResult result;
          try {
            result = platform.check(CheckRequest.of("review-" + c.id(), h.get()));
          } catch (CheckNotAuthorisedException e) {
            repository.recordCheck(c.id(), null, false, null, true);
            execution.setVariable(CHECK_SUMMARY, "家庭未签署核对授权书，无法核对，须入户调查并补签授权书");
            execution.setVariable(CHANGES_SUMMARY, changesSummary(changes));
            execution.setVariable(CHANGES_FOUND, true);
            return;
          }
          boolean deaths = result.members().stream().anyMatch(m -> m.deceasedOn() != null);
          changed = !result.passed() || deaths || !changes.isEmpty() || c.trigger() != Trigger.SCHEDULED;
          repository.recordCheck(c.id(), result.reference(), result.passed(), json.writeValueAsString(result),
              changed);
          summary = summary(result);
        }
      }
      execution.setVariable(CHECK_SUMMARY, summary);
      execution.setVariable(CHANGES_SUMMARY, changesSummary(changes));
      execution.setVariable(CHANGES_FOUND, changed);
    }

    static String summary(CheckResult result) {
      String found = result.discrepancies().stream().filter(d -> d.material() || d.field().endsWith("deceasedOn"))
          .map(CheckResult.Discrepancy::message).collect(Collectors.joining("；"));
      return "核对报告" + result.reference() + "：" + (found.isEmpty() ? "未发现与记录不符的情况" : found);
    }
  }

  /**
   * Recomputes the household's eligibility and amount from our evidence (the record, the recorded member changes,
   * the stored check result) through {@link DibaoEligibility}; stored with the case. An ADJUST applies exactly this.
   */
  @ProcessBean("reviewAssess")
  public static class Assess implements JavaDelegate {
    private final ReviewRepository repository;
    private final ReviewFacts facts;
    private final DibaoEligibility eligibility;
    private final ObjectMapper json;

    public Assess(ReviewRepository repository, ReviewFacts facts, DibaoEligibility eligibility, ObjectMapper json) {
      this.repository = repository;
      this.facts = facts;
      this.eligibility = eligibility;
      this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
      ReviewCase c = reviewCase(repository, execution);
      Optional<HouseholdApplication> h = facts.current(c.beneficiaryKey(), c.scheme(),
          storedCheck(repository, json, c.id()).orElse(null));
      String label;
      String amount;
      String reasons;
      if (h.isEmpty()) {
        repository.recordAssessment(c.id(), "NOT_ASSESSED", null, 0, null);
        label = "无法评估（没有低保申请记录）";
        amount = "";
        reasons = "";
      } else if (h.get().memberList().isEmpty()) {
        repository.recordAssessment(c.id(), "INELIGIBLE", BigDecimal.ZERO.setScale(2), 0, null);
        label = "不符合低保条件：家庭成员均已死亡或迁出";
        amount = "0.00";
        reasons = "家庭成员均已死亡或迁出";
      } else {
        DibaoAssessment a;
        try {
          a = eligibility.assess(h.get(), EngineContext.today());
        } catch (InvalidApplicationException e) {
          repository.recordAssessment(c.id(), "NOT_ASSESSED", null, 0, null);
          execution.setVariable(ASSESSED_OUTCOME_LABEL, "无法评估：" + e.getMessage());
          execution.setVariable(ASSESSED_AMOUNT, "");
          execution.setVariable(ASSESSMENT_REASONS, "");
          return;
        }
        int covered = (int) a.members().stream()
            .filter(m -> a.outcome() == DibaoAssessment.Outcome.DIBAO || m.amount().signum() > 0).count();
        repository.recordAssessment(c.id(), a.outcome().name(), a.monthlyAmount(), covered,
            json.writeValueAsString(a));
        label = switch (a.outcome()) {
          case DIBAO -> "符合条件，按户保障（" + covered + "人）";
          case SINGLE_PERSON -> "低收入家庭，重残、重病成员参照单人户保障（" + covered + "人）";
          case INELIGIBLE -> "不符合低保条件";
        };
        amount = a.monthlyAmount().toPlainString();
        reasons = a.reasons().stream().map(r -> r.text() + "（" + r.citation() + "）")
            .collect(Collectors.joining("\n"));
      }
      execution.setVariable(ASSESSED_OUTCOME_LABEL, label);
      execution.setVariable(ASSESSED_AMOUNT, amount);
      execution.setVariable(ASSESSMENT_REASONS, reasons);
    }
  }

  /** 继续保障: the amount stays; recorded with the case. */
  @ProcessBean("reviewContinue")
  public static class Continue implements JavaDelegate {
    private final ReviewRepository repository;

    public Continue(ReviewRepository repository) {
      this.repository = repository;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ReviewCase c = repository.lockCase(caseId(execution)).orElseThrow();
      if (c.outcome() == null) {
        repository.recordApplied(c.id(), "CONTINUE", null);
      }
    }
  }

  /**
   * 增发/减发 to the stored assessment's amount and covered persons, decided by the county confirmer (the second person
   * after the township's proposal), from the month after today.
   */
  @ProcessBean("reviewAdjust")
  public static class Adjust implements JavaDelegate {
    private final ReviewRepository repository;
    private final Awards awards;

    public Adjust(ReviewRepository repository, Awards awards) {
      this.repository = repository;
      this.awards = awards;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ReviewCase c = repository.lockCase(caseId(execution)).orElseThrow();
      if (c.outcome() != null) {
        return; // applied already (a retried job)
      }
      if (c.confirmedBy() == null || c.assessedAmount() == null || c.assessedAmount().signum() <= 0) {
        throw new IllegalStateException("复核案件" + c.id() + "没有县级确认或没有存档的评估金额，不能调整待遇");
      }
      AwardRow row = awards.adjust(c.beneficiaryKey(), Scheme.valueOf(c.scheme()), c.assessedAmount(),
          c.assessedMembers(), execution.getProcessInstanceId(), EngineContext.today(),
          "动态复核调整待遇：" + c.proposalReasons(), c.confirmedBy());
      repository.recordApplied(c.id(), "ADJUST", row.id());
    }
  }

  /** After the outcome: the class decided again, the next review date, the case closed (a STOP ends the schedule). */
  @ProcessBean("reviewScheduleNext")
  public static class ScheduleNext implements JavaDelegate {
    private final ReviewRepository repository;
    private final ReviewFacts facts;
    private final ReviewClassRules rules;
    private final Awards awards;
    private final ObjectMapper json;

    public ScheduleNext(ReviewRepository repository, ReviewFacts facts, ReviewClassRules rules, Awards awards,
        ObjectMapper json) {
      this.repository = repository;
      this.facts = facts;
      this.rules = rules;
      this.awards = awards;
      this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ReviewCase c = repository.lockCase(caseId(execution)).orElseThrow();
      if ("CLOSED".equals(c.status())) {
        return;
      }
      LocalDate today = EngineContext.today();
      if ("STOP".equals(c.outcome())) {
        repository.deactivate(c.beneficiaryKey(), c.scheme(), EngineContext.now());
        repository.setOpenCase(c.beneficiaryKey(), c.scheme(), null, EngineContext.now());
        repository.close(c.id(), null, null, EngineContext.now());
        execution.setVariable(RESULT_SUMMARY, "停发：自" + today.withDayOfMonth(1).plusMonths(1) + "起停止发放");
        return;
      }
      AwardRow award = awards.latest(c.beneficiaryKey(), Scheme.valueOf(c.scheme())).orElseThrow();
      ReviewClassRules.Decided d = rules.decide(award.countyCode(), award.urbanRural(),
          facts.current(c.beneficiaryKey(), c.scheme(), storedCheck(repository, json, c.id()).orElse(null))
              .orElse(null));
      LocalDate next = today.plusMonths(d.reviewClass().months());
      repository.reviewed(c.beneficiaryKey(), c.scheme(), d.reviewClass(), d.basis(), next, today,
          EngineContext.now());
      repository.close(c.id(), d.reviewClass().name(), next, EngineContext.now());
      execution.setVariable(RESULT_SUMMARY, ("ADJUST".equals(c.outcome()) ? "调整为每月" + c.assessedAmount() + "元"
          : "继续保障") + "；" + d.reviewClass().label() + "，下次复核日期" + next);
    }
  }

  /** The daily run: starts the due reviews, one chunk per transaction; nothing on a non-working day. */
  @ProcessBean("reviewStartDue")
  public static class StartDue implements JavaDelegate {
    private final Reviews reviews;
    private final ReviewSettings settings;
    private final WorkingDayCalendar calendar;

    public StartDue(Reviews reviews, ReviewSettings settings, WorkingDayCalendar calendar) {
      this.reviews = reviews;
      this.settings = settings;
      this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
      LocalDate today = EngineContext.today();
      if (!workingDay(calendar, today)) {
        execution.setVariable(MORE_DUE, false);
        return;
      }
      Object before = execution.getVariable(STARTED_TODAY);
      if (before == null) {
        // the day's first chunk: awards in force without a schedule (granted before the module existed) get one
        execution.setVariable(ENROLLED_TODAY, reviews.enrolMissing(1000));
      }
      int n = reviews.startDue(today, settings.getStartChunk());
      execution.setVariable(STARTED_TODAY, (before == null ? 0 : ((Number) before).intValue()) + n);
      execution.setVariable(MORE_DUE, n == settings.getStartChunk());
    }
  }

  /** The daily comparison with the check platform, one chunk per transaction, up to the day's quota. */
  @ProcessBean("reviewCompareFindings")
  public static class CompareFindings implements JavaDelegate {
    private final Reviews reviews;
    private final ReviewSettings settings;
    private final WorkingDayCalendar calendar;

    public CompareFindings(Reviews reviews, ReviewSettings settings, WorkingDayCalendar calendar) {
      this.reviews = reviews;
      this.settings = settings;
      this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
      LocalDate today = EngineContext.today();
      Object before = execution.getVariable(COMPARED_TODAY);
      int done = before == null ? 0 : ((Number) before).intValue();
      int limit = Math.min(settings.getCompareChunk(), settings.getComparePerDay() - done);
      if (!workingDay(calendar, today) || limit <= 0) {
        execution.setVariable(MORE_TO_COMPARE, false);
        return;
      }
      int n = reviews.compareDue(today, limit);
      execution.setVariable(COMPARED_TODAY, done + n);
      execution.setVariable(MORE_TO_COMPARE, n == limit && done + n < settings.getComparePerDay());
    }
  }

  /** A working day on the official calendar; a year without a loaded notice counts Monday–Friday. */
  static boolean workingDay(WorkingDayCalendar calendar, LocalDate day) {
    try {
      return calendar.kindOf(day).isWorkingDay();
    } catch (YearNotLoadedException e) {
      return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
  }
}
