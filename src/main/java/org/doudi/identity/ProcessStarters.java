package org.doudi.identity;

import static org.doudi.identity.Role.COUNTY_APPROVER;
import static org.doudi.identity.Role.COUNTY_CASEWORKER;
import static org.doudi.identity.Role.SUPERVISOR;
import static org.doudi.identity.Role.TOWNSHIP_CASEWORKER;
import static org.doudi.identity.Role.VILLAGE_ASSISTANT;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may start which process: the one table (documented in docs/security.md, "启动权限"). Administrators start
 * everything (camunda-admin). A process without a row is started by no one else.
 *
 * <ul>
 *   <li>{@link Way#TASKLIST}: the roles start it themselves, in Tasklist's 启动流程, over {@code /engine-rest} and
 *       {@code /camunda/api/engine} (applied as Camunda CREATE_INSTANCE authorizations, so the engine refuses everyone
 *       else on every way in) and through the module's {@code /api} endpoint, if it has one.</li>
 *   <li>{@link Way#APPLICATION}: only the application starts it (a timer, or the named {@code /api} endpoint, which
 *       records its own evidence first and then starts the instance as the system). The roles are those the endpoint
 *       admits; in the engine no role may start it, so it is absent from Tasklist's list.</li>
 * </ul>
 *
 * <p>{@code /api} endpoints that start a process check this table with
 * {@code @PreAuthorize("@processStarters.allows(authentication, '<process key>')")}.
 */
@Component("processStarters")
public class ProcessStarters {

  public enum Way { TASKLIST, APPLICATION }

  /** One row: a process, how it starts, who may start it and through which endpoint. */
  public record Rule(String processKey, String name, Way way, Set<Role> roles, String startedThrough) {}

  public static final List<Rule> RULES = List.of(
      new Rule("hardship-report", "困难群众主动发现报告", Way.TASKLIST,
          EnumSet.of(VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER),
          "Tasklist; the application for petitions' referrals and citizens' POST /api/citizen/emergency-reports"),
      new Rule("dibao-application", "最低生活保障申请审核确认", Way.TASKLIST,
          EnumSet.of(VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER), "Tasklist, POST /api/applications"),
      new Rule("unemployed-assistance", "未参保失业人员临时救助", Way.TASKLIST,
          EnumSet.of(VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER),
          "Tasklist, POST /api/unemployed/applications"),
      new Rule("emergency-assistance", "急难型临时救助（先行救助）", Way.TASKLIST,
          EnumSet.of(TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER), "Tasklist, POST /api/temporary/emergencies"),
      new Rule("expenditure-assistance", "支出型临时救助（一次审批、分次发放）", Way.TASKLIST,
          EnumSet.of(TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER),
          "Tasklist; the application for a citizen's POST /api/citizen/temporary-applications after the consents"),
      new Rule("holiday-subsidy", "春节、冬季取暖一次性临时补助", Way.TASKLIST,
          EnumSet.of(SUPERVISOR, COUNTY_APPROVER), "Tasklist, POST /api/temporary/holiday-batches"),
      new Rule("monthly-payroll", "月度救助金发放", Way.APPLICATION,
          EnumSet.of(COUNTY_CASEWORKER, COUNTY_APPROVER), "timer (each county, before pay day), POST /api/payroll/runs"),
      new Rule("one-off-disbursement", "一次性救助金每日报送银行", Way.APPLICATION,
          EnumSet.noneOf(Role.class), "timer (working days 16:00)"),
      new Rule("payment-return", "银行退回款处理", Way.APPLICATION,
          EnumSet.of(COUNTY_CASEWORKER, COUNTY_APPROVER), "POST /api/payroll/bank-files/{fileId}/result"),
      new Rule("award-change-approval", "待遇变更审批", Way.APPLICATION,
          EnumSet.of(COUNTY_CASEWORKER, COUNTY_APPROVER), "POST /api/awards/{beneficiaryKey}/changes"),
      new Rule("exit-objection", "退出异议处理", Way.APPLICATION,
          EnumSet.of(COUNTY_CASEWORKER, COUNTY_APPROVER), "POST /api/exits/{exitId}/objection"),
      new Rule("overpayment-recovery", "违规领取救助金追回", Way.APPLICATION,
          EnumSet.of(COUNTY_CASEWORKER, COUNTY_APPROVER), "POST /api/funds/recoveries"),
      new Rule("disability-subsidy", "残疾人两项补贴申请审核", Way.APPLICATION,
          EnumSet.of(VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER),
          "POST /api/disability/applications, the daily discovery (disability-discovery)"),
      new Rule("disability-discovery", "残疾人两项补贴主动发现", Way.APPLICATION,
          EnumSet.noneOf(Role.class), "timer (daily 02:00)"),
      new Rule("vagrant-assistance", "流浪乞讨人员救助管理", Way.TASKLIST, EnumSet.of(COUNTY_CASEWORKER),
          "Tasklist, POST /api/vagrants (the caseworkers of the assistance station's county)"),
      new Rule("tekun-recognition", "特困人员认定", Way.TASKLIST,
          EnumSet.of(VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER),
          "Tasklist (主动发现), POST /api/tekun/applications"),
      new Rule("dibao-review", "低保动态复核", Way.APPLICATION,
          EnumSet.of(TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER, COUNTY_APPROVER),
          "timer (dibao-review-schedule), POST /api/awards/{beneficiaryKey}/reported-changes"),
      new Rule("dibao-review-schedule", "低保动态复核每日排期", Way.APPLICATION,
          EnumSet.noneOf(Role.class), "timer (every day 06:30, working days)"),
      new Rule("standard-rise", "低保标准调整", Way.APPLICATION,
          EnumSet.noneOf(Role.class), "a new local standard (POST /api/admin/dibao-standards), when awards are paid under it"),
      new Rule("rule-approval", "规则变更审批", Way.APPLICATION,
          EnumSet.noneOf(Role.class), "a new version of a money rule (engine deployment hook)"),
      new Rule("standard-batch-approval", "标准批次审批", Way.APPLICATION,
          EnumSet.noneOf(Role.class), "an uploaded table of standards (POST /api/admin/standards/import)"),
      new Rule("watch-alert", "低收入人口监测预警处置", Way.APPLICATION, EnumSet.noneOf(Role.class),
          "WatchList.raise: events of other modules, hardship-report, POST /api/watch/medical-expenses, "
              + "POST /api/watch/deaths, watch-recheck"),
      new Rule("watch-recheck", "未获救助对象定期复核（防止漏保）", Way.APPLICATION, EnumSet.noneOf(Role.class),
          "timer (daily 07:00)"),
      new Rule("tekun-reassessment", "特困人员生活自理能力复评", Way.APPLICATION,
          EnumSet.of(VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER),
          "POST /api/tekun/persons/{id}/reported-changes"),
      new Rule("tekun-termination", "特困人员终止救助供养", Way.APPLICATION,
          EnumSet.of(TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER),
          "POST /api/tekun/persons/{id}/terminations, tekun-age-review (年满18周岁不在校)"),
      new Rule("tekun-funeral", "特困人员死亡：终止供养和丧葬事宜办理", Way.APPLICATION,
          EnumSet.of(TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER), "POST /api/tekun/persons/{id}/death"),
      new Rule("tekun-age-review", "特困未成年人年满18周岁就学核查", Way.APPLICATION, EnumSet.noneOf(Role.class),
          "timer (tekun-schedule)"),
      new Rule("tekun-schedule", "特困人员年满18周岁核查每日排期", Way.APPLICATION, EnumSet.noneOf(Role.class),
          "timer (daily 06:40)"),
      new Rule("care-placement", "特困人员集中供养安置", Way.APPLICATION, EnumSet.noneOf(Role.class),
          "tekun's events (TekunRecognised, TekunCareLevelChanged with the mode CENTRALISED)"),
      new Rule("care-agreement", "特困人员分散供养三方协议与探访", Way.APPLICATION, EnumSet.noneOf(Role.class),
          "tekun's events (TekunRecognised, TekunCareLevelChanged with the mode DISPERSED)"),
      new Rule("child-subsidy", "儿童基本生活费认定", Way.APPLICATION,
          EnumSet.of(VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER), "POST /api/child/applications"),
      new Rule("child-review", "儿童基本生活费年度复核和满18周岁终止", Way.APPLICATION, EnumSet.noneOf(Role.class),
          "timer (child-review-schedule)"),
      new Rule("child-review-schedule", "儿童基本生活费复核每日排期", Way.APPLICATION, EnumSet.noneOf(Role.class),
          "timer (every day 06:45)"),
      new Rule("supervision-escalation", "超时督办", Way.APPLICATION, EnumSet.noneOf(Role.class),
          "timer (supervision-escalation-sweep), once per missed legal limit"),
      new Rule("supervision-escalation-sweep", "超时督办每小时排查", Way.APPLICATION, EnumSet.noneOf(Role.class),
          "timer (every hour at :07)"),
      new Rule("petition", "信访和监督举报办理", Way.TASKLIST, EnumSet.of(TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER),
          "Tasklist, POST /api/petitions"));

  public static Optional<Rule> rule(String processKey) {
    return RULES.stream().filter(r -> r.processKey().equals(processKey)).findFirst();
  }

  /** The process keys the role may start in the engine (Tasklist, /engine-rest, /camunda/api/engine). */
  public static Set<String> startableInEngine(Role role) {
    Set<String> keys = new TreeSet<>();
    RULES.stream().filter(r -> r.way() == Way.TASKLIST && r.roles().contains(role))
        .forEach(r -> keys.add(r.processKey()));
    return keys;
  }

  /** Whether a member may start the process (administrators always). */
  public static boolean mayStart(StaffMember member, String processKey) {
    return member.administrator() || rule(processKey).map(r -> member.assignments().stream()
        .anyMatch(a -> r.roles().contains(a.role()))).orElse(false);
  }

  /** For {@code @PreAuthorize}: the caller holds ROLE_ADMIN or a role of the process's row. */
  public boolean allows(Authentication authentication, String processKey) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return false;
    }
    Set<String> held = new TreeSet<>();
    for (GrantedAuthority a : authentication.getAuthorities()) {
      held.add(a.getAuthority());
    }
    if (held.contains("ROLE_" + Role.ADMIN.name())) {
      return true;
    }
    return rule(processKey).map(r -> r.roles().stream().anyMatch(role -> held.contains("ROLE_" + role.name())))
        .orElse(false);
  }
}
