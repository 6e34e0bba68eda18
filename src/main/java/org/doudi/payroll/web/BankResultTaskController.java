package org.doudi.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.security.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.doudi.engine.EngineAsSystem;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.payroll.BankFile;
import org.doudi.payroll.BankFileProgress;
import org.doudi.payroll.BankFiles;
import org.doudi.payroll.Payroll;
import org.doudi.payroll.ResultImport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The county's bank-result task (下载代发文件并上传银行回盘) as the Tasklist tab 银行回盘 uses it: the task's bank file,
 * its download, and the upload of the bank's result file — with the user's Tasklist session (CSRF token required,
 * {@link BankResultTaskSecurity}) or HTTP Basic. Only the task's own candidates (or its assignee) of the file's county,
 * and administrators, reach it. The import is {@link BankFiles#importResult}: every existing check, nothing changed
 * by a refused file, a repeated file changes nothing. Details: docs/payroll.md.
 */
@RestController
@Tag(name = "月度发放", description = "Monthly payroll runs, bank disbursement files, bank result import, award changes")
public class BankResultTaskController {

  private final BankFiles bankFiles;
  private final Staff staff;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final EngineAsSystem asSystem;

  public BankResultTaskController(BankFiles bankFiles, Staff staff, TaskService tasks, RuntimeService runtime,
      IdentityService identity, EngineAsSystem asSystem) {
    this.bankFiles = bankFiles;
    this.staff = staff;
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.asSystem = asSystem;
  }

  /** The task's file and where its lines stand. */
  public record TaskBankFile(String taskId, long bankFileId, String batchNo, String payrollMonth, int rowCount,
      String totalAmount, String format, String fileName, int paid, int returned, int waiting, boolean complete,
      Instant resultImportedAt) {}

  /** An accepted result file: what it changed, and where the whole file stands now. */
  public record UploadAnswer(String message, String batchNo, int lines, int newlyPaid, int newlyReturned, int paid,
      int returned, int waiting, boolean complete, List<String> returnCaseIds) {}

  // reads: any logged-in user, so that the tab says "not a bank task" (404) on everyone's other tasks; the task's
  // candidates and county are checked in fileOf
  @GetMapping("/api/payroll/tasks/{taskId}/bank-file")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The bank file of an open bank-result task, with paid / returned / waiting counts",
      responses = {@ApiResponse(responseCode = "200", description = "the file and its counts"),
          @ApiResponse(responseCode = "403", description = "not a candidate of the task in its county"),
          @ApiResponse(responseCode = "404", description = "no such open bank-result task")})
  public TaskBankFile file(@PathVariable String taskId, Principal principal) {
    BankFile f = fileOf(taskId, principal.getName());
    return describe(taskId, f);
  }

  @GetMapping(value = "/api/payroll/tasks/{taskId}/bank-file/content", produces = {"text/csv", "text/plain"})
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Download the bank disbursement file of an open bank-result task (stored bytes)",
      responses = {@ApiResponse(responseCode = "200", description = "the file; header X-Checksum-SHA256"),
          @ApiResponse(responseCode = "403", description = "not a candidate of the task in its county"),
          @ApiResponse(responseCode = "404", description = "no such open bank-result task")})
  public ResponseEntity<byte[]> content(@PathVariable String taskId, Principal principal) {
    BankFile f = fileOf(taskId, principal.getName());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    bankFiles.write(f.id(), out);
    boolean csv = !"BANK-TXT-1".equals(f.format());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(f) + "\"")
        .header("X-Checksum-SHA256", f.sha256())
        .contentType(new MediaType("text", csv ? "csv" : "plain", Charset.forName(f.charset())))
        .body(out.toByteArray());
  }

  @PostMapping(value = "/api/payroll/tasks/{taskId}/bank-result", consumes = {"text/csv", "text/plain"})
  @PreAuthorize("@processStarters.allows(authentication, 'payment-return')")
  @Operation(summary = "Upload the bank's result file on an open bank-result task",
      description = "Same checks as POST /api/payroll/bank-files/{id}/result; a refused file answers 400 with every "
          + "bad line and changes nothing. When every line has its result, the bank-result message ends the task.",
      responses = {@ApiResponse(responseCode = "200", description = "what changed and the file's counts"),
          @ApiResponse(responseCode = "400", description = "refused, with line numbers; nothing changed"),
          @ApiResponse(responseCode = "403", description = "not a candidate of the task in its county, or no CSRF token"),
          @ApiResponse(responseCode = "404", description = "no such open bank-result task")})
  public UploadAnswer upload(@PathVariable String taskId, @Valid @RequestBody(required = false) byte[] body,
      Principal principal) {
    BankFile f = fileOf(taskId, principal.getName());
    if (body == null || body.length == 0) {
      throw new IllegalArgumentException("请选择银行回盘文件后再上传");
    }
    ResultImport r = bankFiles.importResult(f.id(), new ByteArrayInputStream(body), principal.getName());
    BankFileProgress p = bankFiles.progress(f.id());
    String message = p.complete()
        ? "回盘文件已导入：全部" + (p.paid() + p.returned()) + "笔都有结果（成功" + p.paid() + "笔，退回" + p.returned()
            + "笔），本任务随之结束。"
        : "回盘文件已导入：成功" + p.paid() + "笔，退回" + p.returned() + "笔，仍有" + p.waiting() + "笔等待银行结果，请收到后继续上传。";
    if (r.paid() + r.returned() == 0) {
      message = "该回盘文件此前已导入，本次没有新的结果。" + message;
    }
    return new UploadAnswer(message, r.batchNo(), r.lines(), r.paid(), r.returned(), p.paid(), p.returned(),
        p.waiting(), p.complete(), r.returnCaseIds());
  }

  /** The bank file of the open bank-result task, if the user may work on it (404 / 403 otherwise). */
  private BankFile fileOf(String taskId, String userId) {
    Task t = asSystem.call(() -> tasks.createTaskQuery().taskId(taskId).processDefinitionKey(Payroll.PROCESS_KEY)
        .taskDefinitionKey(BankFiles.IMPORT_TASK).singleResult());
    if (t == null) {
      throw new NoSuchElementException("任务" + taskId + "不存在、已办结，或不是上传银行回盘的任务");
    }
    StaffMember me = staff.find(userId).orElseThrow(() -> new AccessDeniedException("未知用户"));
    Object runId = asSystem.call(() -> runtime.getVariable(t.getProcessInstanceId(), "runId"));
    BankFile f = bankFiles.ofRun(((Number) runId).longValue())
        .orElseThrow(() -> new NoSuchElementException("该发放批次尚未生成银行代发文件"));
    if (!me.administrator() && !(worksOn(t, userId) && countyRole(me, f.countyCode()))) {
      throw new AccessDeniedException("用户" + userId + "不是该任务的办理人，不能处理" + f.countyCode() + "的银行回盘");
    }
    return f;
  }

  private boolean worksOn(Task t, String userId) {
    if (userId.equals(t.getAssignee())) {
      return true;
    }
    Set<String> groups = new HashSet<>();
    asSystem.call(() -> identity.createGroupQuery().groupMember(userId).list()).stream().map(Group::getId)
        .forEach(groups::add);
    List<IdentityLink> links = asSystem.call(() -> tasks.getIdentityLinksForTask(t.getId()));
    return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .anyMatch(l -> userId.equals(l.getUserId()) || (l.getGroupId() != null && groups.contains(l.getGroupId())));
  }

  private static boolean countyRole(StaffMember me, String countyCode) {
    return me.assignments().stream().anyMatch(a -> a.regionCode().equals(countyCode)
        && (a.role() == Role.COUNTY_CASEWORKER || a.role() == Role.COUNTY_APPROVER));
  }

  private TaskBankFile describe(String taskId, BankFile f) {
    BankFileProgress p = bankFiles.progress(f.id());
    return new TaskBankFile(taskId, f.id(), f.batchNo(), f.payrollMonth() == null ? null : f.payrollMonth().toString(),
        f.rowCount(), f.totalAmount().toPlainString(), f.format(), fileName(f), p.paid(), p.returned(), p.waiting(),
        p.complete(), f.resultImportedAt());
  }

  private static String fileName(BankFile f) {
    return f.batchNo() + ("BANK-TXT-1".equals(f.format()) ? ".txt" : ".csv");
  }
}
