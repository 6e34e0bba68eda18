package org.doudi.standards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.doudi.platform.Utf8Files;
import org.doudi.standards.StandardBatch;
import org.doudi.standards.StandardBatchException;
import org.doudi.standards.StandardBatchException.BadLine;
import org.doudi.standards.StandardBatches;
import org.doudi.standards.StandardKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "标准批量导入", description = "County tables of 低保/特困 standards, in force after a second administrator approves")
public class StandardBatchController {

  /** A rejection's reason. */
  public record Rejection(@NotBlank(message = "驳回须填写理由") @Size(max = 500, message = "驳回理由不能超过500个字符")
      String note) {}

  private final StandardBatches batches;

  public StandardBatchController(StandardBatches batches) {
    this.batches = batches;
  }

  @PostMapping(path = "/api/admin/standards/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Upload a county table of standards as a pending batch (admin)",
      description = "Body: UTF-8 CSV, one county and type a line: 县级区划代码,城乡类别 (URBAN/RURAL or 城市/农村),月标准 "
          + "(元/人·月)[,财产限额月数 (低保 only; empty = 24)]; an optional title line. Every row is checked as the "
          + "single entry checks it (POST /api/admin/dibao-standards, /api/tekun/standards). Nothing is in force "
          + "until another administrator approves the batch (four eyes). Format: docs/eligibility.md.",
      responses = {@ApiResponse(responseCode = "201", description = "stored, PENDING"),
          @ApiResponse(responseCode = "400", description = "refused whole: errors lists every bad line (line, reason)"),
          @ApiResponse(responseCode = "403", description = "not an administrator")})
  public StandardBatch upload(@Valid @RequestBody(required = false) byte[] body,
      @Parameter(description = "DIBAO (低保标准) or TEKUN (特困人员基本生活标准)") @RequestParam(required = false) String kind,
      @Parameter(description = "effective from (YYYY-MM-DD), for every row") @RequestParam(required = false)
      String effectiveFrom,
      @Parameter(description = "the policy document (文件名称、文号), for every row") @RequestParam(required = false)
      String sourceNote,
      @Parameter(description = "the file's name, kept with the batch") @RequestParam(required = false) String fileName,
      Principal principal) {
    StandardKind k = null;
    LocalDate from = null;
    try {
      k = kind == null ? null : StandardKind.valueOf(kind.strip());
    } catch (IllegalArgumentException e) {
      throw refused("标准种类“" + kind + "”无效，应为 DIBAO（低保标准）或 TEKUN（特困人员基本生活标准）");
    }
    try {
      from = effectiveFrom == null || effectiveFrom.isBlank() ? null : LocalDate.parse(effectiveFrom.strip());
    } catch (DateTimeParseException e) {
      throw refused("生效日期“" + effectiveFrom + "”应为“年-月-日”，如2026-01-01");
    }
    return batches.upload(k, from, sourceNote, utf8(body), fileName, principal.getName());
  }

  @GetMapping("/api/admin/standards/batches")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "All batches, newest first (without rows)")
  public List<StandardBatch> list() {
    return batches.list();
  }

  @GetMapping("/api/admin/standards/batches/{id}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "One batch with its rows", responses = {@ApiResponse(responseCode = "404", description = "no such batch")})
  public StandardBatch get(@PathVariable long id) {
    return batches.get(id);
  }

  @PostMapping("/api/admin/standards/batches/{id}/approve")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Approve a pending batch: every row becomes a standard in force from the batch's date (admin, "
      + "not the uploader)",
      responses = {@ApiResponse(responseCode = "200", description = "approved; rows recorded"),
          @ApiResponse(responseCode = "403", description = "not an administrator, or the uploader (four eyes)"),
          @ApiResponse(responseCode = "404", description = "no such batch"),
          @ApiResponse(responseCode = "409", description = "already decided, or rows now conflict with standards "
              + "recorded since the upload (errors lists them; nothing recorded)")})
  public StandardBatch approve(@PathVariable long id, Principal principal) {
    return batches.approve(id, principal.getName());
  }

  @PostMapping("/api/admin/standards/batches/{id}/reject")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Reject a pending batch with a reason; nothing of it is recorded (admin, the uploader included)",
      responses = {@ApiResponse(responseCode = "200", description = "rejected"),
          @ApiResponse(responseCode = "400", description = "no reason"),
          @ApiResponse(responseCode = "409", description = "already decided")})
  public StandardBatch reject(@PathVariable long id, @Valid @RequestBody Rejection body, Principal principal) {
    return batches.reject(id, principal.getName(), body.note());
  }

  private static StandardBatchException refused(String reason) {
    return new StandardBatchException("标准文件未导入（未作任何更改）", List.of(new BadLine(0, reason)), false);
  }

  private static String utf8(byte[] body) {
    return Utf8Files.decode(body).orElseThrow(() -> refused(Utf8Files.NOT_UTF8));
  }

}
