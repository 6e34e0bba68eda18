package org.doudi.temporary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.doudi.platform.DoudiTest;
import org.doudi.temporary.internal.AuthorityRules;
import org.doudi.temporary.internal.AuthorityRules.Authority;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DMN temporary-approval-authority at its boundaries (吉民发〔2020〕40号 四(一), 五(一)). */
@DoudiTest
class TemporaryRulesTest {

  @Autowired AuthorityRules rules;

  static final BigDecimal STANDARD = new BigDecimal("660.00");

  Authority emergency(String amount, boolean exceptional) {
    return rules.evaluate("EMERGENCY", exceptional, new BigDecimal(amount), null);
  }

  Authority expenditure(String amount, boolean exceptional) {
    return rules.evaluate("EXPENDITURE", exceptional, new BigDecimal(amount), STANDARD);
  }

  @Test
  void emergencyUpToAndIncluding1000YuanIsTheTownships() {
    assertThat(emergency("0.01", false).authority()).isEqualTo("TOWNSHIP");
    assertThat(emergency("1000.00", false)).satisfies(a -> {
      assertThat(a.authority()).isEqualTo("TOWNSHIP");
      assertThat(a.collectiveDiscussionRequired()).isFalse();
      assertThat(a.basis()).contains("四（一）");
    });
    assertThat(emergency("1000.01", false).authority()).isEqualTo("COUNTY");
  }

  @Test
  void expenditureUpToSixMonthsOfTheUrbanStandardIsTheTownships() {
    assertThat(expenditure("3960.00", false).authority()).isEqualTo("TOWNSHIP");
    assertThat(expenditure("3960.01", false).authority()).isEqualTo("COUNTY");
    assertThat(rules.evaluate("EXPENDITURE", false, new BigDecimal("4560.00"), new BigDecimal("760.00")).authority())
        .isEqualTo("TOWNSHIP");
  }

  @Test
  void anExceptionalCaseGoesToTheCountyWithACollectiveDiscussionWhateverTheAmount() {
    assertThat(emergency("100", true)).satisfies(a -> {
      assertThat(a.authority()).isEqualTo("COUNTY");
      assertThat(a.collectiveDiscussionRequired()).isTrue();
      assertThat(a.basis()).contains("一事一议");
    });
    assertThat(expenditure("100", true).collectiveDiscussionRequired()).isTrue();
  }
}
