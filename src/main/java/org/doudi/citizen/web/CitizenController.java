package org.doudi.citizen.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.doudi.citizen.CitizenSettings;
import org.doudi.citizen.internal.Citizen;
import org.doudi.citizen.internal.CitizenCases;
import org.doudi.citizen.internal.CitizenCases.CaseView;
import org.doudi.citizen.internal.EmergencyReports;
import org.doudi.citizen.internal.EmergencyReports.ReportView;
import org.doudi.citizen.internal.OnlineApplications;
import org.doudi.citizen.internal.OnlineApplications.DraftView;
import org.doudi.citizen.internal.OnlineApplications.MemberPhone;
import org.doudi.citizen.internal.RateLimits;
import org.doudi.citizen.internal.SignIn;
import org.doudi.document.DocumentContent;
import org.doudi.household.HouseholdApplication;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.doudi.temporary.TemporaryApplications;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 互联网+社会救助: the citizens' API behind the page {@code /apply/} (docs/citizen.md). Signed in by the session
 * cookie of {@link CitizenSecurity}; each endpoint acts only on the caller's own applications and cases.
 */
@RestController
@Tag(name = "网上申请（群众）", description = "Citizens sign in with ID number and SMS code, apply for 低保, consent, "
    + "follow and act on their own cases")
public class CitizenController {

  private final SignIn signIn;
  private final OnlineApplications applications;
  private final CitizenCases cases;
  private final RateLimits limits;
  private final CitizenSettings settings;
  private final Regions regions;
  private final EmergencyReports reports;

  public CitizenController(SignIn signIn, OnlineApplications applications, CitizenCases cases, RateLimits limits,
      CitizenSettings settings, Regions regions, EmergencyReports reports) {
    this.reports = reports;
    this.signIn = signIn;
    this.applications = applications;
    this.cases = cases;
    this.limits = limits;
    this.settings = settings;
    this.regions = regions;
  }

  public record CodeRequest(
      @NotBlank(message = "请填写身份证号码") @Size(max = 18, message = "身份证号码为18位") String idNumber,
      @NotBlank(message = "请填写手机号码") @Size(max = 11, message = "手机号码为11位") String phone) {}

  public record SignInRequest(
      @NotBlank(message = "请填写身份证号码") @Size(max = 18, message = "身份证号码为18位") String idNumber,
      @NotBlank(message = "请填写手机号码") @Size(max = 11, message = "手机号码为11位") String phone,
      @NotBlank(message = "请填写验证码") @Size(max = 6, message = "验证码为6位数字") String code) {}

  public record Me(String idNumber, String phone) {}

  public record OnlineApplication(
      @NotNull(message = "请填写申请内容") @Valid HouseholdApplication household,
      @Size(max = 20, message = "最多20位家庭成员") List<MemberPhone> phones) {}

  public record ConsentRequest(boolean authorisation, boolean pledge) {}

  public record ReasonRequest(
      @NotBlank(message = "请填写理由") @Size(max = 500, message = "理由最多500个字") String reason) {}

  public record ObjectionRequest(
      @NotBlank(message = "请填写异议内容") @Size(max = 2000, message = "异议内容最多2000个字") String content) {}

  public record RecheckRequest(
      @NotBlank(message = "请填写申请复查的理由和证据") @Size(max = 2000, message = "理由最多2000个字") String reasons) {}

  public record EmergencyReportRequest(
      @NotBlank(message = "请选择急难发生地所在的乡镇（街道）或村（社区）")
      @Size(max = 12, message = "地区代码最多12位") String regionCode,
      @NotBlank(message = "请选择报告的是本人还是家庭成员的急难情况")
      @Size(max = 10, message = "请选择报告的是本人还是家庭成员的急难情况") String relation,
      @NotBlank(message = "请填写遇到急难的人的姓名") @Size(max = 50, message = "姓名最多50个字") String subjectName,
      @Size(max = 18, message = "身份证号码为18位") String subjectIdNumber,
      @NotBlank(message = "请填写急难发生的地点（详细地址）") @Size(max = 200, message = "地点最多200个字") String address,
      @NotBlank(message = "请说明发生了什么、现在最急需什么")
      @Size(max = 2000, message = "情况说明最多2000个字") String situation,
      @Size(max = 11, message = "联系电话须为11位手机号码") String phone) {}

  /** 支出型临时救助: the fields of the counter's start form (checked by its 登记申请 step). */
  public record ExpenditureRequest(
      @Size(max = 12, message = "地区代码最多12位") String regionCode,
      @Size(max = 50, message = "申请人姓名最多50个字") String recipientName,
      @Size(max = 18, message = "身份证号码为18位") String recipientIdNumber,
      @Size(max = 11, message = "手机号码为11位") String recipientPhone,
      @Size(max = 20, message = "请选择支出类型") String causeKind,
      @Size(max = 2000, message = "困难情况说明最多2000个字") String cause,
      java.math.BigDecimal expenseAmount,
      java.math.BigDecimal amount,
      Integer memberCount,
      java.math.BigDecimal householdMonthlyIncome,
      @Size(max = 100, message = "开户银行最多100个字") String bankName,
      @Size(max = 30, message = "银行账号最多30位") String bankAccountNumber) {}

