package org.doudi.review.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.operations.Masking;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.review.ChangeKind;
import org.doudi.review.ChangeRecorded;
import org.doudi.review.ChangeReport;
import org.doudi.review.ReportedChange;
import org.doudi.review.ReviewCase;
import org.doudi.review.ReviewRefusedException;
import org.doudi.review.ReviewSchedule;
import org.doudi.review.Reviews;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changes reported by households (through a caseworker) and the review record of a 低保 award (docs/review.md). Only
 * staff working within the award's region (its township or village, county, city, province) may report or read.
 */
@RestController
@Tag(name = "动态管理", description = "Reported changes, review schedule and reviews of 低保 awards")
public class ReviewController {

  private final Reviews reviews;
  private final Awards awards;
  private final Staff staff;

  public ReviewController(Reviews reviews, Awards awards, Staff staff) {
    this.reviews = reviews;
    this.awards = awards;
    this.staff = staff;
  }

  /** A reported change; which fields are needed depends on {@code kind} (docs/review.md). */
  public record ChangeBody(
      @NotNull(message = "请填写变化类型 kind") ChangeKind kind,
      @NotBlank(message = "请写明变化情况 detail") @Size(max = 500, message = "变化情况不能超过500个字") String detail,
      LocalDate occurredOn,
      @Pattern(regexp = "\\s*\\d{17}[\\dXx]\\s*", message = "成员身份证号码 memberIdNumber 应为18位") String memberIdNumber,
      @Size(max = 50, message = "成员姓名不能超过50个字") String memberName,
      @Size(max = 16, message = "与申请人关系无效") String memberRelation,
      @Size(max = 100, message = "开户银行不能超过100个字") String bankName,
      @Pattern(regexp = "\\s*\\d{8,30}\\s*", message = "银行账号 accountNumber 应为8至30位数字") String accountNumber,
      @Pattern(regexp = "\\s*\\d{6}\\s*", message = "迁入县（市、区）代码 countyCode 应为6位数字") String countyCode,
      @Pattern(regexp = "\\s*(\\d{9}|\\d{12})\\s*",
          message = "迁入地代码 regionCode 应为乡镇（街道）9位或村（社区）12位数字") String regionCode) {}

  /** The review record of an award: its schedule, its reviews and the changes recorded. */
  public record ReviewRecord(ReviewSchedule schedule, List<ReviewCase> reviews, List<ReportedChange> changes) {}

