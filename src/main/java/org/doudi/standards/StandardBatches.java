package org.doudi.standards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.eligibility.InvalidStandardException.Violation;
import org.doudi.eligibility.NewDibaoStandard;
import org.doudi.standards.StandardBatch.Row;
import org.doudi.standards.StandardBatchException.BadLine;
import org.doudi.standards.internal.BatchStore;
import org.doudi.standards.internal.StandardFile;
import org.doudi.tekun.NewTekunStandard;
import org.doudi.tekun.TekunStandards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standards in bulk (docs/eligibility.md, "标准批量导入"): upload a county table as a pending batch (every row checked
 * by the single entry's own check), then a second administrator approves it (every row recorded through the single
 * entry, in one transaction) or anyone of them rejects it (nothing recorded). The uploader never approves their own
 * batch, as the author of a money rule never approves their own version (docs/security.md).
 */
@Service
public class StandardBatches {

  private final BatchStore store;
  private final DibaoStandards dibao;
  private final TekunStandards tekun;
  private final ApprovalProcess process;

  public StandardBatches(BatchStore store, DibaoStandards dibao, TekunStandards tekun, ApprovalProcess process) {
    this.store = store;
    this.dibao = dibao;
    this.tekun = tekun;
    this.process = process;
  }

  /**
   * Stores a pending batch when every line passes; else {@link StandardBatchException} with every bad line and
   * nothing stored.
   */
  @Transactional
  public StandardBatch upload(StandardKind kind, LocalDate effectiveFrom, String sourceNote, String csv,
      String fileName, String by) {
    List<BadLine> bad = new ArrayList<>();
    if (kind == null) {
      bad.add(new BadLine(0, "请指明标准种类 kind：DIBAO（低保标准）或 TEKUN（特困人员基本生活标准）"));
    }
    if (effectiveFrom == null) {
      bad.add(new BadLine(0, "生效日期 effectiveFrom 未填写（格式 YYYY-MM-DD）"));
    }
    if (sourceNote == null || sourceNote.isBlank()) {
      bad.add(new BadLine(0, "必须注明标准的来源 sourceNote（文件名称、文号）"));
    }
    boolean batchOk = bad.isEmpty();
    List<Row> rows = StandardFile.read(csv, kind, bad);
    if (batchOk) {
      // every line the file's own shape check passed goes through the single entry's check
      Set<Integer> shapeRefused = bad.stream().map(BadLine::line).collect(Collectors.toSet());
      for (Row r : rows) {
        if (!shapeRefused.contains(r.line())) {
          check(kind, r, effectiveFrom, sourceNote.strip())
              .forEach(v -> bad.add(new BadLine(r.line(), v.message())));
        }
      }
      bad.sort(Comparator.comparingInt(BadLine::line));
    }
    if (!bad.isEmpty()) {
      throw new StandardBatchException("标准文件有" + bad.size() + "处错误，整个文件未导入（未作任何更改）", bad, false);
    }
    long id = store.insert(kind, effectiveFrom, sourceNote.strip(), fileName, by, Instant.now(), rows);
    StandardBatch batch = store.find(id).orElseThrow();
    process.start(batch);
    return batch;
  }

  /**
   * Records every row of a pending batch as a standard, in force from the batch's date. Only an administrator other
   * than the uploader; a row that a standard recorded since the upload now conflicts with refuses the whole approval
   * (409, nothing recorded, the batch stays pending and can be rejected).
   */
  @Transactional
  public StandardBatch approve(long id, String by) {
    StandardBatch b = approveInTask(id, by);
    process.decidedElsewhere(id);
    return b;
  }

  /** {@link #approve} from the approval task's complete listener (the task ends by its own completion). */
  @Transactional
  public StandardBatch approveInTask(long id, String by) {
    StandardBatch b = pending(id);
    if (b.uploadedBy().equals(by)) {
      throw new BatchDecisionException("不能批准本人上传的标准批次（" + b.uploadedBy() + "上传）：标准须经另一名管理员审核批准后生效",
          true);
    }
    List<BadLine> bad = new ArrayList<>();
    for (Row r : b.rows()) {
      check(b.kind(), r, b.effectiveFrom(), b.sourceNote())
          .forEach(v -> bad.add(new BadLine(r.line(), v.message())));
    }
    if (!bad.isEmpty()) {
      throw new StandardBatchException("批次" + id + "上传后已有其他标准录入，以下各行不能再按原样生效；整个批次未生效，可驳回后重新上传",
          bad, true);
    }
    String recordedBy = b.uploadedBy() + "（批次" + id + "，" + by + "批准）";
    for (Row r : b.rows()) {
      if (b.kind() == StandardKind.DIBAO) {
        dibao.add(dibaoStandard(r, b.effectiveFrom(), b.sourceNote()), recordedBy);
      } else {
        tekun.add(tekunStandard(r, b.effectiveFrom(), b.sourceNote()), recordedBy);
      }
    }
    store.decide(id, "APPROVED", by, Instant.now(), null);
    return store.find(id).orElseThrow();
  }

  /** Rejects a pending batch (a reason required); nothing of it is recorded. The uploader may withdraw their own. */
  @Transactional
  public StandardBatch reject(long id, String by, String note) {
    StandardBatch b = rejectInTask(id, by, note);
    process.decidedElsewhere(id);
    return b;
  }

  /** {@link #reject} from the approval task's complete listener. */
  @Transactional
  public StandardBatch rejectInTask(long id, String by, String note) {
    if (note == null || note.isBlank()) {
      throw new StandardBatchException("驳回须填写理由", List.of(new BadLine(0, "驳回理由 note 未填写")), false);
    }
    if (note.strip().length() > 500) {
      throw new StandardBatchException("驳回理由过长", List.of(new BadLine(0, "驳回理由不能超过500个字符")), false);
    }
    pending(id);
    store.decide(id, "REJECTED", by, Instant.now(), note.strip());
    return store.find(id).orElseThrow();
  }

  public StandardBatch get(long id) {
    return store.find(id).orElseThrow(() -> new BatchNotFoundException(id));
  }

  /** All batches, newest first, without their rows. */
  public List<StandardBatch> list() {
    return store.list();
  }

  private StandardBatch pending(long id) {
    String status = store.lock(id).orElseThrow(() -> new BatchNotFoundException(id));
    if (!status.equals("PENDING")) {
      throw new BatchDecisionException("标准批次" + id + "已" + (status.equals("APPROVED") ? "批准" : "驳回") + "，不能再次审批",
          false);
    }
    return get(id);
  }

  private List<Violation> check(StandardKind kind, Row r, LocalDate from, String note) {
    return kind == StandardKind.DIBAO ? dibao.check(dibaoStandard(r, from, note))
        : tekun.check(tekunStandard(r, from, note));
  }

  private static NewDibaoStandard dibaoStandard(Row r, LocalDate from, String note) {
    return new NewDibaoStandard(r.countyCode(), r.urbanRural(), r.monthlyStandard(), r.assetLimitMonths(), from,
        false, note);
  }

  private static NewTekunStandard tekunStandard(Row r, LocalDate from, String note) {
    return new NewTekunStandard(r.countyCode(), r.urbanRural(), r.monthlyStandard(), from, false, note);
  }
}
