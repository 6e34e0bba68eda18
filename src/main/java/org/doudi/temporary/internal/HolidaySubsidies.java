package org.doudi.temporary.internal;

import static org.doudi.temporary.TemporaryVariables.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.CaseVariables;
import org.doudi.identity.Role;
import org.doudi.payment.Channel;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.temporary.persistence.TemporaryRepository;

/**
 * Spring Festival and winter heating one-off subsidies (吉民发〔2020〕40号 四(一): 春节及冬季取暖期间按急难救助方式给予低保、
 * 特困人员一次性临时补助): a batch for a region and amount creates one APPROVED bank ledger row per active 低保/特困
 * recipient with the key {@code holiday:<scheme>:<year>:<beneficiaryKey>}. A recipient who already has that key
 * (an earlier run, another batch of the same year covering the same place) is skipped: nobody is paid twice.
 * Today's model calls the steps through {@link HolidaySubsidyDelegates}; older model versions by expression.
 */
@ProcessBean("holidaySubsidy")
public class HolidaySubsidies {

  /** Payments written per {@link Payments#recordAll} call. */
  static final int CHUNK = 5000;

  private final Regions regions;
  private final CaseSupport support;
  private final Awards awards;
  private final Payments payments;
  private final TemporaryRepository records;

  public HolidaySubsidies(Regions regions, CaseSupport support, Awards awards, Payments payments,
      TemporaryRepository records) {
    this.regions = regions;
    this.support = support;
    this.awards = awards;
    this.payments = payments;
    this.records = records;
  }

  public static String paymentKey(String scheme, int year, String beneficiaryKey) {
    return "holiday:" + scheme + ":" + year + ":" + beneficiaryKey;
  }

  /** 核定发放名单 (start transaction): checks the batch, stores it and previews recipients and total. */
  public void prepare(DelegateExecution execution) {
    Values v = new Values(execution);
    String scheme = v.oneOf(SCHEME, "补助类型", "FESTIVAL_SUBSIDY", "HEATING_SUBSIDY");
    int year = v.integer(SUBSIDY_YEAR, "补助年度", 2020, 2100);
    String code = v.text(CaseVariables.REGION_CODE, "发放区域（区划代码）", 12);
    Optional<Region> region = code.matches("\\d{6,12}") ? regions.find(code) : Optional.empty();
    if (region.isEmpty()) {
      throw new TemporaryFormException(CaseVariables.REGION_CODE, "“发放区域”" + code + "不是已登记的行政区划代码");
    }
    BigDecimal amount = v.money(AMOUNT, "补助标准（元）");
    if (amount.compareTo(new BigDecimal("10000")) > 0) {
      throw new TemporaryFormException(AMOUNT, "一次性补助标准" + amount + "元超过10000元，请核对");
    }
    String basis = v.oneOf(AMOUNT_BASIS, "补助方式", "HOUSEHOLD", "PERSON");
    String by = Values.str(execution, REPORTED_BY);
    if (by == null) {
      by = Values.currentUser();
    }
    support.requireJurisdiction(by, code, Role.SUPERVISOR, Role.COUNTY_APPROVER);
    execution.setVariable(REGION_NAME, region.get().name());
    execution.setVariable(AMOUNT, amount.toPlainString());
    execution.setVariable(REPORTED_BY, by == null ? "system" : by);
    execution.setProcessBusinessKey("HOLIDAY-" + scheme + "-" + year + "-" + code);
    long id = records.insertBatch(execution.getProcessInstanceId(), scheme, year, code, amount, basis,
        by == null ? "system" : by, Values.now());
    execution.setVariable(BATCH_ID, id);
    preview(execution);
  }

  /** Recipients, how many already have this year's subsidy, and the total still to pay. */
  public void preview(DelegateExecution execution) {
    Batch b = batch(execution);
    int[] counts = new int[2];
    BigDecimal[] total = {BigDecimal.ZERO};
    eachChunk(b, (part, due) -> {
      counts[0] += part.size();
      counts[1] += part.size() - due.size();
      due.forEach((key, r) -> total[0] = total[0].add(amountFor(b, r)));
    });
    execution.setVariable(RECIPIENT_COUNT, counts[0]);
    execution.setVariable(ALREADY_PAID_COUNT, counts[1]);
    execution.setVariable(TOTAL_AMOUNT, total[0].setScale(2).toPlainString());
  }

