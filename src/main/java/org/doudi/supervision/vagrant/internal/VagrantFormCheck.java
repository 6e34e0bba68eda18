package org.doudi.supervision.vagrant.internal;

import static org.doudi.engine.TaskFields.actor;
import static org.doudi.engine.TaskFields.oneOf;
import static org.doudi.engine.TaskFields.optional;
import static org.doudi.engine.TaskFields.text;
import static org.doudi.supervision.vagrant.VagrantVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.household.IdNumber;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.supervision.vagrant.persistence.VagrantRepository;
import org.doudi.supervision.vagrant.VagrantVariables;

/**
 * Server-side validation of every task form of {@code vagrant-assistance} (complete listener) and the written
 * record of the stay: a refused value throws {@link VagrantFormException}, the completion rolls back and the task
 * stays open, nothing recorded. Each identity-search attempt is one completion of 身份查询与寻亲 and one record.
 */
@ProcessBean("vagrantFormCheck")
public class VagrantFormCheck implements TaskListener {

  static final Map<String, String> SEARCH_METHODS = Map.of("PUBLIC_SECURITY", "公安机关信息比对", "FACE", "人像比对",
      "DNA", "DNA数据库比对", "NOTICE", "发布寻亲公告", "INTERVIEW", "询问甄别", "MEDIA", "网络媒体寻亲", "OTHER", "其他方式");
  static final Map<String, String> RETURN_MODES = Map.of("FAMILY_PICKUP", "亲属接回", "ESCORTED", "护送返乡",
      "TICKET", "提供乘车凭证自行返乡");
  static final Map<String, String> STAY_REASONS = Map.of("IDENTITY_UNKNOWN", "身份不明，仍在查找", "UNDER_TREATMENT",
      "正在医疗救治", "AWAITING_RETURN", "等待亲属接回或护送返乡", "OTHER", "其他特殊情况");

  private final VagrantRepository repository;
  private final Regions regions;

