package org.doudi.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.operations.Masking;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payments;
import org.doudi.payment.StatusChange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read access to the ledger for staff of the payment's region (and above): what was paid in a case and the path of
 * each payment. Identity and account numbers are masked; the full account lives only in the bank file.
 */
@RestController
@Tag(name = "付款台账", description = "The payment ledger of a case and the status path of each payment (read only)")
public class PaymentController {

  private final Payments payments;
  private final Staff staff;

  public PaymentController(Payments payments, Staff staff) {
    this.payments = payments;
    this.staff = staff;
  }

  public record PaymentView(long id, String idempotencyKey, String scheme, String schemeLabel, String kind,
      Long relatedId, String caseRef, String beneficiaryKey, String payeeName, String payeeIdNumber, String bankName,
      String accountNumber, String countyCode, String regionCode, LocalDate periodStart, LocalDate periodEnd,
      BigDecimal amount, String channel, LocalDate payrollMonth, Long bankFileId, String status, String statusLabel,
      Instant approvedAt, String approvedBy, String note, Instant createdAt, String createdBy,
      List<StatusChange> history) {}

  @GetMapping("/api/payments")
  @PreAuthorize("hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', 'COUNTY_CASEWORKER', "
      + "'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')")
  @Operation(summary = "Payments of a case", description = "Every ledger row of the case that lies in the caller's "
      + "regions, oldest first, each with its status path. An empty list when there is none or none visible.",
      responses = @ApiResponse(responseCode = "400", description = "caseRef missing"))
  public List<PaymentView> byCase(@Parameter(description = "process instance id or other case reference")
      @RequestParam String caseRef, Principal principal) {
    StaffMember me = member(principal);
    return payments.byCase(caseRef).stream().filter(e -> visible(me, e)).map(this::view).toList();
  }

  @GetMapping("/api/payments/{id}")
  @PreAuthorize("hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', 'COUNTY_CASEWORKER', "
      + "'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')")
  @Operation(summary = "One payment with its status path",
      responses = @ApiResponse(responseCode = "404", description = "no such payment in the caller's regions"))
  public PaymentView one(@PathVariable long id, Principal principal) {
    LedgerEntry e = payments.get(id);
    if (!visible(member(principal), e)) {
      throw new NoSuchElementException("付款" + id + "不存在");
    }
    return view(e);
  }

  private StaffMember member(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new NoSuchElementException("未知用户"));
  }

  private boolean visible(StaffMember me, LedgerEntry e) {
    return staff.worksWithin(me, e.regionCode(), role -> role != Role.ANALYST);
  }

  private PaymentView view(LedgerEntry e) {
    return new PaymentView(e.id(), maskKey(e.idempotencyKey()), e.scheme().name(), e.scheme().label(), e.kind(),
        e.relatedId(), maskKey(e.caseRef()), maskKey(e.payee().beneficiaryKey()), e.payee().name(), Masking.mask(e.payee().idNumber()),
        e.payee().bankName(), maskAccount(e.payee().accountNumber()), e.countyCode(), e.regionCode(), e.periodStart(),
        e.periodEnd(), e.amount(), e.channel().name(), e.payrollMonth(), e.bankFileId(), e.status().name(),
        e.status().label(), e.approvedAt(), e.approvedBy(), e.note(), e.createdAt(), e.createdBy(),
        payments.history(e.id()));
  }

  static String maskKey(String key) {
    return Masking.key(key);
  }

  static String maskAccount(String account) {
    return Masking.account(account);
  }
}
