package org.doudi.tekun.internal;

import org.doudi.identity.CaseVariables;
import org.doudi.notice.NoticeKind;
import org.doudi.notice.NoticeRequest;
import org.doudi.notice.Notices;

import static org.doudi.tekun.TekunRecognitionVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.tekun.persistence.TekunCaseRepository;

/**
 * The recognition's written steps, called by the model's delegates ({@link RecognitionDelegates}) and, in versions of
 * the model deployed before them, by expression ({@code ${tekunRecords.accepted(execution)}} …): each writes its
 * record of the case once (a retried step finds it) and sets the variables the deadlines count from.
 */
@ProcessBean("tekunRecords")
public class RecognitionRecords {

  private final TekunCaseRepository cases;
  private final Notices notices;

  public RecognitionRecords(TekunCaseRepository cases, Notices notices) {
    this.cases = cases;
    this.notices = notices;
  }

  /** 一次性告知: every missing material in one notice (the acceptance form's list). */
  public void missingMaterials(DelegateExecution execution) {
    long id = Cases.caseId(execution);
    String missing = Cases.string(execution, "missingMaterials");
    cases.insertRecord(id, "MISSING_MATERIALS", "一次性告知：请补齐以下全部材料：" + missing, null, null, now());
    cases.setStatus(id, "AWAITING", now());
  }

  /** 受理: the 初审's 15 working days start now. */
  public void accepted(DelegateExecution execution) {
    long id = Cases.caseId(execution);
    Instant now = now();
    if (cases.countRecords(id, "ACCEPTED") == 0) {
      cases.insertRecord(id, "ACCEPTED", "受理申请（材料齐全）", null, Cases.string(execution, "acceptedBy"), now);
    }
    cases.accepted(id, now);
    java.util.Date at = java.util.Date.from(cases.find(id).orElseThrow().acceptedAt());
    execution.setVariable(ACCEPTED_AT, at);
    execution.setVariable(PRELIMINARY_FROM, at);
  }

  /** 公示 posted in the village (community) for 7 days. */
  public void published(DelegateExecution execution) {
    cases.insertRecord(Cases.caseId(execution), "PUBLIC_NOTICE", "在申请人所在村（社区）公示7天：" + Cases.string(execution,
        APPLICANT_NAME) + "，拟认定为特困人员，" + Cases.string(execution, CARE_LEVEL_LABEL) + "，每月"
        + Cases.string(execution, MONTHLY_AMOUNT) + "元", null, null, now());
  }

  /** A limit passed with its task still open (初审 PRELIMINARY, 确认 CONFIRMATION): recorded for supervision. */
  public void overdue(DelegateExecution execution, String what) {
    String label = switch (what) {
      case "PRELIMINARY" -> "初审超过15个工作日（《特困人员认定办法》第十一条）";
      case "CONFIRMATION" -> "审核确认超过收到材料后15个工作日（《特困人员认定办法》第十二条）";
      default -> throw new IllegalArgumentException("unknown limit " + what);
    };
    cases.insertRecord(Cases.caseId(execution), "OVERDUE_" + what, "超期：" + label, null, null, now());
  }

  /** 不予认定: the reasons, from the assessment or the 初审 or the confirmation, in the notice to deliver. */
  public void rejected(DelegateExecution execution) {
    long id = Cases.caseId(execution);
    String reasons;
    if (Boolean.FALSE.equals(execution.getVariable(ELIGIBLE))) {
      reasons = Cases.string(execution, ELIGIBILITY_REASONS);
    } else if ("REJECT".equals(Cases.string(execution, PRELIMINARY_DECISION))) {
      reasons = "乡镇（街道）初审不同意：" + Cases.string(execution, "preliminaryOpinion");
    } else {
      reasons = "审核确认不予认定：" + Cases.string(execution, "decisionReasons");
    }
    if (cases.countRecords(id, "REJECTION_NOTICE") == 0) {
      cases.insertRecord(id, "REJECTION_NOTICE", "不予认定通知书：" + Cases.string(execution, APPLICANT_NAME)
          + "不符合特困人员认定条件。理由：" + reasons + "。如有异议，可在收到通知之日起60日内申请行政复议。", null, null, now());
    }
    // the written notice as a PDF of the case, with the reasons and the remedies (docs/notices.md)
    Object accepted = execution.getVariable(ACCEPTED_AT);
    java.time.LocalDate appliedOn = accepted instanceof java.util.Date d
        ? d.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate() : EngineContext.today();
    String user = EngineContext.currentUser();
    notices.issue(NoticeRequest.of(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
            Cases.string(execution, CaseVariables.REGION_CODE), NoticeKind.TEKUN_REFUSED, "rejected",
            user == null ? Notices.SYSTEM : user)
        .with("applicantName", Cases.string(execution, APPLICANT_NAME)).with("appliedOn", Notices.date(appliedOn))
        .with(Notices.DECIDING_LEVEL, Cases.string(execution, AUTHORITY))
        .with("decidedOn", Notices.date(EngineContext.today()))
        .with("reasons", java.util.Arrays.stream(reasons.split("\n")).map(String::strip)
            .filter(x -> !x.isEmpty()).map(x -> "    " + x).collect(java.util.stream.Collectors.joining("\n"))));
  }

  /** Closes the case: REJECTED (after delivery), WITHDRAWN, LAPSED, DECLINED. */
  public void close(DelegateExecution execution, String status) {
    long id = Cases.caseId(execution);
    String kind = switch (status) {
      case "REJECTED", "WITHDRAWN", "LAPSED", "DECLINED" -> status;
      default -> throw new IllegalArgumentException("unknown closing status " + status);
    };
    if (cases.countRecords(id, kind) == 0) {
      String text = switch (status) {
        case "REJECTED" -> "不予认定，已书面告知";
        case "WITHDRAWN" -> "申请人撤回申请";
        case "LAPSED" -> "逾期未补齐材料，申请失效";
        default -> "本人（监护人）不申请：" + Cases.string(execution, "assistNote");
      };
      cases.insertRecord(id, kind, text, null, null, now());
    }
    cases.setStatus(id, status, now());
  }

  private static Instant now() {
    return EngineContext.now();
  }
}
