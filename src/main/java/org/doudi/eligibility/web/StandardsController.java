package org.doudi.eligibility.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.doudi.eligibility.DibaoStandard;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.eligibility.NewDibaoStandard;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "低保标准", description = "Local 低保 standards per county, urban/rural and effective date")
public class StandardsController {

  private final DibaoStandards standards;

  public StandardsController(DibaoStandards standards) {
    this.standards = standards;
  }

  @GetMapping("/api/dibao-standards")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "All recorded standards (history included), by county, type and effective date",
      description = "Rows with sample=true are demo figures, not official standards.")
  public List<DibaoStandard> list(@Parameter(description = "only this county (6 digits)")
      @RequestParam(required = false) String countyCode) {
    return standards.list(countyCode);
  }

  @PostMapping("/api/admin/dibao-standards")
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a new standard (admin)",
      description = "A new row effective from its date; history is never changed, so the date must lie after the "
          + "latest recorded one for the county and type (else 409).",
      responses = {@ApiResponse(responseCode = "201", description = "recorded"),
          @ApiResponse(responseCode = "400", description = "invalid input; violations name every field"),
          @ApiResponse(responseCode = "403", description = "not an administrator"),
          @ApiResponse(responseCode = "409", description = "the effective date is not after the latest one")})
  public DibaoStandard add(@Valid @RequestBody(required = false) NewDibaoStandard body, Principal principal) {
    return standards.add(body, principal.getName());
  }
}
