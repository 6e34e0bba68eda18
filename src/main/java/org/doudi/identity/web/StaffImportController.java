package org.doudi.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.doudi.identity.StaffImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "账户", description = "The signed-in member of staff")
public class StaffImportController {

  private final StaffImport staffImport;

  public StaffImportController(StaffImport staffImport) {
    this.staffImport = staffImport;
  }

  @PostMapping(value = "/api/admin/staff/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Import staff accounts from CSV (admin)",
      description = "UTF-8 CSV, header account,name,role,region (or 账号,姓名,角色,区划代码); role as its Chinese label "
          + "or code (TOWNSHIP_CASEWORKER); region as its code. Any bad row refuses the whole file (422, every problem "
          + "with its line) and nothing is created; existing accounts are refused. The answer holds each new "
          + "account's initial password, shown only here; the owner must change it before any other use.",
      responses = {@ApiResponse(responseCode = "201", description = "created, with initial passwords"),
          @ApiResponse(responseCode = "403", description = "not an administrator"),
          @ApiResponse(responseCode = "422", description = "refused, every problem with its line number")})
  public StaffImport.Result importStaff(@Valid @RequestBody(required = false) byte[] body, Principal principal) {
    return staffImport.importCsv(body, principal.getName());
  }
}
