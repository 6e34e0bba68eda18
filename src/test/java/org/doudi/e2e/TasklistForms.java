package org.doudi.e2e;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doudi.platform.TasklistPage;

/**
 * How a caseworker fills each Camunda Form in the Tasklist walks, in one place: by the labels the user reads
 * ({@link TasklistPage#type}, {@link TasklistPage#choose}, {@link TasklistPage#check}, {@link TasklistPage#select}).
 * When a form's labels change, only its method here changes. Each method names the field keys it fills. Public for
 * the browser tests of other modules that hand a case to the caseworkers (e.g. the citizens' page).
 */
public final class TasklistForms {

  private TasklistForms() {}

  public static String today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
  }

  // ---------------------------------------------------------------- 低保 (dibao-application)

  /**
   * Who works each user task of a 低保 case of 宝塔村 (农安镇, 农安县) in Tasklist and how, by task definition key:
   * the township caseworker and approver, the county caseworker and approver (the demo staff). The 公示 has no step:
   * its timer ends it.
   */
  public static Map<String, TasklistWalk.Step> dibaoSteps() {
    Map<String, TasklistWalk.Step> steps = new LinkedHashMap<>();
    steps.put("Task_AcceptApplication", new TasklistWalk.Step("nongan-cw", TasklistForms::dibaoAccept));
    steps.put("Task_StartInvestigation", new TasklistWalk.Step("nongan-cw", TasklistForms::dibaoStartInvestigation));
    steps.put("Task_InvestigateHousehold", new TasklistWalk.Step("nongan-cw", TasklistForms::dibaoInvestigate));
    steps.put("Task_RecordCheckResponse", new TasklistWalk.Step("nongan-cw", TasklistForms::dibaoCheckResponse));
    steps.put("Task_DemocraticAppraisal", new TasklistWalk.Step("nongan-cw", TasklistForms::dibaoAppraisal));
    steps.put("Task_PreliminaryReview", new TasklistWalk.Step("nongan-approver", TasklistForms::dibaoPreliminary));
    steps.put("Task_CountyHomeVisit", new TasklistWalk.Step("na-county-cw", TasklistForms::dibaoCountyVisit));
    steps.put("Task_ConfirmApplication", new TasklistWalk.Step("na-county-approver", TasklistForms::dibaoConfirm));
    return steps;
  }

  /** The materials checklist of {@code dibao-accept} as the caseworker reads it. */
  private static final String[] DIBAO_MATERIALS = {"申请人及家庭成员身份证、户口簿", "家庭收入情况说明", "家庭财产状况说明",
      "家庭经济状况核对授权书（已签字）", "承诺书（已签字）", "残疾证、诊断证明等（家庭有重病、重残成员时必需）"};

  /**
   * {@code dibao-start} at the counter, a one-person household in 宝塔村 (农安镇) with a deposit: township, regionCode,
   * urbanRural, address, contactPhone, members[0] (name, idNumber, relation, seriousIllness, incomeWage,
   * incomePensionBasic), assets[0] (assetType, assetValue), bankName, bankAccountNumber, bankHolderName,
   * authorisationSigned, pledgeSigned.
   */
  public static void dibaoStart(TasklistPage p, String name, String idNumber) {
    p.select("居住地乡镇（街道）", "农安县农安镇");
    p.select("居住地村（社区）", "宝塔村"); // the villages offered follow the township
    p.select("户口性质", "农村");
    p.type("家庭住址", "农安县农安镇宝塔村3组");
    p.type("联系电话", "13800000000");
    // 家庭成员 starts with one entry: the applicant
    p.type("姓名", name);
    p.type("身份证号码", idNumber);
    p.select("与申请人关系", "本人（申请人）");
    p.check("患重病", true);
    p.type("工资性收入（元/月）", "300");
    p.type("城乡居民基本养老保险基础养老金（不计入收入）（元/月）", "150");
    p.addListEntry("家庭财产");
    p.select("财产类型", "存款");
    p.type("说明（如开户行、车牌号、房屋坐落）", "农安农商银行定期存款");
    p.type("价值（元）", "3000");
    p.type("开户银行", "农安农商银行");
    p.type("银行账号", "6228480012345678901");
    p.type("账户户名（应为本户家庭成员）", name);
    p.check("已签署家庭经济状况核对授权书", true);
    p.check("已签署申请材料真实性承诺书", true);
  }

  /** {@code dibao-accept}: materialIdentity, materialIncome, materialAssets, materialAuthorisation, materialPledge,
   * materialDisabilityProof, acceptanceNote. */
  public static void dibaoAccept(TasklistPage p) {
    for (String material : DIBAO_MATERIALS) {
      p.check(material, true);
    }
    p.type("受理说明", "材料齐全，当场受理。");
  }

  /**
   * {@code dibao-accept} with one material missing (left unticked, every other one ticked): the case waits for it
   * under the 一次性告知. Same fields as {@link #dibaoAccept}.
   */
  public static void dibaoAcceptWithout(TasklistPage p, String missingMaterial) {
    if (!Arrays.asList(DIBAO_MATERIALS).contains(missingMaterial)) {
      throw new IllegalArgumentException("No material " + missingMaterial + " in the checklist of 受理");
    }
    for (String material : DIBAO_MATERIALS) {
      p.check(material, !material.equals(missingMaterial));
    }
    p.type("受理说明", "缺" + missingMaterial + "，一次性告知申请人补齐。");
  }

  /** {@code dibao-start-investigation}: investigator1, investigator2, plannedVisitDate, investigationPlan. */
  public static void dibaoStartInvestigation(TasklistPage p) {
    p.type("调查人员一", "刘调查");
    p.type("调查人员二", "陈调查");
    p.type("计划入户日期", today());
    p.type("调查安排（邻里访问、信函索证等）", "入户调查并走访邻居两户。");
  }

  /** {@code dibao-investigate}: investigator1, investigator2, investigatorsSigned, familySigned, investigationDate,
   * livingConditions, neighbourhoodNotes. */
  public static void dibaoInvestigate(TasklistPage p) {
    p.type("调查人员一", "刘调查");
    p.type("调查人员二", "陈调查");
    p.check("调查人员已在入户调查表上签字", true);
    p.check("在场家庭成员已在入户调查表上签字", true);
    p.type("调查日期", today());
    p.type("居住和生活状况", "两间平房，家具简陋，申请人患病无法劳动。");
    p.type("邻里访问情况", "走访邻居两户，情况属实。");
  }

  /** {@code dibao-check-response}: checkResponse. */
  public static void dibaoCheckResponse(TasklistPage p) {
    p.choose("申请人意见", "认可核对结果");
  }

  /** {@code dibao-appraisal}: appraisalDate, appraisalParticipants, appraisalRepresentatives, appraisalResult,
   * appraisalNotes. */
  public static void dibaoAppraisal(TasklistPage p) {
    p.type("评议日期", today());
    p.type("参加人数", "9");
    p.type("其中村（居）民代表人数", "7");
    p.choose("评议结果", "多数认为符合条件");
    p.type("评议情况记录", "评议通过。");
  }

  /** {@code dibao-preliminary}: preliminaryOpinion, preliminaryNotes. */
  public static void dibaoPreliminary(TasklistPage p) {
    p.choose("初审意见", "符合条件，同意纳入低保");
    p.type("初审意见说明", "符合条件，同意。");
  }

  /** {@code dibao-county-visit}: countyVisitor1, countyVisitor2, countyVisitFinding, countyVisitNotes. */
  public static void dibaoCountyVisit(TasklistPage p) {
    p.type("调查人员一", "赵县级");
    p.type("调查人员二", "钱县级");
    p.choose("调查结论", "与乡镇调查一致");
    p.type("调查情况", "入户核实，情况属实。");
  }

  /** {@code dibao-confirm}: decision, decisionReasons. */
  public static void dibaoConfirm(TasklistPage p) {
    p.choose("审核确认决定", "确认同意，按评估金额发放");
    p.type("决定理由（不予确认同意时必填，将写入告知书）", "家庭人均收入低于当地低保标准，财产符合规定。");
  }

  // ---------------------------------------------------------------- 支出型临时救助 (expenditure-assistance)

  /**
   * {@code temporary-expenditure-start}: township, regionCode (宝塔村), recipientName, recipientIdNumber, recipientPhone, memberCount,
   * causeKind, cause, expenseAmount, amount, householdMonthlyIncome, bankName, bankAccountNumber, authorisationSigned,
   * pledgeSigned.
   */
  public static void expenditureStart(TasklistPage p, String name, String idNumber) {
    p.select("申请人居住地乡镇（街道）", "农安县农安镇");
    p.select("申请人居住地村（社区）", "宝塔村");
    p.type("申请人姓名", name);
    p.type("申请人身份证号码", idNumber);
    p.type("联系电话", "13800000000");
    p.type("家庭人数", "3");
    p.select("支出类型", "医疗");
    p.type("困难情况说明", "妻子突发重病住院，自付医疗费用高。");
    p.type("刚性支出金额（元）", "8000");
    p.type("申请救助金额（元）", "1800");
    p.type("家庭月收入（元）", "800");
    p.type("开户银行", "农安县农村信用社");
    p.type("银行账号", "6217000000000000001");
    p.check("家庭经济状况核对授权书已签字", true);
    p.check("承诺书已签字", true);
  }

  /** {@code temporary-expenditure-accept}: materialApplication, materialIdentity, materialExpenseProof,
   * materialAuthorisation, materialPledge, acceptanceNote. */
  public static void expenditureAccept(TasklistPage p) {
    for (String material : new String[] {"临时救助申请书", "居民身份证、户口簿或居住证", "医疗、教育等刚性支出票据或证明",
        "家庭经济状况核对授权书（签字）", "承诺书（签字）"}) {
      p.check(material, true);
    }
    p.type("受理说明", "材料齐全，当场受理。");
  }

  /** {@code temporary-expenditure-investigate}: investigator1, investigator2, investigatorsSigned, investigationDate,
   * investigationFindings. */
  public static void expenditureInvestigate(TasklistPage p) {
    p.type("调查人员一", "刘调查");
    p.type("调查人员二", "陈调查");
    p.check("调查记录已由两名调查人员签字", true);
    p.type("调查日期", today());
    p.type("调查情况（困难程度、刚性支出核实）", "住院费用票据属实，家庭无其他收入。");
  }

  /** {@code temporary-expenditure-proposal}: proposalOpinion, proposalNotes, amount, instalmentCount, intervalMonths,
   * firstPaymentDate (one instalment, due today). */
  public static void expenditureProposal(TasklistPage p) {
    p.select("审核意见", "同意救助");
    p.type("审核意见说明", "情况属实，建议救助。");
    p.type("救助总金额（元）", "1800");
    p.type("发放期数", "1");
    p.type("发放间隔（月）", "1");
    p.type("首期发放日期", today());
  }

  /** {@code temporary-township-approval}: decision, decisionReasons. */
  public static void temporaryTownshipApproval(TasklistPage p) {
    p.select("审核确认决定", "同意救助");
    p.type("决定理由", "经审核，符合支出型临时救助条件。");
  }

  // ---------------------------------------------------------------- 急难型临时救助 (emergency-assistance)

  /**
   * {@code temporary-emergency-start}: reportChannel, township, regionCode (宝塔村), recipientName, recipientIdNumber, recipientPhone,
   * hukouPlace, causeKind, cause, amount (above the township's 1000 yuan: the county approves first).
   */
  public static void emergencyStart(TasklistPage p, String name, String idNumber) {
    p.select("报告方式", "柜台登记");
    p.select("急难发生地乡镇（街道）", "农安县农安镇");
    p.select("急难发生地村（社区）", "宝塔村");
    p.type("救助对象姓名", name);
    p.type("救助对象身份证号码", idNumber);
    p.type("联系电话", "13900000000");
    p.type("户籍地（仅登记，不作为条件）", "黑龙江省哈尔滨市");
    p.select("急难类型", "火灾");
    p.type("急难情况说明", "住房失火，衣物被褥全部烧毁。");
    p.type("救助金额（元）", "1200");
  }

  /** {@code temporary-county-approval} without 一事一议: decision, decisionReasons. */
  public static void temporaryCountyApproval(TasklistPage p) {
    p.select("审核确认决定", "同意救助");
    p.type("决定理由", "情况紧急，同意先行救助。");
  }

  /** {@code temporary-await-easing}: easedOn, easedNote. */
  public static void emergencyEased(TasklistPage p) {
    p.type("急难缓解日期", today());
    p.type("缓解情况说明", "已安置到亲属家中。");
  }

  /** {@code temporary-paperwork}: recipientRegistered, paperworkCause, amountConfirmed, handlerName, handlerSigned,
   * reviewerName, reviewerSigned, townshipStamped, receiptSigned, paperworkNote. */
  public static void emergencyPaperwork(TasklistPage p, String amount) {
    p.check("已登记救助对象信息（姓名、身份证号码、联系方式）", true);
    p.type("救助事由", "住房失火。");
    p.type("核对发放金额（元）", amount);
    p.type("经办人", "刘经办");
    p.check("经办人已签字", true);
    p.type("审核人（乡镇（街道）负责人）", "陈镇长");
    p.check("审核人已签字", true);
    p.check("已加盖乡镇（街道）公章", true);
    p.check("领款凭证已由救助对象（或代领人）签字", true);
    p.type("备注", "手续已补齐。");
  }
}
