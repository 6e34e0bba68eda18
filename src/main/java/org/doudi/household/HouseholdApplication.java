package org.doudi.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A household's application for 最低生活保障 (and the same shape for an eligibility check): the JSON body of
 * {@code POST /api/applications} and {@code POST /api/eligibility/dibao}. Its shape (required fields) is declared
 * with Bean Validation and checked first ({@code @Valid}); everything else by {@link ApplicationValidator};
 * stored by {@link Households}. Money is yuan per month ({@code BigDecimal}, at most 2 decimals).
 *
 * <p>Missing booleans read as {@code false}; a missing income map or rigid expense reads as zero.
 */
public record HouseholdApplication(
    @NotBlank(message = "户籍所在县（市、区）代码未填写") String countyCode,
    @NotBlank(message = "居住地村（社区）或乡镇（街道）代码未填写") String regionCode,
    @NotNull(message = "户口性质（城市/农村）未填写") UrbanRural urbanRural,
    String address,
    String contactPhone,
    @NotEmpty(message = "家庭成员未填写，至少应有申请人本人") List<@Valid Member> members,
    List<@Valid Asset> assets,
    boolean authorisationSigned,
    boolean pledgeSigned,
    @Valid Agent agent,
    @Valid BankAccount bankAccount,
    boolean separateRegistration,
    String separateRegistrationNote) {

  /** A valid one-person application, the example of the API documentation. */
  public static final String EXAMPLE_JSON = """
      {"countyCode":"220122","regionCode":"220122100201","urbanRural":"RURAL",
       "address":"农安县农安镇宝塔村3组","contactPhone":"13800000000",
       "members":[{"name":"张三","idNumber":"220122195001010014","relation":"SELF",
         "hukouCountyCode":"220122","hukouUrbanRural":"RURAL","disabilityCategory":null,
         "disabilityGrade":null,"seriousIllness":false,"ableToWork":false,"student":false,
         "monthlyIncome":{"WAGE":100,"PENSION_BASIC":150},"rigidExpenses":0}],
       "assets":[{"type":"DEPOSIT","description":"农商行活期","value":3000.00}],
       "authorisationSigned":true,"pledgeSigned":true,"agent":null,
       "bankAccount":{"bankName":"农安农商银行","accountNumber":"6228480012345678901","holderName":"张三"},
       "separateRegistration":false,"separateRegistrationNote":null}""";


  /** The applicant (the one member with relation SELF), or null when there is none. */
  public Member applicant() {
    return members == null ? null
        : members.stream().filter(m -> m != null && m.relation() == Relation.SELF).findFirst().orElse(null);
  }

  /** Members, never null. */
  public List<Member> memberList() {
    return members == null ? List.of() : members;
  }

  /** Assets, never null. */
  public List<Asset> assetList() {
    return assets == null ? List.of() : assets;
  }

  /** One member of the 共同生活 household. */
  public record Member(
      String name,
      String idNumber,
      Relation relation,
      /** 户籍 county (6 digits); null = same as the household's {@code countyCode}. */
      String hukouCountyCode,
      /** 户口性质; null = same as the household's {@code urbanRural}. */
      UrbanRural hukouUrbanRural,
      DisabilityCategory disabilityCategory,
      /** 1..4 (一级 most severe) when a category is set, else null. */
      Integer disabilityGrade,
      boolean seriousIllness,
      boolean ableToWork,
      boolean student,
      /** yuan/month by type; missing types are zero. */
      Map<IncomeType, BigDecimal> monthlyIncome,
      /** 刚性支出 (disability/illness) yuan/month, deducted from income; null = 0. */
      BigDecimal rigidExpenses) {

    /** Declared monthly income of one type, zero when absent. */
    public BigDecimal income(IncomeType type) {
      BigDecimal v = monthlyIncome == null ? null : monthlyIncome.get(type);
      return v == null ? BigDecimal.ZERO : v;
    }

    /** Rigid expenses, zero when absent. */
    public BigDecimal rigidExpensesOrZero() {
      return rigidExpenses == null ? BigDecimal.ZERO : rigidExpenses;
    }

    /** The parsed ID number; throws {@link IdNumber.InvalidIdNumberException} if it is not valid. */
    public IdNumber id() {
      return IdNumber.parse(idNumber);
    }

    /** Birth date from the ID number (valid numbers only). */
    public LocalDate birthDate() {
      return id().birthDate();
    }

    /** 重残: grade 1–2, or grade 3 intellectual/mental (最低生活保障审核确认办法 第8条). */
    public boolean severelyDisabled() {
      if (disabilityCategory == null || disabilityGrade == null) {
        return false;
      }
      return disabilityGrade <= 2
          || (disabilityGrade == 3 && (disabilityCategory == DisabilityCategory.INTELLECTUAL
              || disabilityCategory == DisabilityCategory.MENTAL));
    }
  }

  /** One asset of the household. */
  public record Asset(AssetType type, String description, BigDecimal value) {}

  /** 代理人: the person filing on the applicant's behalf. */
  public record Agent(String name, String idNumber, String relation, String phone) {}

  /** The account benefits are paid into. The number is stored as given (masked in logs). */
  public record BankAccount(String bankName, String accountNumber, String holderName) {}

  /** 户口性质 / the household's standard. */
  public enum UrbanRural {
    URBAN("城市"), RURAL("农村");

    private final String label;

    UrbanRural(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** 与申请人关系. */
  public enum Relation {
    SELF("本人（申请人）"), SPOUSE("配偶"), CHILD("子女"), PARENT("父母"), GRANDPARENT("（外）祖父母"),
    GRANDCHILD("（外）孙子女"), SIBLING("兄弟姐妹"), OTHER("其他");

    private final String label;

    Relation(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** 残疾类别 (the category digit of the 残疾人证: 1 视力 … 7 多重). */
  public enum DisabilityCategory {
    VISUAL("视力残疾"), HEARING("听力残疾"), SPEECH("言语残疾"), PHYSICAL("肢体残疾"), INTELLECTUAL("智力残疾"),
    MENTAL("精神残疾"), MULTIPLE("多重残疾");

    private final String label;

    DisabilityCategory(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * Income types. {@link #counted()} types make up household income; the others are excluded by
   * 《最低生活保障审核确认办法》第十三条 (brief §2).
   */
  public enum IncomeType {
    WAGE("工资性收入", true),
    BUSINESS("经营净收入", true),
    PROPERTY("财产净收入", true),
    TRANSFER("转移净收入", true),
    OTHER("其他收入", true),
    PENSION_BASIC("城乡居民基本养老保险基础养老金", false),
    VETERAN_BENEFIT("优待抚恤金", false),
    FAMILY_PLANNING_REWARD("计划生育奖励与扶助金", false),
    SCHOLARSHIP("奖学金", false),
    GOOD_SAMARITAN_AWARD("见义勇为等奖励性补助", false),
    SOCIAL_ASSISTANCE("政府发放的各类社会救助款物", false),
    /** 高龄津贴: excluded for 特困 by 特困人员认定办法 第六条; for 低保 by analogy (local rules, UNCONFIRMED). */
    ELDERLY_ALLOWANCE("高龄津贴", false);

    private final String label;
    private final boolean counted;

    IncomeType(String label, boolean counted) {
      this.label = label;
      this.counted = counted;
    }

    public String label() {
      return label;
    }

    /** True when the type counts as household income. */
    public boolean counted() {
      return counted;
    }
  }

  /** Asset types (《最低生活保障审核确认办法》第十四条). */
  public enum AssetType {
    DEPOSIT("银行存款"), SECURITIES("证券、基金"), INSURANCE("商业保险"), CLAIM("债权"), ONLINE_FINANCE("互联网金融资产"),
    VEHICLE("车辆"), REAL_ESTATE("房屋、林木等定着物"), OTHER("其他财产");

    private final String label;

    AssetType(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
