package org.doudi.supervision.petition;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A petitioner's request for 复查 or 复核 of the reply, entered by staff ({@code POST /api/petitions/{id}/…}). */
@Schema(description = "复查或复核申请")
public record PetitionRequest(
    @Schema(description = "申请理由") @NotBlank(message = "请填写申请理由") @Size(max = 2000, message = "申请理由最多2000个字")
    String reason) {}
