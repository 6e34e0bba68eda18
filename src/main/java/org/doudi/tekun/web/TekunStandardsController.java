package org.doudi.tekun.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.doudi.tekun.NewTekunStandard;
import org.doudi.tekun.TekunStandard;
import org.doudi.tekun.TekunStandards;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "特困标准", description = "特困人员基本生活标准 per county, urban/rural and effective date")
public class TekunStandardsController {

  private final TekunStandards standards;

  public TekunStandardsController(TekunStandards standards) {
    this.standards = standards;
  }

  @GetMapping("/api/tekun/standards")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "All recorded 特困 basic living standards (history included), by county, type and date",
      description = "Rows with sample=true are demo figures, not official standards. A county without a row is "
          + "assessed at 1.3 × its 低保 standard rounded up to the yuan (docs/tekun.md).")
  public List<TekunStandard> list(@Parameter(description = "only this county (6 digits)")
      @RequestParam(required = false) String countyCode) {
    return standards.list(countyCode);
  }

  @PostMapping("/api/tekun/standards")
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a new 特困 basic living standard (administrator, as the 低保 standards)",
      description = "A new row effective from its date; history is never changed, so the date must lie after the "
          + "latest recorded one for the county and type (else 409). Refused (400) below 1.3 × the local 低保 "
          + "standard in force on that date, or when no 低保 standard is in force then.",
      responses = {@ApiResponse(responseCode = "201", description = "recorded"),
          @ApiResponse(responseCode = "400", description = "invalid input or below the 1.3× floor; violations name every field"),
          @ApiResponse(responseCode = "403", description = "not an administrator"),
          @ApiResponse(responseCode = "409", description = "the effective date is not after the latest one")})
  public TekunStandard add(@Valid @RequestBody(required = false) NewTekunStandard body, Principal principal) {
    return standards.add(body, principal.getName());
  }
}
