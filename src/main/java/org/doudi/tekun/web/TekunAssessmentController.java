package org.doudi.tekun.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.doudi.tekun.TekunAssessment;
import org.doudi.tekun.TekunFacts;
import org.doudi.tekun.internal.TekunAssessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "特困评估", description = "特困人员救助供养条件与金额的评估，不保存、不启动任何流程")
public class TekunAssessmentController {

  private final TekunAssessor assessor;
  private final Validator validator;

  public TekunAssessmentController(TekunAssessor assessor, Validator validator) {
    this.assessor = assessor;
    this.validator = validator;
  }

  @PostMapping("/api/eligibility/tekun")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Assess one person for 特困人员救助供养 (nothing is stored, nothing is started)",
      description = "Answers outcome TEKUN | CHILD_SUBSIDY (a minor 孤儿/事实无人抚养儿童 who chose that scheme: it "
          + "applies instead, never both) | INELIGIBLE, the 低保 and 特困 basic living standards applied (the latter at "
          + "least 1.3 × the former), the care level from the six items and its care standard (DMN "
          + "tekun-care-standard), the monthly amount (basic + care when TEKUN, else 0) and the reasons with the "
          + "article they cite. Every input problem is listed at once (400). See docs/tekun.md.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject(TekunAssessmentRequest.EXAMPLE_JSON))),
      responses = {@ApiResponse(responseCode = "200", description = "the assessment"),
          @ApiResponse(responseCode = "400", description = "invalid input; violations name every field, in Chinese"),
          @ApiResponse(responseCode = "401", description = "not signed in"),
          @ApiResponse(responseCode = "422", description = "no 低保 standard recorded for the county, type and date")})
  public TekunAssessment assess(@RequestBody(required = false) TekunAssessmentRequest request,
      @Parameter(description = "assessment date (YYYY-MM-DD), instead of assessedOn in the body; default today "
          + "(China time)") @RequestParam(required = false) String date) {
    if (request == null) {
      throw new InvalidApplicationException("", "请求内容为空");
    }
    List<Violation> problems = new ArrayList<>();
    LocalDate on = request.assessedOn();
    if (date != null && !date.isBlank()) {
      try {
        LocalDate given = LocalDate.parse(date.strip());
        if (on != null && !on.equals(given)) {
          problems.add(new Violation("date", "评估日期 " + given + " 与请求中的 assessedOn " + on + " 不一致"));
        }
        on = given;
      } catch (DateTimeParseException e) {
        problems.add(new Violation("date", "评估日期 " + date + " 不是有效日期（格式 YYYY-MM-DD）"));
      }
    }
    Set<ConstraintViolation<TekunAssessmentRequest>> invalid = validator.validate(request);
    // one message per field (a blank county code breaks @NotBlank and @Pattern alike)
    invalid.stream().map(v -> new Violation(path(v.getPropertyPath().toString()), v.getMessage()))
        .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
        .collect(Collectors.toMap(Violation::field, v -> v, (a, b) -> a, LinkedHashMap::new))
        .values().forEach(problems::add);
    TekunFacts facts = request.facts(on);
    Set<String> named = problems.stream().map(Violation::field).collect(Collectors.toSet());
    assessor.violations(facts).stream().filter(v -> !named.contains(v.field())).forEach(problems::add);
    if (!problems.isEmpty()) {
      throw new InvalidApplicationException(problems);
    }
    return assessor.assess(facts);
  }

  /** {@code incomes[0].<list element>} and the like → {@code incomes[0]}. */
  private static String path(String propertyPath) {
    return propertyPath.replaceAll("\\.<[^>]+>", "");
  }
}