  public record UploadAnswer(long id, String sha256, String materialLabel, boolean resumed, String message) {}

  @PostMapping("/api/citizen/sign-in/code")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Send a one-time sign-in code to the phone (anonymous)",
      description = "Always the same answer whether or not the ID number is known (nothing is looked up). 400 invalid "
          + "ID number or phone; 429 too many codes for the phone or ID number within an hour, or too many requests "
          + "from the address; 503 the SMS gateway failed. Header X-Citizen-Request: 1 required.")
  public Map<String, String> code(@Valid @RequestBody CodeRequest body, HttpServletRequest request) {
    signIn.requestCode(body.idNumber(), body.phone(), request.getRemoteAddr());
    return Map.of("message", "验证码已发送到该手机，" + settings.codeValidity().toMinutes() + "分钟内有效");
  }

  @PostMapping("/api/citizen/sign-in")
  @Operation(summary = "Sign in with the code (anonymous): sets the HttpOnly SameSite=Strict session cookie",
      description = "400 wrong, expired or used code (a code dies after doudi.citizen.max-attempts wrong tries); 429.")
  public ResponseEntity<Map<String, Object>> signIn(@Valid @RequestBody SignInRequest body,
      HttpServletRequest request) {
    SignIn.Session s = signIn.verify(body.idNumber(), body.phone(), body.code(), request.getRemoteAddr());
    ResponseCookie cookie = ResponseCookie.from(CitizenSecurity.COOKIE, s.token()).httpOnly(true)
        .secure(request.isSecure()).sameSite("Strict").path("/api/citizen")
        .maxAge(settings.sessionValidity()).build();
    return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString())
        .body(Map.of("idNumber", s.citizen().idNumber(), "expiresAt", s.expiresAt().toString()));
  }

  @PostMapping("/api/citizen/sign-out")
  @Operation(summary = "End the citizen session")
  public ResponseEntity<Void> signOut(HttpServletRequest request) {
    signIn.signOut(CitizenSecurity.token(request));
    ResponseCookie cookie = ResponseCookie.from(CitizenSecurity.COOKIE, "").httpOnly(true).secure(request.isSecure())
        .sameSite("Strict").path("/api/citizen").maxAge(0).build();
    return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
  }

  @GetMapping("/api/citizen/me")
  @Operation(summary = "The signed-in citizen")
  public Me me(HttpServletRequest request) {
    Citizen c = caller(request);
    return new Me(c.idNumber(), c.phone());
  }

  @GetMapping("/api/citizen/regions")
  @Operation(summary = "Regions below a county or township (for choosing the village of residence)")
  public List<Region> regions(@RequestParam String parent, HttpServletRequest request) {
    caller(request);
    if (!parent.matches("[0-9]{2,12}")) {
      throw new org.doudi.citizen.internal.CitizenRefusal(HttpStatus.BAD_REQUEST, "地区代码应为2到12位数字");
    }
    return regions.children(parent);
  }

  @PostMapping("/api/citizen/applications")
  @Operation(summary = "Apply for 低保 online (a draft until every adult member has consented on their own phone)",
      description = "The household part has the shape and checks of POST /api/applications; phones name the phone "
          + "each member of consent age signs in with. The caller must be a member. 400 with violations; 201 draft.")
  public ResponseEntity<DraftView> apply(@Valid @RequestBody OnlineApplication body, HttpServletRequest request) {
    DraftView d = applications.create(caller(request), body.household(), body.phones());
    return ResponseEntity.status(HttpStatus.CREATED).body(d);
  }

  @PostMapping("/api/citizen/temporary-applications")
  @Operation(summary = "Apply for 支出型临时救助 online, for oneself or a family member (a draft until the applicant "
      + "has given 授权书 and 承诺书 on their own phone)",
      description = "The fields and 登记申请 checks of the counter's start form (temporary-expenditure-start), run at "
          + "once without keeping anything; the applicant's consent starts expenditure-assistance with channel "
          + "ONLINE. 400 with violations, nothing stored; 201 draft.")
  public ResponseEntity<DraftView> applyExpenditure(@Valid @RequestBody ExpenditureRequest body,
      HttpServletRequest request) {
    DraftView d = applications.createExpenditure(caller(request), new TemporaryApplications.ExpenditureApplication(
        body.regionCode(), body.recipientName(), body.recipientIdNumber(), body.recipientPhone(), body.causeKind(),
        body.cause(), body.expenseAmount(), body.amount(), body.memberCount(), body.householdMonthlyIncome(),
        body.bankName(), body.bankAccountNumber()));
    return ResponseEntity.status(HttpStatus.CREATED).body(d);
  }

  @GetMapping("/api/citizen/applications")
  @Operation(summary = "Online applications naming the caller (drafts with the consents still due, submitted ones)")
  public List<DraftView> drafts(HttpServletRequest request) {
    return applications.mine(caller(request));
  }

  @PostMapping("/api/citizen/applications/{id}/consents")
  @Operation(summary = "Give the caller's 授权书 (and, as applicant, 承诺书); the last consent starts the case",
      description = "404 not the caller's; 409 expired, submitted or already given; 400 not ticked.")
  public DraftView consent(@PathVariable long id, @Valid @RequestBody ConsentRequest body,
      HttpServletRequest request) {
    return applications.consent(caller(request), id, body.authorisation(), body.pledge());
  }

  @PostMapping("/api/citizen/emergency-reports")
  @Operation(summary = "Report an emergency of oneself or a family member (急难情况; no money moves on it)",
      description = "Starts the township's 困难群众主动发现报告 (hardship-report, task 核实困难情况) with channel ONLINE at "
          + "the township or village chosen; the township verifies before any 临时救助 is started. 400 with the "
          + "Chinese reason, nothing started; 201 the report with its stage.")
  public ResponseEntity<ReportView> reportEmergency(@Valid @RequestBody EmergencyReportRequest body,
      HttpServletRequest request) {
    ReportView v = reports.report(caller(request), new EmergencyReports.Report(body.regionCode(), body.relation(),
        body.subjectName(), body.subjectIdNumber(), body.address(), body.situation(), body.phone()));
    return ResponseEntity.status(HttpStatus.CREATED).body(v);
  }

  @GetMapping("/api/citizen/emergency-reports")
  @Operation(summary = "The emergency reports the caller filed (with this phone), with the township's stage")
  public List<ReportView> emergencyReports(HttpServletRequest request) {
    return reports.mine(caller(request));
  }

  @GetMapping("/api/citizen/cases")
  @Operation(summary = "The caller's cases: stage, deadlines, decisions, payments, documents, possible actions")
  public List<CaseView> cases(HttpServletRequest request) {
    return cases.list(caller(request));
  }

  @GetMapping("/api/citizen/cases/{processInstanceId}")
  @Operation(summary = "One of the caller's cases (404 for any other)")
  public CaseView one(@PathVariable String processInstanceId, HttpServletRequest request) {
    return cases.one(caller(request), processInstanceId);
  }

  @PostMapping("/api/citizen/cases/{processInstanceId}/withdrawal")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Withdraw the application (404 not the caller's, 409 ended)")
  public void withdraw(@PathVariable String processInstanceId, @Valid @RequestBody ReasonRequest body,
      HttpServletRequest request) {
    cases.withdraw(caller(request), processInstanceId, body.reason());
  }

  @PostMapping("/api/citizen/cases/{processInstanceId}/objections")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register an objection while the 公示 runs (409 outside it)")
  public Map<String, Integer> object(@PathVariable String processInstanceId, @Valid @RequestBody ObjectionRequest body,
      HttpServletRequest request) {
    return Map.of("noticeRound", cases.object(caller(request), processInstanceId, body.content()));
  }

  @PostMapping("/api/citizen/cases/{processInstanceId}/recheck")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Object to the check result and ask for a 复查 (第十八条; 409 when no check result awaits an answer)")
  public void recheck(@PathVariable String processInstanceId, @Valid @RequestBody RecheckRequest body,
      HttpServletRequest request) {
    cases.askRecheck(caller(request), processInstanceId, body.reasons());
  }

  @PostMapping(value = "/api/citizen/cases/{processInstanceId}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Upload a photo or PDF of a material (multipart: file, materialType)",
      description = "JPEG/PNG/PDF by content (400 otherwise), size limit (413), checksum; when it completes what the "
          + "一次性告知 listed, the stopped clock resumes and the case returns to 受理 (resumed: true).")
  public UploadAnswer upload(@PathVariable String processInstanceId,
      @RequestParam(value = "materialType", required = false) String materialType,
      @RequestParam(value = "file", required = false) MultipartFile file, HttpServletRequest request)
      throws IOException {
    Citizen c = caller(request);
    if (file == null) {
      throw new org.doudi.citizen.internal.CitizenRefusal(HttpStatus.BAD_REQUEST, "没有收到文件，请选择要上传的照片或PDF文件");
    }
    CitizenCases.Upload u = cases.upload(c, processInstanceId, materialType, file.getOriginalFilename(),
        file.getBytes());
    return new UploadAnswer(u.document().id(), u.document().sha256(), u.document().materialLabel(), u.resumed(),
        u.resumed() ? "材料已补齐，案件已恢复办理" : "材料已上传");
  }

  @GetMapping("/api/citizen/documents/{id}/content")
  @Operation(summary = "Download a document of the caller's own case (404 for any other)")
  public ResponseEntity<byte[]> download(@PathVariable long id, HttpServletRequest request) {
    DocumentContent d = cases.document(caller(request), id);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.document().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(d.document().fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Checksum-SHA256", d.document().sha256())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(d.bytes());
  }

  /** The signed-in citizen, counted against the per-phone and per-address limits. */
  private Citizen caller(HttpServletRequest request) {
    Citizen c = CitizenSecurity.citizen();
    limits.take("citizen ip " + request.getRemoteAddr(), settings.requestsPerIpPerHour(), "请求过于频繁，请稍后再试");
    limits.take("citizen phone " + c.phone(), settings.requestsPerPhonePerHour(), "请求过于频繁，请稍后再试");
    return c;
  }
}