  @PostMapping("/api/awards/{beneficiaryKey}/reported-changes")
  @PreAuthorize("@processStarters.allows(authentication, 'dibao-review')")
  @Operation(summary = "Record a change the household reported; it opens a review, or files a four-eyes award change",
      description = "INCOME, MEMBER_BIRTH / MARRIAGE (memberIdNumber, memberName, memberRelation), MEMBER_DEATH / "
          + "MEMBER_MOVED_AWAY (memberIdNumber of a member), ADDRESS, PAYEE_DEATH: a dibao-review instance in the "
          + "township's worklist (or the open one, its due date pulled in), due within doudi.review.change-working-days "
          + "working days, a death within 3 months at the latest. BANK_ACCOUNT (bankName, accountNumber): an ACCOUNT "
          + "change request (award-change-approval). MOVE_COUNTY (countyCode, regionCode): a TRANSFER change request; "
          + "the old county pays up to the month of the approval, the new county from the next month. occurredOn "
          + "more than 3 months ago marks the report late (批评教育).",
      responses = {@ApiResponse(responseCode = "201", description = "the change and the review or request it led to"),
          @ApiResponse(responseCode = "400", description = "refused, Chinese message; nothing stored"),
          @ApiResponse(responseCode = "403", description = "the award's region is not the caller's"),
          @ApiResponse(responseCode = "409", description = "an award change request is open already")})
  public ResponseEntity<ChangeRecorded> report(@PathVariable String beneficiaryKey, @Valid @RequestBody ChangeBody b,
      Principal principal) {
    AwardRow award = latest(beneficiaryKey);
    requireWorksWithin(principal.getName(), award.regionCode(), true);
    ChangeRecorded r = reviews.report(beneficiaryKey, new ChangeReport(b.kind(), b.detail(), b.occurredOn(),
        trim(b.memberIdNumber()), trim(b.memberName()), trim(b.memberRelation()), trim(b.bankName()),
        trim(b.accountNumber()), trim(b.countyCode()), trim(b.regionCode())), principal.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(r);
  }

  @PostMapping("/api/awards/{beneficiaryKey}/comparisons")
  @PreAuthorize("@processStarters.allows(authentication, 'dibao-review')")
  @Operation(summary = "Compare the household with the check platform now (the daily run does it for every household)",
      description = "New findings (a death, a vehicle or real estate registered, income above the record) are recorded "
          + "as SYSTEM changes and open a review at once (or join the open one); findings known already open nothing.",
      responses = {@ApiResponse(responseCode = "200", description = "the review opened or joined"),
          @ApiResponse(responseCode = "204", description = "nothing new found"),
          @ApiResponse(responseCode = "400", description = "no active 低保 award or no review schedule"),
          @ApiResponse(responseCode = "403", description = "the award's region is not the caller's")})
  public ResponseEntity<ReviewCase> compare(@PathVariable String beneficiaryKey, Principal principal) {
    AwardRow award = latest(beneficiaryKey);
    requireWorksWithin(principal.getName(), award.regionCode(), true);
    return reviews.compare(beneficiaryKey).map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @GetMapping("/api/awards/{beneficiaryKey}/review")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The review schedule (class, next review date), the reviews and the recorded changes of an award",
      responses = {@ApiResponse(responseCode = "200", description = "the review record"),
          @ApiResponse(responseCode = "403", description = "the award's region is not the caller's"),
          @ApiResponse(responseCode = "404", description = "no review schedule for the award")})
  public ReviewRecord record(@PathVariable String beneficiaryKey, Principal principal) {
    AwardRow award = latest(beneficiaryKey);
    requireWorksWithin(principal.getName(), award.regionCode(), false);
    ReviewSchedule s = reviews.schedule(beneficiaryKey)
        .orElseThrow(() -> new java.util.NoSuchElementException(beneficiaryKey + "没有复核计划"));
    return new ReviewRecord(new ReviewSchedule(Masking.key(s.beneficiaryKey()), s.scheme(), s.countyCode(),
        s.regionCode(), s.reviewClass(), s.classBasis(), s.nextReviewOn(), s.lastReviewedOn(), s.lastComparedOn(),
        s.openCaseId(), s.active()), reviews.cases(beneficiaryKey), reviews.changes(beneficiaryKey).stream()
        .map(c -> new ReportedChange(c.id(), Masking.key(c.beneficiaryKey()), c.kind(), c.source(), c.detail(),
            c.memberIdNumber() == null ? null : Masking.idNumber(c.memberIdNumber()), c.memberName(),
            c.memberRelation(), c.occurredOn(), c.learnedOn(), c.dueBy(), c.lateReport(), c.reviewCaseId(),
            c.changeRequestId(), c.recordedBy(), c.recordedAt())).toList());
  }

  private AwardRow latest(String beneficiaryKey) {
    return awards.latest(beneficiaryKey, Scheme.DIBAO)
        .orElseThrow(() -> new ReviewRefusedException(beneficiaryKey + "没有低保待遇记录"));
  }

  /** Staff working within the award's region; to report, a caseworking role (not oversight only). */
  private void requireWorksWithin(String userId, String regionCode, boolean caseworking) {
    StaffMember me = staff.find(userId).orElseThrow(() -> new AccessDeniedException("未知用户"));
    boolean ok = me.administrator() || staff.worksWithin(me, regionCode, role -> caseworking
        ? role == Role.TOWNSHIP_CASEWORKER || role == Role.COUNTY_CASEWORKER || role == Role.COUNTY_APPROVER
        : role != Role.ANALYST);
    if (!ok) {
      throw new AccessDeniedException("用户" + userId + "无权办理" + regionCode + "的低保对象");
    }
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
