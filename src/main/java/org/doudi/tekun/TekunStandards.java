package org.doudi.tekun;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.doudi.eligibility.DibaoStandard;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.eligibility.InvalidStandardException;
import org.doudi.eligibility.InvalidStandardException.Violation;
import org.doudi.eligibility.StandardConflictException;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.tekun.persistence.TekunStandardRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local 特困人员基本生活标准 per county, urban/rural and effective date, kept like the 低保 standards
 * ({@link DibaoStandards}): history is never changed, a new standard is a new row dated after every recorded one of
 * the county and type. A standard must be at least {@link #FLOOR_FACTOR} × the local 低保 standard in force on its
 * date (国发〔2016〕14号 as restated, brief §3; 吉民发〔2020〕40号). Where a county has none, {@link #floor} applies.
 */
@Service
public class TekunStandards {

  /** 原则上不低于当地低保标准的1.3倍. */
  public static final BigDecimal FLOOR_FACTOR = new BigDecimal("1.3");
  public static final String FLOOR_CITATION = "国发〔2016〕14号（基本生活标准不低于当地低保标准的1.3倍，原文未核实 UNCONFIRMED）";
  private static final BigDecimal MAX_STANDARD = new BigDecimal("100000");

  private final TekunStandardRepository repository;
  private final DibaoStandards dibaoStandards;
  private final Regions regions;
  private final Clock clock = Clock.systemUTC();
  private final ApplicationEventPublisher events;

  public TekunStandards(TekunStandardRepository repository, DibaoStandards dibaoStandards, Regions regions,
      ApplicationEventPublisher events) {
    this.events = events;
    this.repository = repository;
    this.dibaoStandards = dibaoStandards;
    this.regions = regions;
  }

  /** All recorded standards (of one county when given), by county, type and date. */
  @Transactional(readOnly = true)
  public List<TekunStandard> list(String countyCode) {
    return repository.list(countyCode);
  }

  /** The recorded standard in force on the date, if any. */
  @Transactional(readOnly = true)
  public Optional<TekunStandard> find(String countyCode, String urbanRural, LocalDate date) {
    return repository.inForce(countyCode, urbanRural, date);
  }

  /** 1.3 × the 低保 standard, exactly (the bound a recorded standard may not fall below). */
  public static BigDecimal exactFloor(BigDecimal dibaoStandard) {
    return dibaoStandard.multiply(FLOOR_FACTOR);
  }

  /** 1.3 × the 低保 standard rounded up to the yuan (scale 2): the standard of a county that recorded none. */
  public static BigDecimal floor(BigDecimal dibaoStandard) {
    return exactFloor(dibaoStandard).setScale(0, RoundingMode.CEILING).setScale(2);
  }

  /**
   * Records a new standard; every input problem at once ({@link InvalidStandardException}, 400), a date not after
   * the latest recorded one {@link StandardConflictException} (409).
   */
  @Transactional
  public TekunStandard add(NewTekunStandard s, String createdBy) {
    List<Violation> v = violations(s);
    if (!v.isEmpty()) {
      throw new InvalidStandardException(v);
    }
    conflict(s).ifPresent(m -> {
      throw new StandardConflictException(m);
    });
    TekunStandard before = repository.inForce(s.countyCode(), s.urbanRural(), s.effectiveFrom()).orElse(null);
    TekunStandard added = repository.insert(s, Boolean.TRUE.equals(s.sample()), createdBy, clock.instant());
    events.publishEvent(new TekunStandardAdded(createdBy, added.countyCode(), "tekun_standard " + added.id(), before,
        added));
    return added;
  }

  /**
   * Everything {@link #add} would refuse, without recording anything: the input problems (the 1.3 × 低保 floor with
   * the 低保 standards recorded today) and, when there are none, an effective date not after the latest recorded one
   * (field {@code effectiveFrom}). The bulk import checks each row with this (docs/tekun.md).
   */
  @Transactional(readOnly = true)
  public List<Violation> check(NewTekunStandard s) {
    List<Violation> v = new ArrayList<>(violations(s));
    if (v.isEmpty()) {
      conflict(s).ifPresent(m -> v.add(new Violation("effectiveFrom", m)));
    }
    return v;
  }

  private Optional<String> conflict(NewTekunStandard s) {
    return repository.latestEffectiveFrom(s.countyCode(), s.urbanRural())
        .filter(latest -> !s.effectiveFrom().isAfter(latest))
        .map(latest -> "已有自 " + latest + " 起生效的特困人员基本生活标准；新标准的生效日期必须晚于 " + latest
            + "（历史标准不得修改或插入）");
  }

  private List<Violation> violations(NewTekunStandard s) {
    if (s == null) {
      return List.of(new Violation("", "请求内容为空"));
    }
    List<Violation> v = new ArrayList<>();
    boolean county = s.countyCode() != null && s.countyCode().matches("\\d{6}")
        && regions.find(s.countyCode()).filter(r -> r.level() == RegionLevel.COUNTY).isPresent();
    if (!county) {
      v.add(new Violation("countyCode", s.countyCode() == null || s.countyCode().isBlank() ? "县级区划代码不能为空"
          : "县级区划代码 " + s.countyCode() + " 不是已登记的县（市、区）"));
    }
    boolean type = DibaoStandard.URBAN.equals(s.urbanRural()) || DibaoStandard.RURAL.equals(s.urbanRural());
    if (!type) {
      v.add(new Violation("urbanRural", "城乡类别必须为 URBAN（城市）或 RURAL（农村）"));
    }
    BigDecimal amount = s.monthlyStandard();
    if (amount == null) {
      v.add(new Violation("monthlyStandard", "特困人员基本生活标准（元/人·月）不能为空"));
    } else if (amount.signum() <= 0 || amount.compareTo(MAX_STANDARD) >= 0) {
      v.add(new Violation("monthlyStandard", "特困人员基本生活标准必须大于0且小于100000元/人·月"));
    } else if (amount.stripTrailingZeros().scale() > 2) {
      v.add(new Violation("monthlyStandard", "特困人员基本生活标准最多保留两位小数（元、角、分）"));
    }
    LocalDate from = s.effectiveFrom();
    if (from == null) {
      v.add(new Violation("effectiveFrom", "生效日期不能为空（格式 YYYY-MM-DD）"));
    } else if (from.getYear() < 2000 || from.getYear() > 2100) {
      v.add(new Violation("effectiveFrom", "生效日期必须在2000年至2100年之间"));
    }
    if (s.sourceNote() == null || s.sourceNote().isBlank()) {
      v.add(new Violation("sourceNote", "必须注明标准的来源（文件名称、文号）"));
    } else if (s.sourceNote().strip().length() > 500) {
      v.add(new Violation("sourceNote", "来源说明不能超过500个字符"));
    }
    if (county && type && from != null && v.stream().noneMatch(x -> x.field().equals("effectiveFrom"))) {
      Optional<DibaoStandard> dibao = dibaoStandards.find(s.countyCode(), s.urbanRural(), from);
      if (dibao.isEmpty()) {
        v.add(new Violation("effectiveFrom", "县级区划 " + s.countyCode() + " 在 " + from + " 没有有效的"
            + urbanRuralName(s.urbanRural()) + "低保标准，无法核对特困人员基本生活标准不低于其1.3倍；请先录入低保标准"));
      } else if (amount != null && amount.signum() > 0
          && amount.compareTo(exactFloor(dibao.get().monthlyStandard())) < 0) {
        v.add(new Violation("monthlyStandard", "特困人员基本生活标准 " + amount.toPlainString() + " 元低于当地"
            + urbanRuralName(s.urbanRural()) + "低保标准 " + dibao.get().monthlyStandard() + " 元（" + from
            + " 起适用的标准）的1.3倍即 " + exactFloor(dibao.get().monthlyStandard()).stripTrailingZeros()
            .toPlainString() + " 元"));
      }
    }
    return v;
  }

  static String urbanRuralName(String urbanRural) {
    return DibaoStandard.URBAN.equals(urbanRural) ? "城市" : "农村";
  }
}
