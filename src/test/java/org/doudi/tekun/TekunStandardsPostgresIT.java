package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.doudi.eligibility.InvalidStandardException;
import org.doudi.eligibility.StandardConflictException;
import org.doudi.eligibility.TestIds;
import org.doudi.platform.Postgres;
import org.doudi.tekun.TekunFacts.ChildStatus;
import org.doudi.tekun.TekunFacts.Schooling;
import org.doudi.tekun.TekunFacts.SelfCareItem;
import org.doudi.tekun.TekunFacts.Supporter;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The 特困 standards (V37_1, samples V37_90) and the assessment with its DMN on PostgreSQL. */
class TekunStandardsPostgresIT {

  @Test
  void standardsAndAssessmentOnPostgres() {
    String url = Postgres.freshDatabase("doudi_tekunelig_it");
    try (ConfigurableApplicationContext app = Postgres.application(url, "--camunda.bpm.job-execution.enabled=false")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
      TekunStandards standards = app.getBean(TekunStandards.class);
      TekunEligibility eligibility = app.getBean(TekunEligibility.class);

      assertThat(standards.list(null)).hasSize(4).allMatch(TekunStandard::sample);
      TekunFacts f = new TekunFacts("王五", TestIds.id("220122", "19500101", "013"), "220122", "RURAL",
          LocalDate.of(2026, 3, 2), null, null, EnumSet.of(SelfCareItem.BATHING), List.of(), List.of(),
          Supporter.NONE, Schooling.NONE, ChildStatus.NONE, false);
      TekunAssessment a = eligibility.assess(f);
      assertThat(a.outcome()).isEqualTo(TekunAssessment.Outcome.TEKUN);
      assertThat(a.monthlyAmount()).isEqualByComparingTo("970.00"); // 650 + 320

      assertThatThrownBy(() -> standards.add(new NewTekunStandard("220122", "RURAL", new BigDecimal("649.99"),
          LocalDate.of(2026, 7, 1), false, "测试"), "pg")).isInstanceOf(InvalidStandardException.class);
      TekunStandard added = standards.add(new NewTekunStandard("220122", "RURAL", new BigDecimal("700.00"),
          LocalDate.of(2026, 7, 1), false, "测试"), "pg");
      assertThat(added.sample()).isFalse();
      assertThatThrownBy(() -> standards.add(new NewTekunStandard("220122", "RURAL", new BigDecimal("800.00"),
          LocalDate.of(2026, 7, 1), false, "测试"), "pg")).isInstanceOf(StandardConflictException.class);
      assertThat(standards.find("220122", "RURAL", LocalDate.of(2026, 6, 30)).orElseThrow().monthlyStandard())
          .isEqualByComparingTo("650.00");
      assertThat(eligibility.assess(new TekunFacts(f.fullName(), f.idNumber(), "220122", "RURAL",
          LocalDate.of(2026, 7, 1), null, null, f.impossibleItems(), List.of(), List.of(), Supporter.NONE,
          Schooling.NONE, ChildStatus.NONE, false)).basicStandard()).isEqualByComparingTo("700.00");
    } finally {
      Postgres.dropIfTemporary(url);
    }
  }
}
