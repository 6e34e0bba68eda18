package org.doudi.funds.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.doudi.funds.FundsRequestException;
import org.doudi.funds.MonitoringRow;
import org.doudi.payment.LedgerFlows;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流向、流速、流量 per county and month: the figures from the payment module ({@link LedgerFlows}, the one that writes
 * and reads the ledger), checked requests, the caller's scope, county names, rounding. Months are calendar months in
 * Asia/Shanghai.
 */
@Service
public class FundMonitoring {

  public static final ZoneId ZONE = LedgerFlows.ZONE;
  /** At most this many months per request (a third-party evaluation asks for a year or two). */
  public static final int MAX_MONTHS = 36;

  private final LedgerFlows ledgerFlows;
  private final Regions regions;

  public FundMonitoring(LedgerFlows ledgerFlows, Regions regions) {
    this.ledgerFlows = ledgerFlows;
    this.regions = regions;
  }

  /**
   * Which counties a caller may see: {@code null} = all, otherwise county-code prefixes ("22" = the province,
   * "2201" = 长春市, "220102" = 南关区). A county filter narrows it further.
   */
  public record Scope(List<String> countyPrefixes) {
    public static Scope all() {
      return new Scope(null);
    }

    public boolean covers(String countyCode) {
      return countyPrefixes == null || countyPrefixes.stream().anyMatch(countyCode::startsWith);
    }
  }

  @Transactional(readOnly = true)
  public List<MonitoringRow> figures(YearMonth from, YearMonth to, String county, Scope scope) {
    if (from.isAfter(to)) {
      throw new FundsRequestException("起始月份不能晚于结束月份");
    }
    if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
      throw new FundsRequestException("一次最多查询" + MAX_MONTHS + "个月");
    }
    if (county != null && !county.matches("\\d{6}")) {
      throw new FundsRequestException("县级区划代码应为6位数字：" + county);
    }
    if (scope.countyPrefixes() != null && scope.countyPrefixes().isEmpty()) {
      return List.of();
    }
    Map<String, String> names = regions.list().stream().filter(r -> r.level() == RegionLevel.COUNTY)
        .collect(Collectors.toMap(Region::code, Region::name));
    return ledgerFlows.perCountyAndMonth(from, to, county, scope.countyPrefixes()).stream()
        .map(f -> new MonitoringRow(f.month(), f.countyCode(), names.get(f.countyCode()),
            f.approvedCount(), money(f.approvedAmount()), f.paidCount(), money(f.paidAmount()), f.paidBeneficiaries(),
            f.returnedCount(), money(f.returnedAmount()), days(f.avgDaysToPayment()), days(f.maxDaysToPayment())))
        .toList();
  }

  private static BigDecimal money(BigDecimal v) {
    return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal days(BigDecimal v) {
    return v == null ? null : v.setScale(1, RoundingMode.HALF_UP);
  }
}
