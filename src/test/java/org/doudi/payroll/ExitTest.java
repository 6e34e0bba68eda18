package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payroll.PayrollFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.register.BenefitRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * 退出与渐退 (issue 15, item 4): a stop without the relapse-risk assessment is refused (REST and API) and stores
 * nothing; DEATH, FRAUD and MOVED_AWAY need none; the risk level comes from the DMN; the notice; a 渐退 of 3 months
 * pays exactly 3 more roster months after the decision month and then nothing (the rosters are made), after which
 * the phase-out ends once (register, AwardEnded); objections upheld (the award paid again from the stopped month, the
 * missed month caught up) and rejected; repeats change nothing.
 */
@DoudiTest
@RecordApplicationEvents
class ExitTest {

  static final String SECOND_APPROVER = "na-county-approver-b";

  @LocalServerPort int port;
  @Autowired Awards awards;
  @Autowired AwardChanges changes;
  @Autowired Exits exits;
  @Autowired Staff staff;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired Payroll payroll;
  @Autowired Payments payments;
  @Autowired BenefitRegister register;
  @Autowired ApplicationEvents events;
  @Autowired FaultInjector faults;

  final ObjectMapper json = new ObjectMapper();
  Http http;
  PayrollFixture f;

  @BeforeEach
  void setUp() {
    staff.ensureUser(SECOND_APPROVER, "审批", "乙", "demo", Role.COUNTY_APPROVER, NONGAN);
    http = new Http(port);
    f = new PayrollFixture(tasks, management);
  }

  @AfterEach
  void tearDown() {
    faults.disarm();
    ClockUtil.reset();
  }

  AwardRow granted(String key, String decidedOn) {
    return awards.grant(grant(key, "退" + key.substring(key.length() - 1), "220122195001010014", "600", decidedOn),
        "na-county-approver");
  }

  static final ExitAssessment EMPLOYED = new ExitAssessment("INCOME_ABOVE_STANDARD_EMPLOYMENT", "UNSTABLE", "GOOD",
      "NONE", 1, "户主在县城物流公司就业，月工资2800元");

