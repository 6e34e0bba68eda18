package org.doudi.eligibility.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.doudi.eligibility.DibaoAssessment;
import org.doudi.eligibility.DibaoEligibility;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "低保评估", description = "Eligibility and amount of a household, without starting anything")
public class EligibilityController {

  private final DibaoEligibility eligibility;

  public EligibilityController(DibaoEligibility eligibility) {
    this.eligibility = eligibility;
  }

  @PostMapping("/api/eligibility/dibao")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Assess a household for 低保 (nothing is stored, nothing is started)",
      description = "Body: the same JSON as POST /api/applications. Answers outcome DIBAO | SINGLE_PERSON | "
          + "INELIGIBLE, the standard in force, per-capita income and assets, the monthly amount, per-member amounts "
          + "and the reasons with the rule they cite. See docs/eligibility.md for the formulas.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject(HouseholdApplication.EXAMPLE_JSON))),
      responses = {@ApiResponse(responseCode = "200", description = "the assessment"),
          @ApiResponse(responseCode = "400", description = "invalid application; violations name member and field"),
          @ApiResponse(responseCode = "422", description = "no standard recorded for the county, type and date")})
  public DibaoAssessment assess(@Valid @RequestBody(required = false) HouseholdApplication application,
      @Parameter(description = "assessment date (YYYY-MM-DD); default today (China time)")
      @RequestParam(required = false) String date) {
    return eligibility.assess(application, date(date));
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidApplicationException(List.of(new Violation("date", "评估日期 " + text
          + " 不是有效日期（格式 YYYY-MM-DD）")));
    }
  }
}
