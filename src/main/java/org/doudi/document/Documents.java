package org.doudi.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.doudi.document.internal.FileKind;
import org.doudi.document.persistence.DocumentRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's public API: store a file for a case, list a case's files, open one. Callers check who may do so
 * (the web layer: the caller's region must cover the case's region); this service checks the file itself: JPEG, PNG
 * or PDF by its first bytes (never by name or declared type), not empty, at most {@code doudi.documents.max-size}
 * bytes (default 10 000 000; uploads through {@code /api} are also capped at 10 MiB per request).
 */
@Service
public class Documents {

  private final DocumentRepository repository;
  private final long maxSize;
  private volatile boolean checklistRequiresDocuments;

  public Documents(DocumentRepository repository, @Value("${doudi.documents.max-size:10000000}") long maxSize,
      @Value("${doudi.documents.checklist-requires-documents:true}") boolean checklistRequiresDocuments) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("doudi.documents.max-size must be positive, got " + maxSize);
    }
    this.repository = repository;
    this.maxSize = maxSize;
    this.checklistRequiresDocuments = checklistRequiresDocuments;
  }

  /**
   * Whether a ticked item of a materials checklist needs a stored file of its type
   * ({@code doudi.documents.checklist-requires-documents}, default true; false where materials are still checked on
   * paper only).
   */
  public boolean checklistRequiresDocuments() {
    return checklistRequiresDocuments;
  }

  /** Changes {@link #checklistRequiresDocuments()} at run time (operators, tests). */
  public void setChecklistRequiresDocuments(boolean required) {
    this.checklistRequiresDocuments = required;
  }

  /** A ticked checklist item ({@code field}) and the material types of which the case has no file yet. */
  public record UnbackedItem(String field, List<MaterialType> missing) {}

  /**
   * The ticked items of a 受理 checklist ({@code materialIdentity}, … in the order given) that the case's stored files
   * do not back: an item needs a file of every type {@link MaterialChecklist#typesOf(String)} lists. Empty when every
   * ticked item is backed or when the checklist does not require files ({@link #checklistRequiresDocuments()}).
   *
   * @throws IllegalArgumentException when a ticked field is not an item of {@code checklist} (a form and its checklist
   *     disagree)
   */
  public List<UnbackedItem> unbackedChecklistItems(String processInstanceId, MaterialChecklist checklist,
      Collection<String> ticked) {
    for (String field : ticked) {
      if (checklist.typesOf(field).isEmpty()) {
        throw new IllegalArgumentException(field + " is not an item of the " + checklist + " checklist");
      }
    }
    if (!checklistRequiresDocuments || ticked.isEmpty()) {
      return List.of();
    }
    Set<MaterialType> present = EnumSet.noneOf(MaterialType.class);
    repository.forCase(processInstanceId).forEach(d -> present.add(d.materialType()));
    List<UnbackedItem> out = new ArrayList<>();
    for (String field : ticked) {
      List<MaterialType> missing = checklist.typesOf(field).stream().filter(t -> !present.contains(t)).toList();
      if (!missing.isEmpty()) {
        out.add(new UnbackedItem(field, missing));
      }
    }
    return out;
  }

  /**
   * The caseworker's message for unbacked ticks, naming each item by its form label ({@code labels}: field → label)
   * and the kinds of file it lacks, e.g. “已勾选“家庭收入情况说明”，但本案还没有这类材料的扫描件：家庭收入情况证明。请先……”.
   */
  public static String refusal(List<UnbackedItem> unbacked, Map<String, String> labels) {
    StringBuilder b = new StringBuilder();
    for (UnbackedItem i : unbacked) {
      b.append(b.isEmpty() ? "" : "；").append("已勾选“").append(labels.getOrDefault(i.field(), i.field()))
          .append("”，但本案还没有这类材料的扫描件：")
          .append(String.join("、", i.missing().stream().map(MaterialType::label).toList()));
    }
    return b.append("。请先在“申请材料”标签页上传对应类型的扫描件，或取消勾选（未勾选的材料按材料不齐全处理，一次性告知申请人）")
        .toString();
  }

  /** The largest file accepted, in bytes. */
  public long maxSize() {
    return maxSize;
  }

  /** What a new file is for: the case (instance, business key, region) and the material on the checklist. */
  public record CaseLink(String processInstanceId, String businessKey, String regionCode) {}

  /** Checks and stores one file; returns its description with the SHA-256 checksum. */
  @Transactional
  public StoredDocument store(CaseLink link, MaterialType type, String fileName, byte[] content, String uploadedBy) {
    if (type == null) {
      throw new DocumentRejectedException("请选择材料类型", false);
    }
    if (content == null || content.length == 0) {
      throw new DocumentRejectedException("文件为空，请重新扫描后上传", false);
    }
    if (content.length > maxSize) {
      throw new DocumentRejectedException("文件过大（" + kb(content.length) + "），每个文件最大" + kb(maxSize)
          + "，请降低扫描分辨率或分页上传", true);
    }
    FileKind kind = FileKind.of(content).orElseThrow(() -> new DocumentRejectedException(
        "只能上传JPEG、PNG图片或PDF文件；所选文件的内容不是这几种格式", false));
    String name = cleanName(fileName, kind);
    return repository.insert(link.processInstanceId(), link.businessKey(), link.regionCode(), type, name,
        kind.contentType(), content, sha256(content), uploadedBy);
  }

  /** A case's files, oldest first (no content). */
  public List<StoredDocument> listForCase(String processInstanceId) {
    return repository.forCase(processInstanceId);
  }

  /** One file's description. */
  public Optional<StoredDocument> find(long id) {
    return repository.find(id);
  }

  /** One file with its content. */
  public DocumentContent open(long id) {
    StoredDocument d = repository.find(id).orElseThrow(() -> new DocumentNotFoundException(id));
    return new DocumentContent(d, repository.content(id));
  }

  /** True when the case has at least one file of this material type. */
  public boolean hasMaterial(String processInstanceId, MaterialType type) {
    return repository.forCase(processInstanceId).stream().anyMatch(d -> d.materialType() == type);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file name without directories or control characters, at most 200 characters, with the right extension. */
  static String cleanName(String fileName, FileKind kind) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cc}\"<>]", "").strip();
    if (name.codePointCount(0, name.length()) > 200) {
      name = name.substring(0, name.offsetByCodePoints(0, 200));
    }
    if (name.isEmpty()) {
      name = "材料";
    }
    return name.toLowerCase(java.util.Locale.ROOT).endsWith("." + kind.extension()) ? name
        : name + "." + kind.extension();
  }

  private static String kb(long bytes) {
    return bytes >= 1_000_000 ? String.format("%.1fMB", bytes / 1_000_000.0) : (bytes + 999) / 1000 + "KB";
  }
}
