package org.doudi.tekun.internal;

import static org.doudi.engine.TaskFields.actor;
import static org.doudi.engine.TaskFields.oneOf;
import static org.doudi.engine.TaskFields.optional;
import static org.doudi.tekun.TekunChangeVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.payroll.ExitAssessment;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.TekunFacts.Schooling;
import org.doudi.tekun.TekunFacts.SelfCareItem;
import org.doudi.tekun.persistence.TekunChangeRepository;
import org.doudi.tekun.persistence.TekunChangeRepository.Change;
import org.doudi.tekun.TekunChangeVariables;

/**
 * Server-side checks of every task form of the change and termination processes (complete listener), and the written
 * record of who did what: a refused value throws {@link TekunFormException}, the completion rolls back and the
 * task stays open. Decisions of the county are taken by another person than the township's (four eyes).
 */
@ProcessBean("tekunLifeFormCheck")
public class TekunLifeFormCheck implements TaskListener {

  /** The six items' form keys. */
  static final Map<SelfCareItem, String> ITEM_KEYS = Map.of(SelfCareItem.EATING, "itemEating", SelfCareItem.DRESSING,
      "itemDressing", SelfCareItem.BED_TRANSFER, "itemBedTransfer", SelfCareItem.TOILETING, "itemToileting",
      SelfCareItem.INDOOR_WALKING, "itemIndoorWalking", SelfCareItem.BATHING, "itemBathing");

  static final Map<String, String> OTHER_ASSISTANCE = Map.of("DIBAO_REFERRED", "符合最低生活保障条件，已引导申请低保",
      "OTHER_ASSISTANCE", "符合临时救助等其他社会救助条件，已按规定纳入", "NOT_ELIGIBLE", "经核查不符合低保等其他社会救助条件",
      "DECLINED", "本人（监护人）不申请");

  static final Map<String, String> FUNERAL = Map.of("ARRANGED", "乡镇（街道）已办理丧葬事宜", "BY_RELATIVES",
      "由亲属办理，乡镇（街道）已协助并按规定给予丧葬费用", "BY_INSTITUTION", "由供养服务机构办理");

  private final TekunChangeRepository changes;