  public VagrantFormCheck(VagrantRepository repository, Regions regions) {
    this.repository = repository;
    this.regions = regions;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_BasicNeeds" -> needs(task);
      case "Task_MedicalCare" -> medical(task);
      case "Task_IdentitySearch" -> search(task);
      case "Task_ReturnHome" -> returnHome(task);
      case "Task_StayFiling" -> stayFiling(task);
      case "Task_Settlement" -> settlement(task);
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  private void needs(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(VagrantVariables.LODGING_PROVIDED))) {
      throw new VagrantFormException("lodgingProvided", "救助管理站须为受助人员安排住宿（请确认已安排住处）");
    }
    if (!Boolean.TRUE.equals(task.getVariable(VagrantVariables.MEALS_PROVIDED))) {
      throw new VagrantFormException("mealsProvided", "救助管理站须为受助人员提供符合食品卫生要求的食物（请确认已提供）");
    }
    String need = oneOf(task, HEALTH_NEED, "健康评估", "WELL", "MEDICAL");
    String note = optional(task, "needsNote");
    if ("MEDICAL".equals(need) && (note == null || note.length() < 5)) {
      throw new VagrantFormException("needsNote", "需要医疗救治的，请写明病情或伤情（至少5个字）");
    }
    if (note != null && note.length() > 1000) {
      throw new VagrantFormException("needsNote", "“情况说明”最多1000个字，现有" + note.length() + "个字");
    }
    record(task, "NEEDS", null, "生活救助：已安排住宿和饮食" + (Boolean.TRUE.equals(task.getVariable(VagrantVariables.CLOTHING_PROVIDED))
        ? "，已提供衣物" : "") + "。健康评估：" + ("MEDICAL".equals(need) ? "需要医疗救治" : "无需医疗救治")
        + (note == null ? "" : "。" + note));
  }

  private void medical(DelegateTask task) {
    String hospital = text(task, "hospital", "救治医院", 100);
    String treatment = text(task, "treatment", "救治情况", 2000);
    if (treatment.length() < 5) {
      throw new VagrantFormException("treatment", "请写明救治情况（至少5个字）");
    }
    String outcome = oneOf(task, MEDICAL_OUTCOME, "救治结果", "RECOVERED", "CONTINUING");
    record(task, "MEDICAL", null, "医疗救治：" + hospital + "。" + treatment + "。结果：" + ("RECOVERED".equals(outcome)
        ? "治愈或好转，回站" : "仍需治疗，继续在医疗机构救治，同时查找身份"));
  }

  private void search(DelegateTask task) {
    String method = oneOf(task, "searchMethod", "查找方式", SEARCH_METHODS.keySet().toArray(String[]::new));
    String detail = text(task, "searchDetail", "查找经过和结果", 2000);
    if (detail.length() < 5) {
      throw new VagrantFormException("searchDetail", "请写明本次查找的经过和结果（至少5个字），如比对的数据库、公告的媒体和日期");
    }
    String outcome = oneOf(task, SEARCH_OUTCOME, "查找结论", "NOT_YET", "IDENTIFIED", "LEFT");
    long caseId = caseId(task);
    String user = actor(task);
    String attempt = SEARCH_METHODS.get(method) + "：" + detail;
    if ("IDENTIFIED".equals(outcome)) {
      String name = text(task, "identifiedName", "查明的姓名", 50);
      String id = optional(task, "identifiedIdNumber");
      if (id != null) {
        id = id.toUpperCase();
        if (!IdNumber.isValid(id)) {
          throw new VagrantFormException("identifiedIdNumber", "身份证号码" + id + "无效（校验位不正确）；没有的请不填");
        }
      }
      String hometown = text(task, "hometown", "户籍地或家庭住址", 200);
      repository.identified(caseId, name, id, EngineContext.now());
      task.setVariable(IDENTIFIED_TEXT, name + (id == null ? "" : "，身份证号码" + IdNumber.parse(id).masked())
          + "，户籍地或家庭住址：" + hometown);
      task.setVariable(VagrantVariables.IDENTIFIED_ID_NUMBER, null);
      repository.insertRecord(caseId, "SEARCH", method, attempt + "（已查明身份）", user, EngineContext.now());
      repository.insertRecord(caseId, "IDENTIFIED", null, "身份已查明：" + name + "，户籍地或家庭住址：" + hometown, user,
          EngineContext.now());
    } else if ("LEFT".equals(outcome)) {
      repository.insertRecord(caseId, "SEARCH", method, attempt, user, EngineContext.now());
      repository.insertRecord(caseId, "LEFT", null, "本人自愿离站（救助自愿，来去自由）。", user, EngineContext.now());
    } else {
      repository.insertRecord(caseId, "SEARCH", method, attempt + "（尚未查明）", user, EngineContext.now());
    }
    int n = task.getVariable(SEARCH_COUNT) == null ? 1 : ((Number) task.getVariable(SEARCH_COUNT)).intValue() + 1;
    task.setVariable(SEARCH_COUNT, n);
    Object before = task.getVariable(SEARCH_HISTORY);
    String line = n + ". " + EngineContext.today() + " " + attempt;
    String history = before == null ? line : before + "\n" + line;
    task.setVariable(SEARCH_HISTORY, history.length() > 3000 ? history.substring(history.length() - 3000) : history);
    // the next attempt starts with empty fields
    task.setVariable(VagrantVariables.SEARCH_DETAIL, null);
  }

  private void returnHome(DelegateTask task) {
    String mode = oneOf(task, "returnMode", "返乡方式", RETURN_MODES.keySet().toArray(String[]::new));
    String party = text(task, "receivingParty", "接收人或接收单位", 100);
    String relation = text(task, "receivingRelation", "与受助人关系或单位", 100);
    String destination = text(task, "destination", "返回地点", 200);
    String note = optional(task, "returnNote");
    if (note != null && note.length() > 1000) {
      throw new VagrantFormException("returnNote", "“备注”最多1000个字，现有" + note.length() + "个字");
    }
    record(task, "RETURN", null, "接送返乡：" + RETURN_MODES.get(mode) + "，接收方：" + party + "（" + relation + "），返回地点："
        + destination + (note == null ? "" : "。" + note));
  }

  private void stayFiling(DelegateTask task) {
    String reason = oneOf(task, "stayReason", "延长滞留原因", STAY_REASONS.keySet().toArray(String[]::new));
    String explanation = text(task, "stayExplanation", "情况说明", 2000);
    if (explanation.length() < 5) {
      throw new VagrantFormException("stayExplanation", "请写明需要延长滞留的特殊情况（至少5个字）");
    }
    String department = text(task, "filingDepartment", "备案的民政部门", 100);
    long caseId = caseId(task);
    repository.stayFiled(caseId, EngineContext.now());
    record(task, "STAY_FILING", null, "在站超过" + STAY_LIMIT_DAYS + "天，报" + department + "备案。原因："
        + STAY_REASONS.get(reason) + "。" + explanation);
  }

  private void settlement(DelegateTask task) {
    String plan = text(task, "settlementPlan", "安置方案及当地政府批准情况", 2000);
    if (plan.length() < 5) {
      throw new VagrantFormException("settlementPlan", "请写明安置方案及当地政府的批准情况（至少5个字）");
    }
    String name = text(task, "registeredName", "登记姓名", 50);
    String id = text(task, "registeredIdNumber", "公民身份号码", 18).toUpperCase();
    if (!IdNumber.isValid(id)) {
      throw new VagrantFormException("registeredIdNumber", "公民身份号码" + id + "无效（校验位不正确）");
    }
    String on = text(task, "hukouRegisteredOn", "户口登记日期", 10);
    LocalDate registeredOn;
    try {
      registeredOn = LocalDate.parse(on);
    } catch (DateTimeParseException e) {
      throw new VagrantFormException("hukouRegisteredOn", "户口登记日期应为“年-月-日”，如2026-03-01");
    }
    if (registeredOn.isAfter(EngineContext.today())) {
      throw new VagrantFormException("hukouRegisteredOn", "户口登记日期不能晚于今天；请在户口登记后办理");
    }
    String regionCode = text(task, "settlementRegionCode", "落户地乡镇（街道）或村（社区）代码", 12);
    Optional<Region> region = regions.find(regionCode);
    if (region.isEmpty() || (region.get().level() != RegionLevel.TOWNSHIP
        && region.get().level() != RegionLevel.VILLAGE)) {
      throw new VagrantFormException("settlementRegionCode", "落户地应为存在的乡镇（街道）或村（社区）代码，" + regionCode
          + (region.isEmpty() ? "不存在" : "是" + region.get().name()));
    }
    if (region.get().closedForNewCases() != null) {
      throw new VagrantFormException("settlementRegionCode", region.get().closedForNewCases());
    }
    oneOf(task, "urbanRural", "城乡类别", "URBAN", "RURAL");
    oneOf(task, "careMode", "特困供养方式（如符合）", "CENTRALISED", "DISPERSED");
    text(task, "address", "安置住址", 200);
    String phone = text(task, "contactPhone", "联系电话", 20);
    if (!phone.matches("\\d{7,20}")) {
      throw new VagrantFormException("contactPhone", "联系电话应为7至20位数字");
    }
    String income = optional(task, "monthlyIncome");
    if (income != null) {
      try {
        BigDecimal v = new BigDecimal(income);
        if (v.signum() < 0 || v.scale() > 2 || v.compareTo(new BigDecimal("1000000")) >= 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new VagrantFormException("monthlyIncome", "月收入应为不小于0、最多两位小数的金额（元）");
      }
    }
    String category = optional(task, "disabilityCategory");
    String grade = optional(task, "disabilityGrade");
    if (category != null) {
      oneOf(task, "disabilityCategory", "残疾类别", "VISUAL", "HEARING", "SPEECH", "PHYSICAL", "INTELLECTUAL",
          "MENTAL", "MULTIPLE");
      if (grade == null || !grade.replaceAll("\\.0$", "").matches("[1-4]")) {
        throw new VagrantFormException("disabilityGrade", "填写了残疾类别的，请填写残疾等级（1至4级）");
      }
    } else if (grade != null) {
      throw new VagrantFormException("disabilityCategory", "填写了残疾等级的，请同时选择残疾类别");
    }
    text(task, "bankName", "开户银行", 100);
    String account = text(task, "accountNumber", "银行账号", 30);
    if (!account.matches("\\d{8,30}")) {
      throw new VagrantFormException("accountNumber", "银行账号应为8至30位数字");
    }
    if (!Boolean.TRUE.equals(task.getVariable(VagrantVariables.AUTHORISATION_SIGNED))) {
      throw new VagrantFormException("authorisationSigned", "须由本人签署家庭经济状况核对授权书，才能审查特困、低保资格");
    }
    String user = actor(task);
    long caseId = caseId(task);
    repository.settled(caseId, name, id, regionCode, EngineContext.now());
    repository.insertRecord(caseId, "SETTLEMENT", null, "滞留超过" + SETTLEMENT_MONTHS + "个月仍无法查明身份，落户安置：以“"
        + name + "”登记户口（" + registeredOn + "），落户地" + regions.fullName(regionCode) + "。安置方案：" + plan, user,
        EngineContext.now());
    task.setVariable(VagrantVariables.SETTLED_BY, user);
  }

  private void record(DelegateTask task, String kind, String method, String content) {
    repository.insertRecord(caseId(task), kind, method, content, actor(task), EngineContext.now());
  }

  private static long caseId(DelegateTask task) {
    return ((Number) task.getVariable(CASE_ID)).longValue();
  }
}
