package org.doudi.document.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.document.DocumentContent;
import org.doudi.document.DocumentNotFoundException;
import org.doudi.document.DocumentRejectedException;
import org.doudi.document.Documents;
import org.doudi.document.Documents.CaseLink;
import org.doudi.document.MaterialType;
import org.doudi.document.StoredDocument;
import org.doudi.identity.CaseVariables;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A case's scanned materials. Upload and list: staff with a case-working role whose region covers the case's region
 * (and administrators); download: the same. The case's region is the {@code regionCode} variable of its process
 * instance (running or finished), stored with each file.
 */
@RestController
@Tag(name = "申请材料", description = "Scanned materials of a case: JPEG, PNG or PDF, checked by content")
public class DocumentController {

  private final Documents documents;
  private final Staff staff;
  private final RuntimeService runtime;
  private final HistoryService history;

  public DocumentController(Documents documents, Staff staff, RuntimeService runtime, HistoryService history) {
    this.documents = documents;
    this.staff = staff;
    this.runtime = runtime;
    this.history = history;
  }

  @PostMapping(value = "/api/cases/{processInstanceId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload one scanned material of a case (multipart: file, materialType)",
      description = "The file must be JPEG, PNG or PDF by its content (400 otherwise) and at most "
          + "doudi.documents.max-size bytes (413). Stores the SHA-256 checksum. 403 outside the caller's region. "
          + "From a Camunda web-app page: the session cookie plus header X-XSRF-TOKEN; with HTTP Basic: header "
          + "X-Requested-With (a cross-site form can send neither).")
  public ResponseEntity<StoredDocument> upload(@PathVariable String processInstanceId,
      @RequestParam(value = "materialType", required = false) String materialType,
      @RequestParam(value = "file", required = false) MultipartFile file, Principal principal,
      jakarta.servlet.http.HttpServletRequest request) throws IOException {
    if (request.getHeader("X-XSRF-TOKEN") == null && request.getHeader("X-Requested-With") == null) {
      // a multipart form of another site can be posted with the browser's cached Basic credentials, never with
      // a custom header
      throw new AccessDeniedException("上传请求缺少防跨站请求的标头（X-XSRF-TOKEN 或 X-Requested-With），已拒绝");
    }
    CaseLink link = caseOf(processInstanceId);
    require(principal, link.regionCode());
    if (file == null) {
      throw new DocumentRejectedException("没有收到文件，请选择要上传的扫描件", false);
    }
    StoredDocument d = documents.store(link, materialType(materialType), file.getOriginalFilename(), file.getBytes(),
        principal.getName());
    return ResponseEntity.created(URI.create("/api/documents/" + d.id() + "/content")).body(d);
  }

  @GetMapping(value = "/api/cases/{processInstanceId}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The scanned materials of a case (without content)")
  public List<StoredDocument> list(@PathVariable String processInstanceId, Principal principal) {
    require(principal, caseOf(processInstanceId).regionCode());
    return documents.listForCase(processInstanceId);
  }

  @GetMapping("/api/documents/{id}/content")
  @Operation(summary = "Download one scanned material (attachment, its stored content type)")
  public ResponseEntity<byte[]> content(@PathVariable long id, Principal principal) {
    StoredDocument d = documents.find(id).orElseThrow(() -> new DocumentNotFoundException(id));
    require(principal, d.regionCode());
    DocumentContent c = documents.open(id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Checksum-SHA256", d.sha256())
        .body(c.bytes());
  }

  private static MaterialType materialType(String value) {
    if (value == null || value.isBlank()) {
      throw new DocumentRejectedException("请选择材料类型", false);
    }
    MaterialType type;
    try {
      type = MaterialType.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw new DocumentRejectedException("材料类型无效，请从清单中选择", false);
    }
    if (type == MaterialType.NOTICE) {
      // a notice is what the system issued (docs/notices.md); a scan of a paper one is 其他材料
      throw new DocumentRejectedException("通知书由系统生成，不能上传；送达回证等请按“其他材料”上传", false);
    }
    return type;
  }

  private CaseLink caseOf(String processInstanceId) {
    ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    if (running != null) {
      Object region = runtime.getVariable(processInstanceId, CaseVariables.REGION_CODE);
      if (region != null) {
        return new CaseLink(processInstanceId, running.getBusinessKey(), region.toString());
      }
    } else {
      HistoricProcessInstance done = history.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      HistoricVariableInstance region = done == null ? null : history.createHistoricVariableInstanceQuery()
          .processInstanceId(processInstanceId).variableName(CaseVariables.REGION_CODE).singleResult();
      if (region != null && region.getValue() != null) {
        return new CaseLink(processInstanceId, done.getBusinessKey(), region.getValue().toString());
      }
    }
    throw new CaseNotFound();
  }

  private void require(Principal principal, String regionCode) {
    StaffMember member = staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
    if (!staff.worksWithin(member, regionCode, Role::isCaseworking)) {
      throw new AccessDeniedException("用户" + principal.getName() + "不负责这个案件所在地区，不能查看或上传它的材料");
    }
  }

  static final class CaseNotFound extends RuntimeException {}
}
