package org.doudi.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.doudi.casefile.CaseFileException;
import org.doudi.casefile.CaseFiles;
import org.doudi.casefile.CaseOverview;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 案件概况: the whole case of a task or process instance, for the Tasklist tab and for scripts. */
@RestController
@Tag(name = "案件概况", description = "The whole case on one screen (issue 18 item 2)")
public class CaseOverviewController {

  private static final String ID = "[A-Za-z0-9][A-Za-z0-9:._-]{0,63}";

  private final CaseFiles files;
  private final Staff staff;

  public CaseOverviewController(CaseFiles files, Staff staff) {
    this.files = files;
    this.staff = staff;
  }

  @GetMapping(value = "/api/cases/overview", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The whole case of a task or process instance (案件概况)",
      description = "Exactly one of taskId or processInstanceId, of any scheme; a sub-process or a task in one leads "
          + "to its case (the root process instance). Answers the process, the household and its members (or the "
          + "persons the scheme records), the assessment with reasons and articles, decisions, awards with every "
          + "change and the change requests, payments with their status path, legal clocks and clock stops, the "
          + "user tasks, the simple case facts and the case's audit entries (newest 200). Region-scoped: a caller "
          + "whose role's region covers the case (or an administrator) sees it unmasked; a caller who reaches it "
          + "only through a per-case grant sees ID numbers masked (first 6 and last 4) and names by their first "
          + "character (masked=true); account numbers are always masked. Unknown ids and cases outside the caller's "
          + "reach answer the same 404. Also served to the Tasklist tab through the Camunda web-app session (GET).",
      responses = {@ApiResponse(responseCode = "200", description = "the case"),
          @ApiResponse(responseCode = "400", description = "no id, both ids, or a malformed id (Chinese detail)"),
          @ApiResponse(responseCode = "403", description = "a role that does not read case files (analyst)"),
          @ApiResponse(responseCode = "404", description = "no such task or case, or not within the caller's reach")})
  public CaseOverview overview(
      @Parameter(description = "a task id (open or done), e.g. from Tasklist") @RequestParam(required = false)
      String taskId,
      @Parameter(description = "a process instance id of the case or of one of its sub-processes")
      @RequestParam(required = false) String processInstanceId,
      Principal principal) {
    String task = blankToNull(taskId);
    String pid = blankToNull(processInstanceId);
    if (task == null && pid == null) {
      throw new CaseFileException(400, "请给出任务编号 taskId 或流程实例编号 processInstanceId（二者选一）");
    }
    if (task != null && pid != null) {
      throw new CaseFileException(400, "任务编号 taskId 与流程实例编号 processInstanceId 只能给出一个");
    }
    if (task != null && !task.matches(ID)) {
      throw new CaseFileException(400, "任务编号 taskId 格式不正确（应为1–64位字母、数字或 - _ . :）");
    }
    if (pid != null && !pid.matches(ID)) {
      throw new CaseFileException(400, "流程实例编号 processInstanceId 格式不正确（应为1–64位字母、数字或 - _ . :）");
    }
    StaffMember member = staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
    return task != null ? files.ofTask(member, task) : files.ofProcessInstance(member, pid);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