  /**
   * 生成发放记录 (asyncBefore): one ledger row per recipient who has none for this scheme and year, written a few
   * thousand at a time ({@link Payments#recordAll}): a province's batch is up to a million payments, read from the
   * awards and written chunk by chunk.
   */
  public void create(DelegateExecution execution) {
    Batch b = batch(execution);
    LocalDate month = Values.today().withDayOfMonth(1);
    int[] counts = new int[3];
    BigDecimal[] total = {BigDecimal.ZERO};
    String label = "FESTIVAL_SUBSIDY".equals(b.scheme()) ? "春节一次性临时补助" : "冬季取暖一次性临时补助";
    String actor = Values.str(execution, REPORTED_BY);
    eachChunk(b, (part, due) -> {
      List<PaymentRequest> fresh = new ArrayList<>();
      due.forEach((key, r) -> fresh.add(new PaymentRequest(key, Scheme.valueOf(b.scheme()),
          execution.getProcessInstanceId(),
          new Payee(r.beneficiaryKey(), r.payeeName(), r.payeeIdNumber(), r.bankName(), r.accountNumber()),
          r.countyCode(), r.regionCode(), month, month.plusMonths(1).minusDays(1), amountFor(b, r), Channel.BANK,
          null, b.year() + "年" + label + "（" + (r.scheme() == Scheme.TEKUN ? "特困" : "低保") + "）")));
      Payments.Recorded done = payments.recordAll(fresh, PaymentStatus.APPROVED, actor);
      counts[0] += part.size();
      counts[1] += done.created();
      counts[2] += part.size() - due.size() + done.existing();
      total[0] = total[0].add(done.createdTotal());
    });
    Instant now = Values.now();
    records.finishBatch(Values.number(execution, BATCH_ID), counts[0], counts[1], counts[2], total[0], now);
    execution.setVariable(CREATED_ROWS, counts[1]);
    execution.setVariable(SKIPPED_ROWS, counts[2]);
    execution.setVariable(TOTAL_AMOUNT, total[0].setScale(2).toPlainString());
  }

  /**
   * The batch's recipients a chunk at a time, each chunk with those still due (by payment key, in order): not those
   * who have this year's subsidy already (an earlier run, another batch covering the same place), and a household on
   * both schemes once (the first listed).
   */
  private void eachChunk(Batch b, BiConsumer<List<AwardRow>, Map<String, AwardRow>> each) {
    forEachRecipient(b.regionCode(), part -> {
      List<String> keys = part.stream().map(r -> paymentKey(b.scheme(), b.year(), r.beneficiaryKey())).toList();
      Set<String> there = payments.existingKeys(keys);
      Map<String, AwardRow> due = new LinkedHashMap<>();
      for (int i = 0; i < part.size(); i++) {
        if (!there.contains(keys.get(i))) {
          due.putIfAbsent(keys.get(i), part.get(i));
        }
      }
      each.accept(part, due);
    });
  }

  private record Batch(String scheme, int year, String regionCode, BigDecimal amount, String basis) {}

  private static Batch batch(DelegateExecution e) {
    return new Batch(Values.str(e, SCHEME), Values.number(e, SUBSIDY_YEAR), Values.str(e, CaseVariables.REGION_CODE),
        Values.decimal(e, AMOUNT), Values.str(e, AMOUNT_BASIS));
  }

  private static BigDecimal amountFor(Batch b, AwardRow r) {
    if ("PERSON".equals(b.basis())) {
      int n = r.memberCount() == null || r.memberCount() < 1 ? 1 : r.memberCount();
      return b.amount().multiply(BigDecimal.valueOf(n));
    }
    return b.amount();
  }

  /**
   * The active 低保 and 特困 awards of the month, from the payroll module, a chunk at a time. County level and above:
   * by county code; below: the township/village and everything under it.
   */
  private void forEachRecipient(String regionCode, Consumer<List<AwardRow>> each) {
    Region region = regions.get(regionCode);
    List<String> counties = new ArrayList<>();
    List<String> places = new ArrayList<>();
    for (Region r : regions.list()) {
      if (!regions.isWithin(r.code(), regionCode)) {
        continue;
      }
      if (region.level() == RegionLevel.COUNTY || region.level().isAbove(RegionLevel.COUNTY)) {
        if (r.level() == RegionLevel.COUNTY) {
          counties.add(r.code());
        }
      } else {
        places.add(r.code());
      }
    }
    awards.forEachActive(YearMonth.from(Values.today()), Set.of(Scheme.DIBAO, Scheme.TEKUN),
        new Awards.Places(counties, places), CHUNK, each);
  }
}
