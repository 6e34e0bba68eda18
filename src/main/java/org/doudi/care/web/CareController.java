package org.doudi.care.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.doudi.care.BedType;
import org.doudi.care.CareArrangements;
import org.doudi.care.CareArrangements.InvalidCareInputException;
import org.doudi.care.CareRecords.AgreementFile;
import org.doudi.care.CareRecords.Institution;
import org.doudi.care.CareRecords.Placement;
import org.doudi.care.CareRecords.Request;
import org.doudi.care.CareRecords.RequestView;
import org.doudi.care.InstitutionKind;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.operations.Masking;
import org.doudi.region.Regions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 特困人员供养安排 (docs/care.md): the county's care institutions and beds (county staff register them), placements and
 * the waiting list, three-party agreements and their visits. Region-scoped: a caller sees and changes only what lies
 * in a region they work in (or below); problems answered in Chinese by {@link CareProblems}.
 */
@RestController
@Validated
@Tag(name = "特困人员供养安排", description = "集中供养 (institutions, beds, placements, waiting list) and 分散供养 "
    + "(three-party agreements, visits); 吉民发〔2020〕40号 三（二）, 三（三）")
public class CareController {

  private static final String STAFF = "hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', "
      + "'COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')";
  private static final String COUNTY = "hasAnyRole('COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'ADMIN')";
  private static final Set<Role> COUNTY_ROLES = Set.of(Role.COUNTY_CASEWORKER, Role.COUNTY_APPROVER);
  private static final Set<String> STATUSES = Set.of("NEW", "WAITING", "PLACED", "ENDED");

  private final CareArrangements care;
  private final Staff staff;
  private final Regions regions;

  public CareController(CareArrangements care, Staff staff, Regions regions) {
    this.care = care;
    this.staff = staff;
    this.regions = regions;
  }

  public record InstitutionBody(
      @NotBlank(message = "请填写机构名称 name") @Size(max = 100, message = "机构名称不能超过100个字") String name,
      @NotBlank(message = "请填写所在县（市、区）代码 countyCode")
      @Pattern(regexp = "\\d{6}", message = "县级区划代码 countyCode 应为6位数字") String countyCode,
      @NotNull(message = "请选择机构类型 kind：ELDERLY 供养服务机构或 CHILD_WELFARE 儿童福利机构") InstitutionKind kind) {}

  public record BedsBody(
      @NotNull(message = "请选择床位类型 bedType：GENERAL 普通床位或 NURSING 护理型床位") BedType bedType,
      @NotEmpty(message = "请填写床位号 bedNos（至少一个）") @Size(max = 200, message = "一次最多登记200张床位")
      List<@NotBlank(message = "床位号不能为空")
          @Pattern(regexp = "[0-9A-Za-z\\-]{1,20}", message = "床位号应为1至20位字母、数字或连字符") String> bedNos) {}

  @PostMapping("/api/care/institutions")
  @PreAuthorize(COUNTY)
  @Operation(summary = "Register a care institution (供养服务机构 or 儿童福利机构) of a county",
      description = "County staff of that county (or above) only. The city is the county's parent region: placements "
          + "look in the county's institutions first, then the city's.",
      responses = {@ApiResponse(responseCode = "201", description = "the institution"),
          @ApiResponse(responseCode = "400", description = "bad input (Chinese), unknown county, name taken"),
          @ApiResponse(responseCode = "403", description = "role or county outside the caller's")})
  public ResponseEntity<Institution> register(@Valid @RequestBody InstitutionBody body, Principal principal) {
    String county = body.countyCode().strip();
    care.cityOf(county); // 400 for an unknown county, before the jurisdiction check
    requireCounty(principal, county);
    Institution i = care.registerInstitution(body.name().strip(), county, body.kind(), principal.getName());
    return ResponseEntity.created(URI.create("/api/care/institutions/" + i.id())).body(i);
  }

  @PostMapping("/api/care/institutions/{institutionId}/beds")
  @PreAuthorize(COUNTY)
  @Operation(summary = "Register beds of an institution (GENERAL or NURSING = 护理型床位)",
      description = "New beds go at once to the city's waiting list, in its order (完全丧失 first, then by date).",
      responses = {@ApiResponse(responseCode = "200", description = "the institution with its beds counted"),
          @ApiResponse(responseCode = "400", description = "bad input or a bed number already registered"),
          @ApiResponse(responseCode = "403", description = "the institution's county is outside the caller's"),
          @ApiResponse(responseCode = "404", description = "no such institution")})
  public Institution addBeds(@PathVariable long institutionId, @Valid @RequestBody BedsBody body,
      Principal principal) {
    Institution i = care.institution(institutionId)
        .orElseThrow(() -> new NoSuchElementException("没有找到供养服务机构 " + institutionId));
    requireCounty(principal, i.countyCode());
    List<String> nos = body.bedNos().stream().map(String::strip).toList();
    if (nos.stream().distinct().count() != nos.size()) {
      throw new InvalidCareInputException("bedNos", "床位号有重复");
    }
    return care.addBeds(institutionId, nos, body.bedType(), principal.getName());
  }

  @GetMapping("/api/care/institutions")
  @PreAuthorize(STAFF)
  @Operation(summary = "The care institutions of counties in a region, with beds and free beds by type",
      responses = {@ApiResponse(responseCode = "200", description = "institutions"),
          @ApiResponse(responseCode = "400", description = "unknown region"),
          @ApiResponse(responseCode = "403", description = "region outside the caller's")})
  public List<Institution> institutions(@Parameter(description = "region; default the caller's first")
      @RequestParam(required = false) String regionCode, Principal principal) {
    return care.institutions(region(principal, regionCode));
  }

