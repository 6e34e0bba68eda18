package org.doudi.tekun;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;

/**
 * What a 特困 assessment needs about one person (特困人员认定办法 2021; brief §1.6), as found by the township's
 * investigation or given to {@code POST /api/eligibility/tekun}. The birth date comes from the ID number.
 *
 * @param urbanRural        URBAN or RURAL (which local 低保 standard applies)
 * @param assessedOn        the date whose standards apply
 * @param disabilityCategory null when none
 * @param disabilityGrade   1..4, null when none
 * @param impossibleItems   the self-care items the person cannot do (empty = all six possible)
 * @param incomes           monthly incomes by type (the excluded types count for nothing)
 * @param assets            the person's assets
 * @param supporter         法定赡养、抚养、扶养义务人
 * @param schooling         for people of 16 and over: in which school, if any
 * @param childStatus       a minor who also qualifies as 孤儿 or 事实无人抚养儿童
 * @param choosesChildSubsidy the minor (or guardian) chooses the children's basic-living subsidy instead (Art 9)
 */
public record TekunFacts(String fullName, String idNumber, String countyCode, String urbanRural,
    LocalDate assessedOn, DisabilityCategory disabilityCategory, Integer disabilityGrade,
    Set<SelfCareItem> impossibleItems, List<Income> incomes, List<Asset> assets, Supporter supporter,
    Schooling schooling, ChildStatus childStatus, boolean choosesChildSubsidy) {

  public record Income(IncomeType type, BigDecimal monthlyAmount) {}

  public record Asset(AssetType type, BigDecimal value) {}

  /** The six items of the self-care assessment. */
  public enum SelfCareItem {
    EATING("自主吃饭"), DRESSING("自主穿衣"), BED_TRANSFER("自主上下床"), TOILETING("自主如厕"),
    INDOOR_WALKING("室内自主行走"), BATHING("自主洗澡");

    private final String label;

    SelfCareItem(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** 法定义务人: none; present but unable to support (无赡养、抚养、扶养能力); able to support. */
  public enum Supporter {
    NONE("无法定义务人"), UNABLE("法定义务人无履行义务能力"), ABLE("法定义务人有履行义务能力");

    private final String label;

    Supporter(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum Schooling {
    NONE("未在校"), COMPULSORY("义务教育阶段"), SENIOR_HIGH("普通高中"), SECONDARY_VOCATIONAL("中等职业学校"),
    OTHER("其他（如高等教育）");

    private final String label;

    Schooling(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The schools in which support continues past 18 (特困人员认定办法). */
    public boolean continuesPast18() {
      return this == COMPULSORY || this == SENIOR_HIGH || this == SECONDARY_VOCATIONAL;
    }
  }

  public enum ChildStatus {
    NONE("否"), ORPHAN("孤儿"), WITHOUT_DE_FACTO_CARE("事实无人抚养儿童");

    private final String label;

    ChildStatus(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
