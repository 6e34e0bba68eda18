package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payroll.PayrollFixture.*;

import java.time.LocalDate;
import java.time.YearMonth;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.platform.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 退出与渐退 on PostgreSQL: V32_1's tables and checks, a phase-out of 2 months set by configuration paid by the rosters
 * exactly that long, its end, an immediate stop, an upheld objection reinstating the award without a gap; the
 * database refuses an objection decided by its recorder and a phase-out longer than 6 months.
 */
class ExitPostgresIT {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void exitsOnPostgres() {
    String url = Postgres.freshDatabase("doudi_exit_it");
    try (ConfigurableApplicationContext app = Postgres.application(url, "--doudi.payroll.exit.phase-out-months=2")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      Awards awards = app.getBean(Awards.class);
      Exits exits = app.getBean(Exits.class);
      Payroll payroll = app.getBean(Payroll.class);
      Payments payments = app.getBean(Payments.class);

      clockAt("2027-01-10T09:00");
      awards.grant(grant("HH-XP1", "渐一", "220122195001010014", "520", "2027-01-10"), "na-county-approver");
      awards.grant(grant("HH-XP2", "渐二", "220122195001010014", "480", "2027-01-10"), "na-county-approver");
      clockAt("2027-03-10T09:00");
      ExitDecision phase = exits.decide("HH-XP1", Scheme.DIBAO, new ExitAssessment("INCOME_ABOVE_STANDARD_EMPLOYMENT",
          "STABLE", "GOOD", "MODERATE", 2, "户主就业"), "case-HH-XP1", LocalDate.parse("2027-03-10"),
          "na-county-approver");
      assertThat(phase.phaseOutMonths()).isEqualTo(2);
      assertThat(phase.lastPaidMonth()).isEqualTo(YearMonth.parse("2027-05"));
      assertThat(phase.riskLevel()).isEqualTo("MEDIUM");
      ExitDecision stop = exits.decide("HH-XP2", Scheme.DIBAO, new ExitAssessment("INCOME_ABOVE_STANDARD_OTHER",
          "NONE", "GOOD", "NONE", 0, null), "case-HH-XP2", LocalDate.parse("2027-03-10"), "na-county-approver");
      assertThat(stop.riskLevel()).isEqualTo("HIGH");
      assertThat(stop.lastPaidMonth()).isEqualTo(YearMonth.parse("2027-03"));

      for (String m : new String[] {"2027-03", "2027-04", "2027-05", "2027-06"}) {
        payroll.computeRosterAll(YearMonth.parse(m), "it");
      }
      assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-XP1", YearMonth.parse("2027-05")))).isPresent();
      assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-XP1", YearMonth.parse("2027-06")))).isEmpty();
      assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-XP2", YearMonth.parse("2027-03")))).isPresent();
      assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-XP2", YearMonth.parse("2027-04")))).isEmpty();
      assertThat(exits.endPhaseOuts(LocalDate.parse("2027-06-01"), "it")).isEqualTo(1);
      assertThat(exits.endPhaseOuts(LocalDate.parse("2027-06-01"), "it")).isZero();

      // an objection to the immediate stop, upheld by another person: paid again from April, caught up
      clockAt("2027-03-15T09:00");
      ExitObjection o = exits.object(stop.id(), null, "收入是一次性劳务报酬", "na-county-cw");
      assertThatThrownBy(() -> jdbc.update("UPDATE award_exit_objection SET decision = 'REJECT', decision_note = 'x', "
          + "decided_by = recorded_by, decided_at = now() WHERE id = ?", o.id())).hasMessageContaining("four_eyes");
      clockAt("2027-06-20T09:00");
      exits.recordObjectionDecision(o.id(), "UPHOLD", "一次性收入不计入", "na-county-approver");
      ExitObjection done = exits.applyObjectionDecision(o.id());
      assertThat(done.status()).isEqualTo("UPHELD");
      for (String m : new String[] {"2027-04", "2027-05", "2027-06"}) {
        assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-XP2", YearMonth.parse(m)))).as(m).isPresent();
      }
      payroll.computeRosterAll(YearMonth.parse("2027-07"), "it");
      assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-XP2", YearMonth.parse("2027-07")))).isPresent();

      assertThatThrownBy(() -> jdbc.update("UPDATE award_exit SET phase_out_months = 7 WHERE id = ?", phase.id()))
          .hasMessageContaining("award_exit_phase_chk");
    }
  }
}