  @GetMapping("/api/care/placements")
  @PreAuthorize(STAFF)
  @Operation(summary = "Requests for 集中供养 of people in a region: open ones, or one status",
      description = "status NEW, WAITING (the waiting list, in its order with positions in the city's list), PLACED, "
          + "ENDED; none: every open request. Each with its current bed.",
      responses = {@ApiResponse(responseCode = "200", description = "requests"),
          @ApiResponse(responseCode = "400", description = "unknown region, status or bad paging"),
          @ApiResponse(responseCode = "403", description = "region outside the caller's")})
  public List<RequestView> placements(@RequestParam(required = false) String regionCode,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size, Principal principal) {
    if (status != null && !STATUSES.contains(status)) {
      throw new InvalidCareInputException("status", "状态 status 只能是 NEW、WAITING、PLACED 或 ENDED");
    }
    paging(page, size);
    return care.requests(region(principal, regionCode), status, page, size);
  }

  @GetMapping("/api/care/waiting-list")
  @PreAuthorize(STAFF)
  @Operation(summary = "The waiting list (轮候名单) of people in a region, in order: 完全丧失 first, then by date",
      responses = {@ApiResponse(responseCode = "200", description = "waiting requests with their position"),
          @ApiResponse(responseCode = "403", description = "region outside the caller's")})
  public List<RequestView> waitingList(@RequestParam(required = false) String regionCode,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Principal principal) {
    paging(page, size);
    return care.requests(region(principal, regionCode), "WAITING", page, size);
  }

  /** A request and every placement it had (transfers included). */
  public record PlacementFile(long requestId, String fullName, String idNumberMasked, String regionCode,
      String careLevel, String status, boolean transferNeeded, String endReason, List<Placement> placements) {}

  @GetMapping("/api/care/placements/{requestId}")
  @PreAuthorize(STAFF)
  @Operation(summary = "A request for 集中供养 with its placements (admission, transfers, end)",
      responses = {@ApiResponse(responseCode = "200", description = "the request"),
          @ApiResponse(responseCode = "404", description = "no such request visible to the caller")})
  public PlacementFile placement(@PathVariable long requestId, Principal principal) {
    Request r = care.request(requestId).filter(x -> sees(principal, x.regionCode()))
        .orElseThrow(() -> new NoSuchElementException("没有找到集中供养申请 " + requestId));
    return new PlacementFile(r.id(), r.fullName(), Masking.idNumber(r.idNumber()), r.regionCode(),
        r.careLevel().name(), r.status(), r.transferNeeded(), r.endReason(), care.placements(r.id()));
  }

  @GetMapping("/api/care/agreements")
  @PreAuthorize(STAFF)
  @Operation(summary = "Three-party agreements (三方协议) of people in a region, with their visits",
      responses = {@ApiResponse(responseCode = "200", description = "agreements"),
          @ApiResponse(responseCode = "403", description = "region outside the caller's")})
  public List<AgreementFile> agreements(@RequestParam(required = false) String regionCode,
      @Parameter(description = "false: the ended ones too") @RequestParam(defaultValue = "true") boolean openOnly,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Principal principal) {
    paging(page, size);
    return care.agreements(region(principal, regionCode), openOnly, page, size);
  }

  @GetMapping("/api/care/agreements/{agreementId}")
  @PreAuthorize(STAFF)
  @Operation(summary = "One three-party agreement with its visits (探访记录) and their follow-up",
      responses = {@ApiResponse(responseCode = "200", description = "the agreement"),
          @ApiResponse(responseCode = "404", description = "no such agreement visible to the caller")})
  public AgreementFile agreement(@PathVariable long agreementId, Principal principal) {
    AgreementFile f = care.agreementFile(agreementId);
    if (!sees(principal, f.regionCode())) {
      throw new NoSuchElementException("没有找到三方协议 " + agreementId);
    }
    return f;
  }

  private StaffMember me(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }

  private boolean sees(Principal principal, String regionCode) {
    return staff.worksWithin(me(principal), regionCode, role -> role != Role.ANALYST);
  }

  private void requireCounty(Principal principal, String countyCode) {
    StaffMember me = me(principal);
    if (!staff.worksWithin(me, countyCode, COUNTY_ROLES::contains)) {
      throw new AccessDeniedException("用户" + me.userId() + "不是县级区划" + countyCode + "的县级民政工作人员");
    }
  }

  private String region(Principal principal, String regionCode) {
    StaffMember me = me(principal);
    String region = regionCode == null || regionCode.isBlank()
        ? me.assignments().stream().map(StaffMember.RoleAssignment::regionCode).findFirst().orElse("220000")
        : regionCode.strip();
    if (regions.find(region).isEmpty()) {
      throw new InvalidCareInputException("regionCode", "行政区划代码" + region + "不存在");
    }
    if (!staff.worksWithin(me, region, role -> role != Role.ANALYST)) {
      throw new AccessDeniedException("用户" + me.userId() + "不负责行政区划" + region);
    }
    return region;
  }

  private static void paging(int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new InvalidCareInputException("size", "分页参数无效：page 从0开始，size 为1至200");
    }
  }
}
