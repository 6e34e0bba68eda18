package org.doudi.tekun;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Process variables and codes of the changes and terminations of 特困 support (docs/tekun.md, "Changes and
 * termination"): {@code tekun-reassessment}, {@code tekun-termination}, {@code tekun-age-review},
 * {@code tekun-funeral} and the daily {@code tekun-schedule}. Business key = the case id (tekun_change).
 */
public final class TekunChangeVariables {

  private TekunChangeVariables() {}

  public static final String REASSESSMENT_PROCESS = "tekun-reassessment";
  public static final String TERMINATION_PROCESS = "tekun-termination";
  public static final String AGE_REVIEW_PROCESS = "tekun-age-review";
  public static final String FUNERAL_PROCESS = "tekun-funeral";
  public static final String SCHEDULE_PROCESS = "tekun-schedule";

  // case facts (written when the case opens)
  public static final String CHANGE_ID = "changeId";
  public static final String TEKUN_PERSON_ID = "tekunPersonId";
  public static final String PERSON_NAME = "personName";
  public static final String ID_NUMBER_MASKED = "idNumberMasked";
  public static final String COUNTY_CODE = "countyCode";
  public static final String REGION_NAME = "regionName";
  public static final String CURRENT_LEVEL_TEXT = "currentLevelText";
  public static final String CURRENT_AMOUNT_TEXT = "currentAmountText";
  public static final String REPORTED_ON = "reportedOn";
  public static final String REPORT_NOTE = "reportNote";
  public static final String OPENED_BY = "openedBy";

  // re-assessment
  public static final String NEW_LEVEL = "newLevel";
  public static final String NEW_LEVEL_TEXT = "newLevelText";
  public static final String LEVEL_CHANGED = "levelChanged";
  public static final String ASSESSED_BY = "assessedBy";
  public static final String NEW_AMOUNT_TEXT = "newAmountText";
  public static final String CONFIRM_DECISION = "confirmDecision";
  public static final String CONFIRMED_BY = "confirmedBy";

  // termination
  public static final String GROUND = "ground";
  public static final String GROUND_TEXT = "groundText";
  public static final String PROPOSAL = "proposal";
  public static final String PROPOSED_BY = "proposedBy";
  public static final String DECISION = "decision";
  public static final String DECIDED_BY = "decidedBy";
  public static final String NOTICE_ENDS_ON = "noticeEndsOn";
  /** The 公示's last day as a date, the due date of the township's task that records its outcome. */
  public static final String NOTICE_DUE = "noticeDue";
  public static final String NOTICE_OUTCOME = "noticeOutcome";
  public static final String OBJECTION_DECISION = "objectionDecision";
  public static final String STOP_NOT_BEFORE = "stopNotBefore";
  public static final String LAST_SUPPORTED_MONTH = "lastSupportedMonth";

  // age review
  public static final String BIRTHDAY_18 = "birthday18";
  public static final String REVIEW_KEY = "reviewKey";
  public static final String CONTINUES = "continues";

  // input parameters of service tasks (camunda:inputParameter, local to the task; read by the delegates)
  /** 记录不提出终止 / 记录不予终止 (tekunCloseTermination): WITHDRAWN, REJECTED. */
  public static final String CLOSE_STATUS = "closeStatus";
  /** 公示 (tekunPostTerminationNotice): NOTICE (终止公示), REPOST (异议不成立后重新公示). */
  public static final String NOTICE_KIND = "noticeKind";
  /** 记录…逾期 (tekunRecordChangeOverdue): REASSESSMENT_OVERDUE, OBJECTION_OVERDUE, AGE_REVIEW_OVERDUE. */
  public static final String OVERDUE_KIND = "overdueKind";

  /** Written only by the processes' delegates and listeners: a task completion may echo them, never change them. */
  public static final Set<String> SYSTEM_WRITTEN = Set.of(CHANGE_ID, TEKUN_PERSON_ID, PERSON_NAME, ID_NUMBER_MASKED,
      COUNTY_CODE, REGION_NAME, CURRENT_LEVEL_TEXT, CURRENT_AMOUNT_TEXT, REPORTED_ON, REPORT_NOTE, OPENED_BY,
      NEW_LEVEL, NEW_LEVEL_TEXT, LEVEL_CHANGED, ASSESSED_BY, NEW_AMOUNT_TEXT, CONFIRMED_BY, GROUND_TEXT, PROPOSED_BY,
      DECIDED_BY, NOTICE_ENDS_ON, NOTICE_DUE, STOP_NOT_BEFORE, LAST_SUPPORTED_MONTH, BIRTHDAY_18, REVIEW_KEY, CONTINUES);

  /**
   * 终止救助供养的情形 (特困人员认定办法 2021 第二十四条; MOVED_AWAY is local practice, UNCONFIRMED) and how the notice
   * names them. DEATH is recorded through {@code POST /api/tekun/persons/{id}/death}, without a 公示.
   */
  public static final Map<String, String> GROUNDS = grounds();

  /** The grounds payroll's exit decision needs no relapse-risk assessment for ({@code ExitAssessment.EXEMPT}). */
  public static final Set<String> EXEMPT_GROUNDS = Set.of("DEATH", "MOVED_AWAY");

  private static Map<String, String> grounds() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("DEATH", "死亡或者被宣告死亡（《特困人员认定办法》第二十四条第（一）项）");
    m.put("DECLARED_MISSING", "被宣告失踪（《特困人员认定办法》第二十四条第（一）项）");
    m.put("WORK_CAPACITY", "具备或者恢复劳动能力（《特困人员认定办法》第二十四条第（二）项）");
    m.put("IMPRISONED", "依法被判处刑罚，且在监狱服刑（《特困人员认定办法》第二十四条第（三）项）");
    m.put("INCOME_ASSETS", "收入和财产状况不再符合特困人员认定条件（《特困人员认定办法》第二十四条第（四）项、第六条）");
    m.put("SUPPORTER_ABLE", "法定义务人具有了履行义务能力或者新增具有履行义务能力的法定义务人（《特困人员认定办法》第二十四条第（五）项）");
    m.put("VOLUNTARY", "自愿申请退出救助供养（《特困人员认定办法》第二十四条第（六）项）");
    m.put("AGE_18", "年满18周岁且未在接受义务教育或者在普通高中、中等职业学校就读（《特困人员认定办法》第二十四条）");
    m.put("MOVED_AWAY", "户籍迁出本县（市、区），由迁入地重新认定（地方做法，待确认）");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Process variable repostEnded (read or written by TekunLifeFormCheck). */
  public static final String REPOST_ENDED = "repostEnded";

  /** Process variable riskDependants (read or written by TekunLifeFormCheck). */
  public static final String RISK_DEPENDANTS = "riskDependants";

  /** Process variable moreDue (read or written by TekunLifeSteps). */
  public static final String MORE_DUE = "moreDue";
}
