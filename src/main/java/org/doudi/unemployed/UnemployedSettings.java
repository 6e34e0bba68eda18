package org.doudi.unemployed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.CandidateGroups;
import org.doudi.identity.Role;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.springframework.beans.factory.annotation.Value;

/**
 * Settings and helpers the model reads as {@code ${unemployed.…}}:
 * <ul>
 *   <li>{@code doudi.unemployed.period-key} (default {@code EPIDEMIC-2020}): the period of the once-only claim —
 *   the notice allows one payment per person in the province for the whole measure, so one key;</li>
 *   <li>{@code doudi.unemployed.low-income-multiple} (default {@code 2}): the low-income line as a multiple of the
 *   local 低保 standard (吉民发〔2020〕40号 二(一): 低收入家庭 = per-capita income below twice the standard);</li>
 *   <li>{@code doudi.unemployed.payment-retry-cycle} (default {@code R5/PT10M}): retries of a failed payment job;</li>
 *   <li>{@code investigators(regionCode)}: the village/community assistants and the township caseworkers;</li>
 *   <li>{@code supervisorGroups(regionCode)}: the supervisors of every region above the case.</li>
 * </ul>
 */
@ProcessBean("unemployed")
public class UnemployedSettings {

  /** 吉民发〔2020〕40号 二(二): a one-off payment "参照急难型", whose township limit is 1000 yuan (四(一)). */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000.00");

  private final Regions regions;
  private final CandidateGroups groups;
  private final String periodKey;
  private final BigDecimal lowIncomeMultiple;
  private final String paymentRetryCycle;

  public UnemployedSettings(Regions regions, CandidateGroups groups,
      @Value("${doudi.unemployed.period-key:EPIDEMIC-2020}") String periodKey,
      @Value("${doudi.unemployed.low-income-multiple:2}") BigDecimal lowIncomeMultiple,
      @Value("${doudi.unemployed.payment-retry-cycle:R5/PT10M}") String paymentRetryCycle) {
    if (periodKey == null || !periodKey.matches("[A-Za-z0-9_.-]{1,40}")) {
      throw new IllegalArgumentException("doudi.unemployed.period-key must be 1-40 letters, digits, '-', '_' or '.'");
    }
    if (lowIncomeMultiple.signum() <= 0 || lowIncomeMultiple.compareTo(BigDecimal.TEN) > 0) {
      throw new IllegalArgumentException("doudi.unemployed.low-income-multiple must lie in (0, 10]");
    }
    this.regions = regions;
    this.groups = groups;
    this.periodKey = periodKey;
    this.lowIncomeMultiple = lowIncomeMultiple;
    if (!paymentRetryCycle.matches("R\\d+/P[0-9A-Z]+")) {
      throw new IllegalArgumentException("doudi.unemployed.payment-retry-cycle must look like R5/PT10M");
    }
    this.paymentRetryCycle = paymentRetryCycle;
  }

  /** How often and how soon a failed payment job is retried (ISO-8601 repeat, default R5/PT10M). */
  public String getPaymentRetryCycle() {
    return paymentRetryCycle;
  }

  public String getPeriodKey() {
    return periodKey;
  }

  public BigDecimal getLowIncomeMultiple() {
    return lowIncomeMultiple;
  }

  /** 村（社区）协理员 of the case's village and 乡镇（街道）经办人 of its township (村协助乡镇调查核实). */
  public List<String> investigators(String regionCode) {
    return List.of(groups.of(Role.VILLAGE_ASSISTANT.name(), regionCode),
        groups.of(Role.TOWNSHIP_CASEWORKER.name(), regionCode));
  }

  /** Supervisors of the case's county, city and province (a supervisor may sit at any level). */
  public List<String> supervisorGroups(String regionCode) {
    List<String> out = new ArrayList<>();
    for (Region r : regions.chain(regionCode)) {
      out.add(Role.SUPERVISOR.groupId(r.code()));
    }
    return out;
  }

  /** The township caseworkers and the supervisors: who sees a duplicate finding (only a supervisor may override). */
  public List<String> duplicateHandlers(String regionCode) {
    List<String> out = new ArrayList<>(supervisorGroups(regionCode));
    out.add(0, groups.of(Role.TOWNSHIP_CASEWORKER.name(), regionCode));
    return out;
  }
}