  int requestsOf(String key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM award_change_request WHERE beneficiary_key = ?", Integer.class,
        key);
  }

  int exitsOf(String key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM award_exit WHERE beneficiary_key = ?", Integer.class, key);
  }

  Http.Response ask(String user, String key, String body) {
    return http.send(user, "POST", "/api/awards/" + key + "/changes", body);
  }

  /** The roster row of the beneficiary in the month, after the county's roster of that month is made. */
  java.util.Optional<LedgerEntry> paid(String key, YearMonth month) {
    payroll.computeRoster(NONGAN, month, "system");
    return payments.byKey(Payroll.rosterKey("DIBAO", key, month));
  }

  /** Asks over REST, approves as another approver, runs the apply job; the request's id. */
  long stopApproved(String key, String body) throws Exception {
    Http.Response r = ask("na-county-cw", key, body);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    JsonNode asked = json.readTree(r.body());
    String pid = asked.get("processInstanceId").asText();
    f.complete(pid, "Task_ApproveChange", SECOND_APPROVER, Map.of("decision", "APPROVE"));
    assertThat(f.runJobs(pid)).isEmpty();
    return asked.get("requestId").asLong();
  }

  @Test
  void aStopWithoutTheAssessmentIsRefusedOverRestAndTheApiAndStoresNothing() {
    clockAt("2061-02-10T09:00");
    granted("HH-EX1", "2061-01-10");
    // REST: no exit reason at all, then an assessment that lacks fields, then an unknown value
    Http.Response none = ask("na-county-cw", "HH-EX1", "{\"kind\":\"STOP\",\"reason\":\"收入超过标准\"}");
    assertThat(none.status()).as(none.body()).isEqualTo(400);
    assertThat(none.body()).contains("停发须附退出评估").contains("返贫风险评估");
    Http.Response partial = ask("na-county-cw", "HH-EX1", "{\"kind\":\"STOP\",\"reason\":\"收入超过标准\","
        + "\"exitReasonCode\":\"INCOME_ABOVE_STANDARD_OTHER\",\"riskIncomeStability\":\"STABLE\"}");
    assertThat(partial.status()).as(partial.body()).isEqualTo(400);
    assertThat(partial.body()).contains("健康状况 riskHealth").contains("债务负担 riskDebts")
        .contains("riskDependants");
    Http.Response unknown = ask("na-county-cw", "HH-EX1", "{\"kind\":\"STOP\",\"reason\":\"r\","
        + "\"exitReasonCode\":\"BORED\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("退出原因 exitReasonCode 无效");
    Http.Response other = ask("na-county-cw", "HH-EX1", "{\"kind\":\"STOP\",\"reason\":\"r\","
        + "\"exitReasonCode\":\"OTHER\",\"riskIncomeStability\":\"STABLE\",\"riskHealth\":\"GOOD\","
        + "\"riskDebts\":\"NONE\",\"riskDependants\":0}");
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.body()).contains("其他原因").contains("riskNote");
    // the 特困 confirmation's own reason is exempt from the assessment, so nobody may ask for it by hand
    Http.Response tekun = ask("na-county-cw", "HH-EX1", "{\"kind\":\"STOP\",\"reason\":\"转特困\","
        + "\"exitReasonCode\":\"TEKUN_RECOGNISED\"}");
    assertThat(tekun.status()).as(tekun.body()).isEqualTo(400);
    assertThat(tekun.body()).contains("只能由特困人员认定确认时作出");
    assertThat(requestsOf("HH-EX1")).isZero();

    // the API: AwardChanges without an assessment, Exits without or with an incomplete one, Awards.apply
    assertThatThrownBy(() -> changes.request("HH-EX1", Scheme.DIBAO, AwardChange.stop(), null, "收入超过标准",
        "na-county-cw")).isInstanceOf(InvalidAwardException.class).hasMessageContaining("停发须附退出评估");
    assertThatThrownBy(() -> exits.decide("HH-EX1", Scheme.DIBAO, null, "case-HH-EX1",
        LocalDate.parse("2061-02-10"), "na-county-approver")).isInstanceOf(InvalidAwardException.class)
        .hasMessageContaining("返贫风险评估");
    assertThatThrownBy(() -> exits.decide("HH-EX1", Scheme.DIBAO, new ExitAssessment(
        "ASSETS_ABOVE_LIMIT", "STABLE", null, "NONE", null, null), "case-HH-EX1", LocalDate.parse("2061-02-10"),
        "na-county-approver")).isInstanceOf(InvalidAwardException.class).hasMessageContaining("riskHealth");
    assertThatThrownBy(() -> awards.apply("HH-EX1", Scheme.DIBAO, AwardChange.stop(), "case-HH-EX1",
        LocalDate.parse("2061-02-10"), "停发", "na-county-approver")).isInstanceOf(InvalidAwardException.class)
        .hasMessageContaining("Exits.decide");
    assertThat(awards.history("HH-EX1", Scheme.DIBAO)).hasSize(1);
    assertThat(exitsOf("HH-EX1")).isZero();
    assertThat(requestsOf("HH-EX1")).isZero();
  }

  @Test
  void deathFraudAndMovingAwayNeedNoAssessmentAndEndTheAwardAtOnce() throws Exception {
    clockAt("2061-04-10T09:00");
    granted("HH-EX2", "2061-03-10");
    long id = stopApproved("HH-EX2", "{\"kind\":\"STOP\",\"reason\":\"户主于2061年4月2日死亡，单人户\","
        + "\"exitReasonCode\":\"DEATH\"}");
    ExitDecision d = exits.list("HH-EX2", Scheme.DIBAO).get(0);
    assertThat(d.changeRequestId()).isEqualTo(id);
    assertThat(d.status()).isEqualTo(ExitDecision.Status.STOPPED);
    assertThat(d.riskLevel()).isNull();
    assertThat(d.phaseOutMonths()).isZero();
    assertThat(d.lastPaidMonth()).isEqualTo(YearMonth.parse("2061-04"));
    assertThat(d.stopEffectiveFrom()).isEqualTo(LocalDate.parse("2061-05-01"));
    assertThat(d.decidedBy()).isEqualTo(SECOND_APPROVER);
    assertThat(changes.find(id).orElseThrow().appliedAwardId()).isEqualTo(d.stopAwardId());
    assertThat(d.notice()).contains("停发告知书").contains("保障对象死亡").contains("2061年5月起停发")
        .doesNotContain("返贫风险评估");
    assertThat(register.find(awards.covered("HH-EX2", Scheme.DIBAO).get(0).idNumber())).isEmpty();
    assertThat(events.stream(AwardEnded.class).filter(e -> e.beneficiaryKey().equals("HH-EX2")).toList())
        .singleElement().isEqualTo(new AwardEnded("HH-EX2", Scheme.DIBAO, NONGAN, BAOTA, YearMonth.parse("2061-04"),
            "DEATH", null));
    assertThat(paid("HH-EX2", YearMonth.parse("2061-04"))).isPresent();
    assertThat(paid("HH-EX2", YearMonth.parse("2061-05"))).isEmpty();

    // FRAUD and MOVED_AWAY through the API directly
    granted("HH-EX3", "2061-03-10");
    granted("HH-EX4", "2061-03-10");
    assertThat(exits.decide("HH-EX3", Scheme.DIBAO, ExitAssessment.exempt("FRAUD"), "case-HH-EX3",
        LocalDate.parse("2061-04-10"), "na-county-approver").status()).isEqualTo(ExitDecision.Status.STOPPED);
    assertThat(exits.decide("HH-EX4", Scheme.DIBAO, ExitAssessment.exempt("MOVED_AWAY"), "case-HH-EX4",
        LocalDate.parse("2061-04-10"), "na-county-approver").notice()).contains("迁出");
  }

  @Test
  void theRiskLevelComesFromTheDecisionTable() {
    clockAt("2061-05-10T09:00");
    granted("HH-EX5", "2061-04-10");
    granted("HH-EX6", "2061-04-10");
    granted("HH-EX7", "2061-04-10");
    LocalDate on = LocalDate.parse("2061-05-10");
    assertThat(exits.decide("HH-EX5", Scheme.DIBAO, new ExitAssessment("INCOME_ABOVE_STANDARD_OTHER", "NONE", "GOOD",
        "NONE", 0, null), "case-HH-EX5", on, "na-county-approver").riskLevel()).isEqualTo("HIGH");
    assertThat(exits.decide("HH-EX6", Scheme.DIBAO, new ExitAssessment("ASSETS_ABOVE_LIMIT", "UNSTABLE", "GOOD",
        "NONE", 0, null), "case-HH-EX6", on, "na-county-approver").riskLevel()).isEqualTo("MEDIUM");
    ExitDecision low = exits.decide("HH-EX7", Scheme.DIBAO, new ExitAssessment("REFUSED_COOPERATION", "STABLE",
        "GOOD", "NONE", 0, null), "case-HH-EX7", on, "na-county-approver");
    assertThat(low.riskLevel()).isEqualTo("LOW");
    assertThat(low.riskBasis()).contains("返贫风险低");
    assertThat(low.notice()).contains("返贫风险等级：低").contains("无正当理由拒不配合");
  }

  /** 渐退 of 3 months (the default): decided in March, paid March + April, May, June; nothing from July. */
  @Test
  void aPhaseOutOfThreeMonthsPaysThreeMoreRosterMonthsAndThenEnds() throws Exception {
    clockAt("2062-01-10T09:00");
    granted("HH-EX8", "2062-01-10");
    clockAt("2062-03-10T09:00");
    long id = stopApproved("HH-EX8", "{\"kind\":\"STOP\",\"reason\":\"户主在县城就业，家庭人均收入超过当地低保标准\","
        + "\"exitReasonCode\":\"INCOME_ABOVE_STANDARD_EMPLOYMENT\",\"riskIncomeStability\":\"UNSTABLE\","
        + "\"riskHealth\":\"GOOD\",\"riskDebts\":\"NONE\",\"riskDependants\":1,\"riskNote\":\"劳务派遣，合同一年\"}");
    ExitDecision d = exits.list("HH-EX8", Scheme.DIBAO).get(0);
    assertThat(d.changeRequestId()).isEqualTo(id);
    assertThat(d.status()).isEqualTo(ExitDecision.Status.PHASING_OUT);
    assertThat(d.phaseOutMonths()).isEqualTo(3);
    assertThat(d.lastPaidMonth()).isEqualTo(YearMonth.parse("2062-06"));
    assertThat(d.stopEffectiveFrom()).isEqualTo(LocalDate.parse("2062-07-01"));
    assertThat(d.riskLevel()).isEqualTo("MEDIUM");
    assertThat(d.notice()).contains("渐退告知书").contains("给予3个月渐退期").contains("2062年4月至2062年6月继续按每月600")
        .contains("自2062年7月起停发").contains("返贫风险等级：中").contains("行政复议").contains("行政诉讼")
        .contains("第三十三条").contains("书面提出");
    // the STOP row is stored now, effective after the phase-out; the persons stay in the register meanwhile
    AwardRow stop = awards.latest("HH-EX8", Scheme.DIBAO).orElseThrow();
    assertThat(stop.changeKind()).isEqualTo(AwardRow.ChangeKind.STOP);
    assertThat(stop.effectiveFrom()).isEqualTo(LocalDate.parse("2062-07-01"));
    String person = awards.covered("HH-EX8", Scheme.DIBAO).get(0).idNumber();
    assertThat(register.find(person)).isPresent();
    assertThat(events.stream(AwardEnded.class).filter(e -> e.beneficiaryKey().equals("HH-EX8"))).isEmpty();

    // REST shows the phase-out and its months left; a change during the phase-out is refused
    JsonNode listed = json.readTree(http.get("na-county-cw", "/api/awards/HH-EX8/exits").body());
    assertThat(listed.get(0).get("status").asText()).isEqualTo("PHASING_OUT");
    assertThat(listed.get(0).get("phaseOutMonthsLeft").asInt()).isEqualTo(3);
    assertThat(listed.get(0).get("notice").asText()).contains("渐退期");
    Http.Response adjust = ask("na-county-cw", "HH-EX8", "{\"kind\":\"ADJUST\",\"monthlyAmount\":500,"
        + "\"reason\":\"减发\"}");
    assertThat(adjust.status()).isEqualTo(400);
    assertThat(adjust.body()).contains("渐退期");
    Http.Response otherStop = ask("na-county-cw", "HH-EX8", "{\"kind\":\"STOP\",\"reason\":\"存款超标\","
        + "\"exitReasonCode\":\"ASSETS_ABOVE_LIMIT\",\"riskIncomeStability\":\"STABLE\",\"riskHealth\":\"GOOD\","
        + "\"riskDebts\":\"NONE\",\"riskDependants\":0}");
    assertThat(otherStop.status()).isEqualTo(400);
    assertThat(otherStop.body()).contains("渐退期");

    // the rosters: March (the decision month) and the three months of the phase-out, then nothing
    for (String m : List.of("2062-03", "2062-04", "2062-05", "2062-06")) {
      assertThat(paid("HH-EX8", YearMonth.parse(m))).as(m).hasValueSatisfying(e ->
          assertThat(e.amount()).isEqualByComparingTo("600.00"));
    }
    assertThat(paid("HH-EX8", YearMonth.parse("2062-07"))).isEmpty();
    assertThat(paid("HH-EX8", YearMonth.parse("2062-08"))).isEmpty();

    // months left as time passes
    clockAt("2062-05-15T09:00");
    assertThat(json.readTree(http.get("na-county-cw", "/api/exits/" + d.id()).body()).get("phaseOutMonthsLeft")
        .asInt()).isEqualTo(1);

    // June: not over yet; July: ended once, the persons leave the register, AwardEnded with the last paid month
    // (counted by this award's state and events: other tests' phase-outs in the same database may end here too)
    exits.endPhaseOuts(LocalDate.parse("2062-06-30"), "system");
    assertThat(exits.find(d.id()).orElseThrow().status()).isEqualTo(ExitDecision.Status.PHASING_OUT);
    clockAt("2062-07-01T06:00");
    assertThat(exits.endPhaseOuts(LocalDate.parse("2062-07-01"), "system")).isPositive();
    exits.endPhaseOuts(LocalDate.parse("2062-07-02"), "system");
    assertThat(exits.find(d.id()).orElseThrow().status()).isEqualTo(ExitDecision.Status.ENDED);
    assertThat(register.find(person)).isEmpty();
    assertThat(events.stream(AwardEnded.class).filter(e -> e.beneficiaryKey().equals("HH-EX8")).toList())
        .singleElement().isEqualTo(new AwardEnded("HH-EX8", Scheme.DIBAO, NONGAN, BAOTA, YearMonth.parse("2062-06"),
            "INCOME_ABOVE_STANDARD_EMPLOYMENT", "MEDIUM"));
  }

  @Test
  void thePhaseOutIsAtMostSixMonths() {
    var exit = new org.doudi.payroll.internal.PayrollProperties().getExit();
    assertThat(exit.getPhaseOutMonths()).isEqualTo(3);
    exit.setPhaseOutMonths(6);
    assertThatThrownBy(() -> exit.setPhaseOutMonths(7)).hasMessageContaining("不超过6个月");
    assertThatThrownBy(() -> exit.setPhaseOutMonths(0)).hasMessageContaining("phase-out-months");
  }

  @Test
  void aRepeatedDecisionOrApplyJobChangesNothing() throws Exception {
    clockAt("2063-02-10T09:00");
    granted("HH-EX9", "2063-01-10");
    LocalDate on = LocalDate.parse("2063-02-10");
    ExitDecision first = exits.decide("HH-EX9", Scheme.DIBAO, EMPLOYED, "case-HH-EX9", on, "na-county-approver");
    ExitDecision again = exits.decide("HH-EX9", Scheme.DIBAO, EMPLOYED, "case-HH-EX9", on, "na-county-approver");
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(exitsOf("HH-EX9")).isEqualTo(1);
    assertThat(awards.history("HH-EX9", Scheme.DIBAO)).hasSize(2);
    // 审计留痕: the decision once (the repeated one wrote nothing), by its decider, with the assessment
    assertThat(org.doudi.audit.AuditEntries.ofSubject(jdbc, "award_exit " + first.id())).singleElement()
        .satisfies(e -> {
          assertThat(e.action()).isEqualTo("payroll.ExitChanged DECIDED");
          assertThat(e.actor()).isEqualTo("na-county-approver");
          assertThat(e.businessKey()).isEqualTo("HH-EX9");
          assertThat(e.before()).isNull();
          assertThat(e.after()).contains("\"status\":\"PHASING_OUT\"", "EMPLOYMENT");
        });
    // while the phase-out runs, another exit is refused unless it needs no assessment (death, fraud, moving away)
    assertThatThrownBy(() -> exits.decide("HH-EX9", Scheme.DIBAO, new ExitAssessment("ASSETS_ABOVE_LIMIT", "STABLE",
        "GOOD", "NONE", 0, null), "case-HH-EX9", LocalDate.parse("2063-02-20"), "na-county-approver"))
        .isInstanceOf(InvalidAwardException.class).hasMessageContaining("渐退期").hasMessageContaining("提前停发");
    assertThat(exitsOf("HH-EX9")).isEqualTo(1);
  }

  /** The same over REST: during the phase-out a STOP request for MOVED_AWAY is accepted and, approved, ends it. */
  @Test
  void movingAwayDuringAPhaseOutIsAStopRequestLikeAnyOther() throws Exception {
    clockAt("2068-02-10T09:00");
    granted("HH-EXE", "2068-01-10");
    exits.decide("HH-EXE", Scheme.DIBAO, EMPLOYED, "case-HH-EXE", LocalDate.parse("2068-02-10"), "na-county-approver");
    clockAt("2068-03-10T09:00");
    long id = stopApproved("HH-EXE", "{\"kind\":\"STOP\",\"reason\":\"全家迁往外省\",\"exitReasonCode\":\"MOVED_AWAY\"}");
    assertThat(changes.find(id).orElseThrow().status()).isEqualTo(AwardChangeRequest.Status.APPROVED);
    List<ExitDecision> all = exits.list("HH-EXE", Scheme.DIBAO);
    assertThat(all).extracting(ExitDecision::status).containsExactly(ExitDecision.Status.ENDED,
        ExitDecision.Status.STOPPED);
    assertThat(all.get(1).lastPaidMonth()).isEqualTo(YearMonth.parse("2068-03"));
    assertThat(paid("HH-EXE", YearMonth.parse("2068-04"))).isEmpty();
  }

  /** Death during a 渐退期 (decided in February, paid until May): the STOP is brought forward to March. */
  @Test
  void deathDuringAPhaseOutStopsItFromTheNextMonth() {
    clockAt("2067-02-10T09:00");
    granted("HH-EXD", "2067-01-10");
    ExitDecision phase = exits.decide("HH-EXD", Scheme.DIBAO, EMPLOYED, "case-HH-EXD", LocalDate.parse("2067-02-10"),
        "na-county-approver");
    assertThat(phase.lastPaidMonth()).isEqualTo(YearMonth.parse("2067-05"));
    String person = awards.covered("HH-EXD", Scheme.DIBAO).get(0).idNumber();
    clockAt("2067-03-05T09:00");
    ExitDecision death = exits.decide("HH-EXD", Scheme.DIBAO, ExitAssessment.exempt("DEATH"), "case-HH-EXD-death",
        "户主于2067年3月1日死亡", LocalDate.parse("2067-03-05"), "na-county-approver", null);
    assertThat(death.status()).isEqualTo(ExitDecision.Status.STOPPED);
    assertThat(death.lastPaidMonth()).isEqualTo(YearMonth.parse("2067-03"));
    assertThat(exits.find(phase.id()).orElseThrow().status()).isEqualTo(ExitDecision.Status.ENDED);
    assertThat(register.find(person)).isEmpty();
    assertThat(paid("HH-EXD", YearMonth.parse("2067-03"))).isPresent();
    assertThat(paid("HH-EXD", YearMonth.parse("2067-04"))).isEmpty();
    assertThat(paid("HH-EXD", YearMonth.parse("2067-05"))).isEmpty();
    assertThat(events.stream(AwardEnded.class).filter(e -> e.beneficiaryKey().equals("HH-EXD")).toList())
        .singleElement().satisfies(e -> {
          assertThat(e.exitReasonCode()).isEqualTo("DEATH");
          assertThat(e.lastPaidMonth()).isEqualTo(YearMonth.parse("2067-03"));
        });
    // the phase-out's own end finds nothing to do for it (other tests' phase-outs may end in the same run)
    exits.endPhaseOuts(LocalDate.parse("2067-06-01"), "system");
    assertThat(exits.find(phase.id()).orElseThrow().status()).isEqualTo(ExitDecision.Status.ENDED);
    assertThat(events.stream(AwardEnded.class).filter(e -> e.beneficiaryKey().equals("HH-EXD")).count())
        .isEqualTo(1);
  }

  /** The approval's apply job fails after the exit was decided: nothing stays; the retry decides it once. */
  @Test
  void aFailedApplyJobLeavesNoExitAndItsRetryDecidesOnce() throws Exception {
    clockAt("2066-02-10T09:00");
    granted("HH-EXC", "2066-01-10");
    Http.Response r = ask("na-county-cw", "HH-EXC", "{\"kind\":\"STOP\",\"reason\":\"死亡\",\"exitReasonCode\":\"DEATH\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    String pid = json.readTree(r.body()).get("processInstanceId").asText();
    f.complete(pid, "Task_ApproveChange", SECOND_APPROVER, Map.of("decision", "APPROVE"));
    faults.arm("award-change");
    assertThat(f.runJobs(pid)).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("award-change"));
    assertThat(exitsOf("HH-EXC")).isZero();
    assertThat(awards.history("HH-EXC", Scheme.DIBAO)).hasSize(1);
    faults.disarm();
    afterRetryDelay();
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(exitsOf("HH-EXC")).isEqualTo(1);
    assertThat(awards.history("HH-EXC", Scheme.DIBAO)).hasSize(2);
  }

  @Test
  void anUpheldObjectionPaysTheAwardAgainFromTheStoppedMonthWithoutAGap() throws Exception {
    clockAt("2064-02-10T09:00");
    granted("HH-EXA", "2064-02-10");
    clockAt("2064-03-10T09:00");
    stopApproved("HH-EXA", "{\"kind\":\"STOP\",\"reason\":\"核对发现存款超过规定\",\"exitReasonCode\":\"ASSETS_ABOVE_LIMIT\","
        + "\"riskIncomeStability\":\"STABLE\",\"riskHealth\":\"CHRONIC\",\"riskDebts\":\"NONE\",\"riskDependants\":0}");
    ExitDecision d = exits.list("HH-EXA", Scheme.DIBAO).get(0);
    assertThat(d.status()).isEqualTo(ExitDecision.Status.STOPPED);
    String person = awards.covered("HH-EXA", Scheme.DIBAO).get(0).idNumber();
    assertThat(register.find(person)).isEmpty();
    assertThat(paid("HH-EXA", YearMonth.parse("2064-03"))).isPresent();

    // the household objects within the period; recorded by the caseworker
    clockAt("2064-03-20T09:00");
    Http.Response late = http.send("na-county-cw", "POST", "/api/exits/" + d.id() + "/objection",
        "{\"receivedOn\":\"2064-03-09\",\"statement\":\"存款是借来的看病钱\"}");
    assertThat(late.status()).as(late.body()).isEqualTo(400);
    Http.Response r = http.send("na-county-cw", "POST", "/api/exits/" + d.id() + "/objection",
        "{\"statement\":\"存款是亲属借给的看病钱，已归还\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    JsonNode o = json.readTree(r.body());
    String pid = o.get("processInstanceId").asText();
    assertThat(http.send("na-county-cw", "POST", "/api/exits/" + d.id() + "/objection",
        "{\"statement\":\"再次\"}").status()).isEqualTo(409);

    // April's roster is made and approved without the household meanwhile
    clockAt("2064-04-02T09:00");
    assertThat(paid("HH-EXA", YearMonth.parse("2064-04"))).isEmpty();
    payroll.approve(payroll.run(NONGAN, YearMonth.parse("2064-04")).orElseThrow().id(), "na-county-approver");

    // the recorder may not decide; a reason is needed; another approver upholds it
    var task = f.task(pid, "Task_DecideObjection");
    assertThat(task.getDueDate()).isNotNull();
    tasks.claim(task.getId(), "na-county-cw");
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("objectionDecision", "UPHOLD",
        "objectionDecisionNote", "成立"))).hasMessageContaining("县级审批人员");
    tasks.setAssignee(task.getId(), SECOND_APPROVER);
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("objectionDecision", "UPHOLD")))
        .hasMessageContaining("理由");
    tasks.complete(task.getId(), Map.of("objectionDecision", "UPHOLD", "objectionDecisionNote",
        "借款凭证属实，存款不属于家庭财产"));
    assertThat(f.runJobs(pid)).isEmpty();

    ExitObjection done = exits.objectionOf(d.id()).orElseThrow();
    assertThat(done.status()).isEqualTo("UPHELD");
    assertThat(done.decidedBy()).isEqualTo(SECOND_APPROVER);
    assertThat(exits.find(d.id()).orElseThrow().status()).isEqualTo(ExitDecision.Status.REINSTATED);
    AwardRow back = awards.latest("HH-EXA", Scheme.DIBAO).orElseThrow();
    assertThat(back.id()).isEqualTo(done.reinstatedAwardId());
    assertThat(back.effectiveFrom()).isEqualTo(LocalDate.parse("2064-04-01"));
    assertThat(back.monthlyAmount()).isEqualByComparingTo("600.00");
    assertThat(register.find(person)).isPresent();
    // April: the approved roster had no row, so a 补发 with the roster's key; May: the roster
    assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-EXA", YearMonth.parse("2064-04"))))
        .hasValueSatisfying(e -> assertThat(e.amount()).isEqualByComparingTo("600.00"));
    assertThat(paid("HH-EXA", YearMonth.parse("2064-05"))).isPresent();
    // a repeat of the step changes nothing
    assertThat(exits.applyObjectionDecision(done.id()).status()).isEqualTo("UPHELD");
    assertThat(awards.history("HH-EXA", Scheme.DIBAO)).hasSize(3);
  }

  @Test
  void aRejectedObjectionLeavesTheExitAsItIs() throws Exception {
    clockAt("2065-02-10T09:00");
    granted("HH-EXB", "2065-02-10");
    clockAt("2065-03-10T09:00");
    ExitDecision d = exits.decide("HH-EXB", Scheme.DIBAO, new ExitAssessment("INCOME_ABOVE_STANDARD_OTHER",
        "STABLE", "GOOD", "NONE", 0, null), "case-HH-EXB", LocalDate.parse("2065-03-10"), "na-county-approver");
    ExitObjection o = exits.object(d.id(), null, "不同意停发", "na-county-approver");
    String pid = o.processInstanceId();
    var task = f.task(pid, "Task_DecideObjection");
    tasks.claim(task.getId(), "na-county-approver");
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("objectionDecision", "REJECT",
        "objectionDecisionNote", "x"))).hasMessageContaining("另一名审批人员");
    tasks.setAssignee(task.getId(), SECOND_APPROVER);
    tasks.complete(task.getId(), Map.of("objectionDecision", "REJECT", "objectionDecisionNote",
        "工资收入经单位证明属实，人均收入超过标准"));
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(exits.objectionOf(d.id()).orElseThrow().status()).isEqualTo("REJECTED");
    assertThat(exits.find(d.id()).orElseThrow().status()).isEqualTo(ExitDecision.Status.STOPPED);
    assertThat(awards.history("HH-EXB", Scheme.DIBAO)).hasSize(2);
    assertThat(paid("HH-EXB", YearMonth.parse("2065-04"))).isEmpty();
  }
}
