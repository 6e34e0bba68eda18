package org.doudi.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.doudi.audit.internal.FindingStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 尽职免责 (吉民发〔2020〕40号 五(一): "对非主观原因导致不符合条件人员纳入救助范围帮扶范围的，可免于追究相关责任"). A finding
 * records an error on a case, its cause, whether it was subjective (主观故意/重大过失) and the audit entries it rests
 * on; a supervisor other than the recorder decides: 免责 (EXEMPT) exactly when the error was not subjective, 追责
 * (ACCOUNTABLE) when it was, and in both cases records the correction. Both are insert-only and audited.
 */
@Service
public class Findings {

  public enum Outcome {
    EXEMPT("免责"), ACCOUNTABLE("追责");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public record NewFinding(String processInstanceId, String error, String cause, boolean subjective,
      List<Long> entryIds) {}

  public record NewDecision(Outcome decision, boolean subjective, String correction, String reason) {}

  public record Decision(Outcome decision, String label, boolean subjective, String correction, String reason,
      String decidedBy, Instant decidedAt) {}

  public record Finding(long id, String processInstanceId, String businessKey, String regionCode, String error,
      String cause, boolean subjective, String recordedBy, Instant recordedAt, List<Long> entryIds,
      Decision decision) {}

  private final FindingStore store;
  private final AuditTrail trail;

  public Findings(FindingStore store, AuditTrail trail) {
    this.store = store;
    this.trail = trail;
  }

  /** The region a new finding on the case would have (the region of its audit entries), for the caller's check. */
  public Optional<String> regionOfCase(String processInstanceId) {
    return store.regionOfCase(processInstanceId);
  }

  @Transactional
  public Finding record(NewFinding f, String by) {
    if (f.entryIds() == null || f.entryIds().isEmpty()) {
      throw new FindingException(400, "须关联至少一条审计记录（entryIds）");
    }
    List<Long> ids = f.entryIds().stream().distinct().sorted().toList();
    List<Long> ofCase = store.entriesOfCase(f.processInstanceId(), ids);
    List<Long> missing = ids.stream().filter(id -> !ofCase.contains(id)).toList();
    if (!missing.isEmpty()) {
      throw new FindingException(400, "审计记录 " + missing + " 不存在或不属于案件 " + f.processInstanceId());
    }
    String region = store.regionOfCase(f.processInstanceId())
        .orElseThrow(() -> new FindingException(400, "案件 " + f.processInstanceId() + " 的审计记录没有区划"));
    long id = store.insert(f, ids, store.businessKeyOfCase(f.processInstanceId()).orElse(null), region, by);
    trail.record(new AuditRecord(AuditKind.FINDING, "finding-recorded", by, f.processInstanceId(), null, region,
        "finding " + id, null, (f.subjective() ? "主观" : "非主观") + "；错误：" + f.error() + "；原因：" + f.cause()
        + "；记录 " + ids, null));
    return find(id).orElseThrow();
  }

  @Transactional
  public Finding decide(long id, NewDecision d, String by) {
    Finding f = find(id).orElseThrow(() -> new FindingException(404, "没有找到认定记录 " + id));
    if (f.decision() != null) {
      throw new FindingException(409, "认定记录 " + id + " 已由 " + f.decision().decidedBy() + " 作出处理决定");
    }
    if (by.equals(f.recordedBy())) {
      throw new FindingException(400, "处理决定须由记录人以外的另一人作出（四眼原则）");
    }
    if (d.decision() == Outcome.EXEMPT && d.subjective()) {
      throw new FindingException(400, "主观故意或重大过失的错误不适用免责");
    }
    if (d.decision() == Outcome.ACCOUNTABLE && !d.subjective()) {
      throw new FindingException(400, "非主观原因的错误应予免责并纠正，不予追责");
    }
    store.decide(id, d, by);
    trail.record(new AuditRecord(AuditKind.FINDING, "finding-decided", by, f.processInstanceId(), f.businessKey(),
        f.regionCode(), "finding " + id, f.subjective() ? "主观" : "非主观", d.decision().label() + "；纠正："
        + d.correction() + (d.reason() == null ? "" : "；理由：" + d.reason()), null));
    return find(id).orElseThrow();
  }

  public Optional<Finding> find(long id) {
    return store.find(id);
  }

  /** Findings whose region starts with one of the prefixes (all when null). */
  public List<Finding> list(List<String> regionPrefixes, int limit) {
    return store.list(regionPrefixes, limit);
  }
}
