package org.doudi.supervision.vagrant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A person taken in by an assistance station ({@code POST /api/vagrants} or the Tasklist start form
 * {@code vagrant-start}): what is known. An unknown name or ID number is normal; an ID number, when given, must be
 * valid (check digit). The intake time is the server's. A person who comes from another station (转送, or left it and
 * was taken in here) is linked to the case there ({@code previousCaseId}): the 3-month settlement clock counts from
 * the person's first intake, not from this one.
 */
@Schema(description = "流浪乞讨人员入站登记")
public record VagrantIntake(
    @Schema(description = "救助管理站编号，如 JZ220122") @NotBlank(message = "请填写救助管理站编号")
    @Size(max = 20, message = "救助管理站编号最多20个字符") String stationCode,
    @Schema(description = "姓名（自述或已知；不知道的不填）") @Size(max = 50, message = "姓名最多50个字") String fullName,
    @Schema(description = "身份证号码（有则填，填写的须有效）")
    @Pattern(regexp = "\\s*(\\d{17}[\\dXx])?\\s*", message = "身份证号码应为18位（最后一位可为X），不知道的不填") String idNumber,
    @Schema(description = "MALE 男 | FEMALE 女 | UNKNOWN 不详") @NotNull(message = "请选择性别（MALE、FEMALE、UNKNOWN）")
    Sex sex,
    @Schema(description = "大致年龄（周岁）") @NotNull(message = "请填写大致年龄")
    @Min(value = 0, message = "大致年龄应为0至120岁") @Max(value = 120, message = "大致年龄应为0至120岁") Integer approximateAge,
    @Schema(description = "发现地点") @NotBlank(message = "请填写发现地点") @Size(max = 200, message = "发现地点最多200个字")
    String foundPlace,
    @Schema(description = "POLICE 公安机关护送 | CITY_MANAGEMENT 城管护送 | SELF 主动求助 | OTHER 其他")
    @NotNull(message = "请选择由谁送来（POLICE、CITY_MANAGEMENT、SELF、OTHER）") BroughtBy broughtBy,
    @Schema(description = "GOOD 良好 | ILL 患病 | INJURED 受伤 | MENTAL 疑似精神障碍 | DISABLED 残疾")
    @NotNull(message = "请选择健康状况（GOOD、ILL、INJURED、MENTAL、DISABLED）") HealthState healthState,
    @Schema(description = "入站情况说明（可选）") @Size(max = 500, message = "情况说明最多500个字") String note,
    @Schema(description = "从其他救助管理站转来的：该人员在原救助管理站的案件编号（可选；3个月落户安置时限自首次入站起算）")
    @Min(value = 1, message = "原救助管理站案件编号应为正整数") Long previousCaseId) {

  /** A first intake (no earlier station). */
  public VagrantIntake(String stationCode, String fullName, String idNumber, Sex sex, Integer approximateAge,
      String foundPlace, BroughtBy broughtBy, HealthState healthState, String note) {
    this(stationCode, fullName, idNumber, sex, approximateAge, foundPlace, broughtBy, healthState, note, null);
  }

  public enum Sex {
    MALE("男"), FEMALE("女"), UNKNOWN("不详");

    private final String label;

    Sex(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum BroughtBy {
    POLICE("公安机关护送"), CITY_MANAGEMENT("城管执法部门护送"), SELF("本人主动求助"), OTHER("其他人员或单位送来");

    private final String label;

    BroughtBy(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum HealthState {
    GOOD("良好"), ILL("患病"), INJURED("受伤"), MENTAL("疑似精神障碍"), DISABLED("残疾");

    private final String label;

    HealthState(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final String EXAMPLE_JSON = """
      {"stationCode":"JZ220122","fullName":null,"idNumber":null,"sex":"MALE","approximateAge":65,
       "foundPlace":"农安县火车站候车室","broughtBy":"POLICE","healthState":"ILL","note":"自称姓李，说不清住址"}""";
}
