package org.doudi.region.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.doudi.platform.Utf8Files;
import org.doudi.region.RegionImport;
import org.doudi.region.RegionImportException;
import org.doudi.region.RegionImportException.BadLine;
import org.doudi.region.RegionImportResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "行政区划", description = "The administrative hierarchy")
public class RegionImportController {

  private final RegionImport regionImport;

  public RegionImportController(RegionImport regionImport) {
    this.regionImport = regionImport;
  }

  @PostMapping(path = "/api/admin/regions/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Import the official division codes (admin)",
      description = "Body: UTF-8 CSV, one region a line: code (12 digits, or 6/9), name, optional 城乡分类代码, optional "
          + "status (现行, 撤销, 合并); an optional title line. A file with a province line is that province's full "
          + "list: regions of it the file omits are abolished. Any bad line refuses the whole file (nothing changed). "
          + "Same file twice: no change. Format and rules: docs/regions.md. Files over 1 MiB: the command line "
          + "(--doudi.import.regions=<file>).",
      responses = {@ApiResponse(responseCode = "200", description = "imported; counts per kind of change"),
          @ApiResponse(responseCode = "400", description = "refused whole: errors lists every bad line (line, reason)"),
          @ApiResponse(responseCode = "403", description = "not an administrator"),
          @ApiResponse(responseCode = "413", description = "over 1 MiB")})
  public RegionImportResult importCsv(@Valid @RequestBody(required = false) byte[] body,
      @Parameter(description = "the file's name, kept in the region history")
      @RequestParam(required = false) String fileName, Principal principal) {
    String source = "接口导入" + (fileName == null || fileName.isBlank() ? "" : "：" + fileName.strip());
    return regionImport.importCsv(utf8(body), principal.getName(), source);
  }

  private static String utf8(byte[] body) {
    return Utf8Files.decode(body).orElseThrow(() -> new RegionImportException(List.of(new BadLine(0,
        Utf8Files.NOT_UTF8))));
  }

}
