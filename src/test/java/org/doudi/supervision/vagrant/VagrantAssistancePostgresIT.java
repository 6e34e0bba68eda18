package org.doudi.supervision.vagrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.platform.ProcessFixture.clockAt;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.platform.PostgresApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 流浪乞讨人员救助管理 on PostgreSQL with the demo stations (V47_90): one person from intake to settlement — food and
 * lodging, two search attempts, the stay beyond 10 days filed, more than 3 months unidentified, settled in 宝塔村 and
 * a 低保 application started (the demo's sample 农安县 rural standard); the calendar deadlines recorded for the
 * monitor; the station's list.
 */
class VagrantAssistancePostgresIT {

  static PostgresApp pg;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() {
    pg = PostgresApp.start("doudi_vagrant_it", "--camunda.bpm.job-execution.enabled=false");
    jdbc = pg.jdbc();
  }

  @AfterAll
  static void stop() {
    ClockUtil.reset();
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void anUnidentifiedPersonFromIntakeToSettlementAndADibaoApplication() {
    clockAt("2026-11-02T09:00");
    VagrantCases cases = pg.bean(VagrantCases.class);
    RuntimeService runtime = pg.bean(RuntimeService.class);
    VagrantCases.StartedCase started = cases.intake(VagrantAssistanceTest.intake(VagrantIntake.HealthState.GOOD),
        "na-county-cw");
    String pid = started.processInstanceId();
    pg.runJobs(pid);
    pg.complete(pid, "Task_BasicNeeds", "na-county-cw", Map.of("lodgingProvided", true, "mealsProvided", true,
        "healthNeed", "WELL"));
    pg.complete(pid, "Task_IdentitySearch", "na-county-cw", Map.of("searchMethod", "PUBLIC_SECURITY",
        "searchDetail", "公安机关人口信息比对，无匹配", "searchOutcome", "NOT_YET"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cal_deadline WHERE process_instance_id = ? "
        + "AND day_basis = 'CALENDAR'", Integer.class, pid)).isGreaterThanOrEqualTo(2);

    clockAt("2026-11-13T09:00");
    pg.runJobs(pid);
    pg.complete(pid, "Task_StayFiling", "na-county-approver", Map.of("stayReason", "IDENTITY_UNKNOWN",
        "stayExplanation", "身份不明，DNA比对待回复", "filingDepartment", "农安县民政局"));
    pg.complete(pid, "Task_IdentitySearch", "na-county-cw", Map.of("searchMethod", "DNA",
        "searchDetail", "全国打拐DNA数据库比对，无匹配", "searchOutcome", "NOT_YET"));

    clockAt("2027-02-03T09:00");
    pg.runJobs(pid);
    String newId = VagrantAssistanceTest.person(LocalDate.of(1986, 6, 6));
    Map<String, Object> settlement = new HashMap<>(Map.of("settlementPlan", "县政府批准在农安镇宝塔村落户",
        "registeredName", "农安康", "registeredIdNumber", newId, "hukouRegisteredOn", "2027-02-01",
        "settlementRegionCode", "220122100201", "address", "农安县农安镇宝塔村", "urbanRural", "RURAL",
        "careMode", "DISPERSED", "ableToWork", true, "contactPhone", "043100000001"));
    settlement.putAll(Map.of("bankName", "农安农商银行", "accountNumber", "6228480011113333",
        "authorisationSigned", true));
    pg.complete(pid, "Task_Settlement", "na-county-cw", settlement);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    Map<String, Object> c = jdbc.queryForMap("SELECT * FROM vagrant_case WHERE id = ?", started.caseId());
    assertThat(c.get("status")).isEqualTo("SETTLED");
    assertThat(c.get("follow_up")).isEqualTo("DIBAO");
    assertThat(c.get("stay_filed_at")).isNotNull();
    String applicationId = c.get("follow_up_ref").toString().substring("dibao-application-".length());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dibao-application")
        .processInstanceBusinessKey(applicationId).count()).isEqualTo(1);
    List<String> kinds = jdbc.queryForList("SELECT kind FROM vagrant_record WHERE case_id = ? ORDER BY id",
        String.class, started.caseId());
    assertThat(kinds).containsExactly("INTAKE", "NEEDS", "SEARCH", "STAY_FILING", "SEARCH", "SETTLEMENT",
        "FOLLOW_UP");
    assertThat(cases.list("JZ220122", "SETTLED")).anySatisfy(s -> assertThat(s.caseId()).isEqualTo(started.caseId()));
  }
}
