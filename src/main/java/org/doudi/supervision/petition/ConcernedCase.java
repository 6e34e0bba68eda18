package org.doudi.supervision.petition;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A case the petition concerns: a process instance id ({@code PROCESS_INSTANCE}), an award
 * ({@code AWARD}, ref {@code <SCHEME>/<beneficiaryKey>}, e.g. {@code DIBAO/H-12}) or a 特困 person id
 * ({@code TEKUN_PERSON}). Each is checked to exist through its owning module.
 */
@Schema(description = "涉及的案件")
public record ConcernedCase(
    @Schema(description = "PROCESS_INSTANCE 流程实例 | AWARD 待遇（救助项目/对象编号）| TEKUN_PERSON 特困人员编号")
    @NotBlank(message = "请填写涉及案件的类型") @Pattern(regexp = "PROCESS_INSTANCE|AWARD|TEKUN_PERSON",
        message = "涉及案件的类型应为 PROCESS_INSTANCE、AWARD 或 TEKUN_PERSON") String type,
    @Schema(description = "编号") @NotBlank(message = "请填写涉及案件的编号")
    @Size(max = 100, message = "涉及案件的编号最多100个字符") String ref) {

  /** The form's text form: {@code TYPE:ref}. */
  @Override
  public String toString() {
    return type + ":" + ref;
  }
}
