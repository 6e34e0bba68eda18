package org.doudi.eligibility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.doudi.eligibility.InvalidStandardException.Violation;
import org.doudi.eligibility.persistence.StandardRepository;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local 低保 standards per county, urban/rural and effective date. History is never changed: a new standard is a
 * new row whose effective date lies after every recorded one for the same county and type.
 */
@Service
public class DibaoStandards {

  static final int DEFAULT_ASSET_LIMIT_MONTHS = 24;
  private static final BigDecimal MAX_STANDARD = new BigDecimal("100000");

  private final StandardRepository repository;
  private final Regions regions;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public DibaoStandards(StandardRepository repository, Regions regions, ApplicationEventPublisher events) {
    this.repository = repository;
    this.regions = regions;
    this.clock = Clock.systemUTC();
    this.events = events;
  }

  /** All standards (of one county when {@code countyCode} is given), by county, type and date. */
  public List<DibaoStandard> list(String countyCode) {
    return repository.list(countyCode);
  }

  public Optional<DibaoStandard> find(String countyCode, String urbanRural, LocalDate date) {
    return repository.inForce(countyCode, urbanRural, date);
  }

  /** The standard in force, or {@link StandardNotFoundException}. */
  public DibaoStandard require(String countyCode, String urbanRural, LocalDate date) {
    return find(countyCode, urbanRural, date)
        .orElseThrow(() -> new StandardNotFoundException(countyCode, urbanRural, date));
  }

  /** Records a new standard; every input problem at once ({@link InvalidStandardException}). */
  @Transactional
  public DibaoStandard add(NewDibaoStandard s, String createdBy) {
    List<Violation> v = violations(s);
    if (!v.isEmpty()) {
      throw new InvalidStandardException(v);
    }
    conflict(s).ifPresent(m -> {
      throw new StandardConflictException(m);
    });
    DibaoStandard before = repository.inForce(s.countyCode(), s.urbanRural(), s.effectiveFrom()).orElse(null);
    long id = repository.insert(s, assetLimitMonths(s), Boolean.TRUE.equals(s.sample()), createdBy, clock.instant());
    DibaoStandard added = repository.list(s.countyCode()).stream().filter(x -> x.id() == id).findFirst()
        .orElseThrow();
    // the awards under this county's standard follow it (payroll: 标准调整), in this transaction
    events.publishEvent(new DibaoStandardAdded(added, before));
    return added;
  }

  /**
   * Everything {@link #add} would refuse, without recording anything: the input problems and, when there are none,
   * an effective date not after the latest recorded one (field {@code effectiveFrom}). The bulk import checks each
   * row with this (docs/eligibility.md, "标准批量导入").
   */
  @Transactional(readOnly = true)
  public List<Violation> check(NewDibaoStandard s) {
    List<Violation> v = new ArrayList<>(violations(s));
    if (v.isEmpty()) {
      conflict(s).ifPresent(m -> v.add(new Violation("effectiveFrom", m)));
    }
    return v;
  }

  private static int assetLimitMonths(NewDibaoStandard s) {
    return s.assetLimitMonths() == null ? DEFAULT_ASSET_LIMIT_MONTHS : s.assetLimitMonths();
  }

  private Optional<String> conflict(NewDibaoStandard s) {
    return repository.latestEffectiveFrom(s.countyCode(), s.urbanRural())
        .filter(latest -> !s.effectiveFrom().isAfter(latest))
        .map(latest -> "已有自 " + latest + " 起生效的标准；新标准的生效日期必须晚于 " + latest + "（历史标准不得修改或插入）");
  }

  private List<Violation> violations(NewDibaoStandard s) {
    List<Violation> v = new ArrayList<>();
    if (s == null) {
      return List.of(new Violation("", "请求内容为空"));
    }
    if (s.countyCode() == null || s.countyCode().isBlank()) {
      v.add(new Violation("countyCode", "县级区划代码不能为空"));
    } else {
      Optional<Region> r = s.countyCode().matches("\\d{6}") ? regions.find(s.countyCode()) : Optional.empty();
      if (r.isEmpty() || r.get().level() != RegionLevel.COUNTY) {
        v.add(new Violation("countyCode", "县级区划代码 " + s.countyCode() + " 不是已登记的县（市、区）"));
      }
    }
    if (!DibaoStandard.URBAN.equals(s.urbanRural()) && !DibaoStandard.RURAL.equals(s.urbanRural())) {
      v.add(new Violation("urbanRural", "城乡类别必须为 URBAN（城市）或 RURAL（农村）"));
    }
    BigDecimal amount = s.monthlyStandard();
    if (amount == null) {
      v.add(new Violation("monthlyStandard", "低保标准（元/人·月）不能为空"));
    } else if (amount.signum() <= 0 || amount.compareTo(MAX_STANDARD) >= 0) {
      v.add(new Violation("monthlyStandard", "低保标准必须大于0且小于100000元/人·月"));
    } else if (amount.stripTrailingZeros().scale() > 2) {
      v.add(new Violation("monthlyStandard", "低保标准最多保留两位小数（元、角、分）"));
    }
    int months = s.assetLimitMonths() == null ? DEFAULT_ASSET_LIMIT_MONTHS : s.assetLimitMonths();
    if (months < 1 || months > 120) {
      v.add(new Violation("assetLimitMonths", "财产限额月数必须在1到120之间"));
    }
    if (s.effectiveFrom() == null) {
      v.add(new Violation("effectiveFrom", "生效日期不能为空（格式 YYYY-MM-DD）"));
    } else if (s.effectiveFrom().getYear() < 2000 || s.effectiveFrom().getYear() > 2100) {
      v.add(new Violation("effectiveFrom", "生效日期必须在2000年至2100年之间"));
    }
    if (s.sourceNote() == null || s.sourceNote().isBlank()) {
      v.add(new Violation("sourceNote", "必须注明标准的来源（文件名称、文号）"));
    } else if (s.sourceNote().strip().length() > 500) {
      v.add(new Violation("sourceNote", "来源说明不能超过500个字符"));
    }
    return v;
  }
}
