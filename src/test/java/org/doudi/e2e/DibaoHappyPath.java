package org.doudi.e2e;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One 低保 case from acceptance to approval as the demo users would work it (宝塔村, 农安镇, 农安县 — the county
 * decides): who completes each user task of {@code dibao-application} and with which form values. Shared by the
 * PostgreSQL integration test (REST) and the benchmark (engine API).
 */
public final class DibaoHappyPath {

  public static final String PROCESS = "dibao-application";
  public static final String ACCEPTANCE = "Task_AcceptApplication";
  /** The 公示 period ends by its timer; the test and the benchmark let it fire. */
  public static final List<String> FIRABLE_TIMERS = List.of("BoundaryEvent_NoticePeriodEnded");
  /** The 公示 task only registers objections; in the happy path nobody completes it, its timer ends it. */
  public static final String NOTICE = "Task_PublicNotice";

  /** Who completes a task and the values its form submits. */
  public record Step(String user, Map<String, Object> values) {}

  private DibaoHappyPath() {}

  public static Map<String, Object> acceptanceWithAllMaterials() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("materialIdentity", true);
    v.put("materialIncome", true);
    v.put("materialAssets", true);
    v.put("materialAuthorisation", true);
    v.put("materialPledge", true);
    v.put("materialDisabilityProof", true);
    v.put("acceptanceNote", "材料齐全，予以受理。");
    return v;
  }

  /** The steps by task definition key. */
  public static Map<String, Step> steps() {
    Map<String, Step> s = new LinkedHashMap<>();
    s.put(ACCEPTANCE, new Step("nongan-cw", acceptanceWithAllMaterials()));
    s.put("Task_StartInvestigation", new Step("nongan-cw", Map.of(
        "investigator1", "刘调查", "investigator2", "陈调查",
        "plannedVisitDate", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
        "investigationPlan", "入户调查并走访邻居两户。")));
    s.put("Task_InvestigateHousehold", new Step("nongan-cw", Map.of(
        "investigator1", "刘调查", "investigator2", "陈调查", "investigatorsSigned", true, "familySigned", true,
        "investigationDate", LocalDate.now().toString(),
        "livingConditions", "两间平房，家具简陋，申请人患病无法劳动。",
        "neighbourhoodNotes", "走访邻居两户，情况属实。")));
    s.put("Task_RecordCheckResponse", new Step("nongan-cw", Map.of("checkResponse", "ACCEPTS")));
    s.put("Task_DemocraticAppraisal", new Step("nongan-cw", Map.of(
        "appraisalDate", LocalDate.now().toString(), "appraisalParticipants", 9, "appraisalRepresentatives", 7,
        "appraisalResult", "AGREE", "appraisalNotes", "评议通过。")));
    s.put("Task_PreliminaryReview", new Step("nongan-approver", Map.of(
        "preliminaryOpinion", "APPROVE", "preliminaryNotes", "符合条件，同意。")));
    s.put("Task_CountyHomeVisit", new Step("na-county-cw", Map.of(
        "countyVisitor1", "赵县级", "countyVisitor2", "钱县级", "countyVisitFinding", "CONFIRMS",
        "countyVisitNotes", "入户核实，情况属实。")));
    s.put("Task_ConfirmApplication", new Step("na-county-approver", Map.of(
        "decision", "APPROVE", "decisionReasons", "家庭人均收入低于当地低保标准，财产符合规定。")));
    return s;
  }
}