  public TekunLifeFormCheck(TekunChangeRepository changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_Reassess" -> reassess(task);
      case "Task_ConfirmLevel" -> confirmLevel(task);
      case "Task_TownshipProposal" -> proposal(task);
      case "Task_CountyDecision" -> countyDecision(task);
      case "Task_NoticeOutcome" -> noticeOutcome(task);
      case "Task_ObjectionDecision" -> objectionDecision(task);
      case "Task_RepostOutcome" -> repostOutcome(task);
      case "Task_CheckOtherAssistance" -> otherAssistance(task);
      case "Task_CheckSchooling" -> schooling(task);
      case "Task_ArrangeFuneral" -> funeral(task);
      default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
    }
  }

  // re-assessment

  private void reassess(DelegateTask task) {
    Set<SelfCareItem> impossible = EnumSet.noneOf(SelfCareItem.class);
    for (SelfCareItem item : SelfCareItem.values()) {
      String key = ITEM_KEYS.get(item);
      if ("CANNOT".equals(oneOf(task, key, item.label(), "CAN", "CANNOT"))) {
        impossible.add(item);
      }
    }
    String note = text(task, "assessmentNote", "评估说明", 5, 1000);
    CareLevel level = CareLevel.ofImpossibleItems(impossible.size());
    Change c = changes.find(id(task)).orElseThrow();
    String user = actor(task);
    String items = impossible.stream().map(Enum::name).collect(Collectors.joining(","));
    changes.setAssessment(c.id(), level.name(), items, note, EngineContext.now());
    changes.record(c.id(), "ASSESSMENT", "生活自理能力复评（六项）：" + (impossible.isEmpty() ? "六项均能自主完成"
        : "不能自主完成" + impossible.stream().map(SelfCareItem::label).collect(Collectors.joining("、"))) + "，评定为“"
        + level.label() + "”。" + note, user, EngineContext.now());
    task.setVariable(NEW_LEVEL, level.name());
    task.setVariable(NEW_LEVEL_TEXT, level.label());
    task.setVariable(LEVEL_CHANGED, !level.name().equals(c.fromLevel()));
    task.setVariable(ASSESSED_BY, user);
  }

  private void confirmLevel(DelegateTask task) {
    String decision = oneOf(task, CONFIRM_DECISION, "审核确认", "CONFIRM", "REJECT");
    String user = fourEyes(task, CONFIRM_DECISION, ASSESSED_BY, "复评人");
    String note = optional(task, "confirmNote");
    if ("REJECT".equals(decision) && (note == null || note.length() < 5)) {
      throw new TekunFormException("confirmNote", "不予确认须写明理由（至少5个字）");
    }
    checkMax("confirmNote", "审核意见", note, 1000);
    changes.record(id(task), "CONFIRM", ("CONFIRM".equals(decision) ? "县级民政部门确认复评结论，自次月起按新标准发放"
        : "县级民政部门不予确认复评结论，待遇不变") + (note == null ? "" : "：" + note), user, EngineContext.now());
    task.setVariable(CONFIRMED_BY, user);
  }

  // termination

  private void proposal(DelegateTask task) {
    String proposal = oneOf(task, PROPOSAL, "乡镇（街道）意见", "PROPOSE", "WITHDRAW");
    String facts = text(task, "proposalFacts", "调查核实情况", 5, 2000);
    String user = actor(task);
    long id = id(task);
    if ("WITHDRAW".equals(proposal)) {
      task.setVariable(PROPOSED_BY, user);
      return;
    }
    String ground = oneOf(task, GROUND, "终止情形", GROUNDS.keySet().stream().filter(g -> !"DEATH".equals(g))
        .toArray(String[]::new));
    String income = null;
    String health = null;
    String debts = null;
    Integer dependants = null;
    if (!EXEMPT_GROUNDS.contains(ground)) {
      income = oneOf(task, "riskIncomeStability", "收入来源稳定性（返贫风险评估）",
          ExitAssessment.INCOME_STABILITY.keySet().toArray(String[]::new));
      health = oneOf(task, "riskHealth", "健康状况（返贫风险评估）", ExitAssessment.HEALTH.keySet().toArray(String[]::new));
      debts = oneOf(task, "riskDebts", "债务负担（返贫风险评估）", ExitAssessment.DEBTS.keySet().toArray(String[]::new));
      Object dep = task.getVariable(TekunChangeVariables.RISK_DEPENDANTS);
      try {
        dependants = dep == null || dep.toString().isBlank() ? null : (int) Double.parseDouble(dep.toString());
      } catch (NumberFormatException e) {
        dependants = null;
      }
      if (dependants == null || dependants < 0 || dependants > 99) {
        throw new TekunFormException("riskDependants", "请填写需赡养（抚养、扶养）人数（0至99）");
      }
    }
    changes.setProposal(id, ground, facts, income, health, debts, dependants, EngineContext.now());
    changes.record(id, "PROPOSAL", "乡镇（街道）调查核实，提出终止救助供养：" + GROUNDS.get(ground) + "。" + facts, user,
        EngineContext.now());
    task.setVariable(GROUND_TEXT, GROUNDS.get(ground));
    task.setVariable(PROPOSED_BY, user);
  }

  private void countyDecision(DelegateTask task) {
    String decision = oneOf(task, DECISION, "县级决定", "APPROVE", "REJECT");
    String user = fourEyes(task, DECISION, PROPOSED_BY, "乡镇（街道）经办人");
    String reasons = text(task, "decisionReasons", "决定理由", 5, 2000);
    long id = id(task);
    changes.setDecision(id, EngineContext.today(), user, EngineContext.now());
    changes.record(id, "COUNTY_DECISION", ("APPROVE".equals(decision) ? "县级民政部门核准拟终止救助供养，予以公示："
        : "县级民政部门不予终止：") + reasons, user, EngineContext.now());
    task.setVariable(DECIDED_BY, user);
  }

  private void noticeOutcome(DelegateTask task) {
    String outcome = oneOf(task, NOTICE_OUTCOME, "公示结果", "NO_OBJECTION", "OBJECTION");
    long id = id(task);
    Change c = changes.find(id).orElseThrow();
    if ("NO_OBJECTION".equals(outcome) && c.noticeEndsOn() != null && EngineContext.today().isBefore(c.noticeEndsOn())) {
      throw new TekunFormException(NOTICE_OUTCOME, "公示期至" + c.noticeEndsOn() + "，公示期满后方可确认无异议");
    }
    if ("OBJECTION".equals(outcome)) {
      String objection = text(task, "objectionText", "异议内容", 5, 2000);
      changes.setObjection(id, objection, EngineContext.now());
      changes.record(id, "OBJECTION", "公示期间收到异议：" + objection, actor(task), EngineContext.now());
    } else {
      changes.record(id, "NOTICE_ENDED", "公示期满（" + c.noticeEndsOn() + "）无异议", actor(task), EngineContext.now());
    }
  }

  private void objectionDecision(DelegateTask task) {
    String decision = oneOf(task, OBJECTION_DECISION, "异议处理决定", "UPHOLD", "DISMISS");
    String user = fourEyes(task, OBJECTION_DECISION, PROPOSED_BY, "乡镇（街道）经办人");
    String reasons = text(task, "objectionReasons", "调查核实情况和理由", 5, 2000);
    long id = id(task);
    changes.setDecision(id, EngineContext.today(), user, EngineContext.now());
    changes.record(id, "OBJECTION_DECISION", ("UPHOLD".equals(decision) ? "异议成立，不予终止：" : "异议不成立，决定终止救助供养，"
        + "重新公示：") + reasons, user, EngineContext.now());
    task.setVariable(DECIDED_BY, user);
  }

  private void repostOutcome(DelegateTask task) {
    Object done = task.getVariable(TekunChangeVariables.REPOST_ENDED);
    if (!Boolean.TRUE.equals(done) && !"true".equals(String.valueOf(done))) {
      throw new TekunFormException("repostEnded", "请确认重新公示已满7天");
    }
    long id = id(task);
    Change c = changes.find(id).orElseThrow();
    if (c.noticeEndsOn() != null && EngineContext.today().isBefore(c.noticeEndsOn())) {
      throw new TekunFormException("repostEnded", "重新公示至" + c.noticeEndsOn() + "，期满后方可确认");
    }
    changes.record(id, "REPOST_ENDED", "重新公示期满（" + c.noticeEndsOn() + "），书面告知本人终止理由", actor(task),
        EngineContext.now());
  }

  private void otherAssistance(DelegateTask task) {
    String outcome = oneOf(task, "otherAssistance", "其他救助核查结果", OTHER_ASSISTANCE.keySet().toArray(String[]::new));
    String note = text(task, "otherAssistanceNote", "核查情况", 5, 1000);
    changes.record(id(task), "OTHER_ASSISTANCE", "终止后核查是否符合低保等其他社会救助条件（《特困人员认定办法》第二十七条）："
        + OTHER_ASSISTANCE.get(outcome) + "。" + note, actor(task), EngineContext.now());
  }

  // age review

  private void schooling(DelegateTask task) {
    String s = oneOf(task, "schooling", "就学情况", java.util.Arrays.stream(Schooling.values()).map(Enum::name)
        .toArray(String[]::new));
    Schooling schooling = Schooling.valueOf(s);
    String school = optional(task, "schoolName");
    if (schooling.continuesPast18() && (school == null || school.length() < 2)) {
      throw new TekunFormException("schoolName", "在校就读的，请填写学校名称");
    }
    checkMax("schoolName", "学校名称", school, 100);
    text(task, "schoolingNote", "核查情况", 5, 1000);
    changes.record(id(task), "SCHOOLING", "就学情况核查：" + schooling.label() + (school == null ? "" : "（" + school + "）"),
        actor(task), EngineContext.now());
    task.setVariable(CONTINUES, schooling.continuesPast18());
    task.setVariable(ASSESSED_BY, actor(task));
  }

  // death

  private void funeral(DelegateTask task) {
    String outcome = oneOf(task, "funeralOutcome", "办理情况", FUNERAL.keySet().toArray(String[]::new));
    String note = text(task, "funeralNote", "办理说明", 5, 1000);
    String day = optional(task, "funeralDate");
    LocalDate date;
    try {
      date = day == null ? null : LocalDate.parse(day.length() > 10 ? day.substring(0, 10) : day);
    } catch (DateTimeParseException e) {
      throw new TekunFormException("funeralDate", "办理日期格式应为yyyy-MM-dd");
    }
    if (date == null) {
      throw new TekunFormException("funeralDate", "请填写办理日期");
    }
    if (date.isAfter(EngineContext.today())) {
      throw new TekunFormException("funeralDate", "办理日期不能晚于今天");
    }
    long id = id(task);
    changes.record(id, "FUNERAL", "丧葬事宜办理（《社会救助暂行办法》第十四条第（四）项）：" + FUNERAL.get(outcome) + "，" + date + "。"
        + note, actor(task), EngineContext.now());
  }

  // helpers

  private static long id(DelegateTask task) {
    return TekunLifeSteps.changeId(task.getExecution());
  }

  private static String fourEyes(DelegateTask task, String field, String otherKey, String otherLabel) {
    String user = actor(task);
    if (user == null) {
      throw new TekunFormException(field, "无法确定办理人，请登录后办理");
    }
    if (user.equals(task.getVariable(otherKey)) || user.equals(task.getVariable(OPENED_BY))) {
      throw new TekunFormException(field, "须由" + otherLabel + "和登记人以外的另一人办理（四眼原则）");
    }
    return user;
  }

  private static void checkMax(String key, String label, String s, int max) {
    if (s != null && s.length() > max) {
      throw new TekunFormException(key, "“" + label + "”最多" + max + "个字，现有" + s.length() + "个字");
    }
  }

  private static String text(DelegateTask task, String key, String label, int min, int max) {
    String s = optional(task, key);
    if (s == null || s.length() < min) {
      throw new TekunFormException(key, "请填写“" + label + "”（至少" + min + "个字）");
    }
    checkMax(key, label, s, max);
    return s;
  }
}
