package org.doudi.temporary;

import static org.doudi.temporary.TemporaryVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.temporary.internal.TemporaryFormException;
import org.doudi.temporary.persistence.TemporaryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant of a 支出型临时救助 case may do from outside Tasklist (module citizen, docs/citizen.md): withdraw
 * the application until the decision (审核确认) is recorded, and object while the 公示 runs. Both go into the running
 * process as messages — the withdrawal to the event sub-process 撤回申请, the objection to the 公示's boundary event and
 * from there to the same 登记异议 step as the caseworker's registration. The caller has established that the person
 * may act on the case; the engine is called as the system. Nothing changes when a request is refused.
 */
@Service
public class ExpenditureApplicantActions {

  /** An objection to the 公示; {@code objectorPhone} may be null. */
  public record Objection(String objectorName, String objectorPhone, String content) {}

  /** The case does not accept this request now (a Chinese message for the applicant): 409. */
  public static class NotAllowedNow extends RuntimeException {
    public NotAllowedNow(String message) {
      super(message);
    }
  }

  /** A missing or oversized value (a Chinese message naming it): 400. */
  public static class InvalidRequest extends RuntimeException {
    private final String field;

    public InvalidRequest(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final TemporaryRepository records;

  public ExpenditureApplicantActions(RuntimeService runtime, EngineAsSystem asSystem, TemporaryRepository records) {
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.records = records;
  }

  /** The case runs and no decision is recorded yet. */
  @Transactional(readOnly = true)
  public boolean canWithdraw(String processInstanceId) {
    return waitsFor(processInstanceId, MESSAGE_EXPENDITURE_WITHDRAWN) && !records.decided(processInstanceId);
  }

  /** The 公示 runs. */
  @Transactional(readOnly = true)
  public boolean canObject(String processInstanceId) {
    return waitsFor(processInstanceId, MESSAGE_EXPENDITURE_OBJECTION);
  }

  /** A recorded 审核确认 as the applicant reads it: the outcome in Chinese, the total granted, its instalments. */
  public record Decision(String decision, String label, LocalDate decidedOn, BigDecimal totalAmount,
      Integer instalments, String reasons) {}

  /** The case's recorded decisions (审核确认), oldest first; from the module's own records, never from the process. */
  @Transactional(readOnly = true)
  public List<Decision> decisions(String processInstanceId) {
    return records.decisions(processInstanceId).stream().map(d -> {
      boolean approve = "APPROVE".equals(d.decision());
      return new Decision(d.decision(), approve ? "确认同意给予临时救助" : "不予救助",
          d.decidedAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate(), approve ? d.totalAmount() : null,
          approve ? d.instalments() : null, d.reasons());
    }).toList();
  }

  /** How an ended case ended, in Chinese (已撤回, 不予救助, …); null while it runs or when unknown. */
  public String outcomeLabel(String processInstanceId) {
    var row = records.caseRow(processInstanceId);
    if (row == null || row.get("CLOSED_AT") == null) {
      return null;
    }
    return switch (String.valueOf(row.get("STATUS"))) {
      case "WITHDRAWN" -> "已撤回";
      case "NOT_ACCEPTED" -> "不予受理";
      case "REJECTED" -> "不予救助";
      case "COMPLETED" -> "已全部发放";
      case "STOPPED" -> "已停止发放";
      default -> null;
    };
  }

  /**
   * Withdraws the application: the running steps are cancelled and the case ends as WITHDRAWN with the reason.
   *
   * @throws InvalidRequest no reason or one over 500 characters
   * @throws NotAllowedNow  the case has ended or its decision is recorded
   */
  @Transactional
  public void withdraw(String processInstanceId, String reason, String actor) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() || r.length() > 500) {
      throw new InvalidRequest(WITHDRAWAL_REASON, "请填写撤回理由（1到500个字）");
    }
    if (!waitsFor(processInstanceId, MESSAGE_EXPENDITURE_WITHDRAWN)) {
      boolean running = asSystem.call(() -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
          .count() > 0);
      // a case started on a model version before issue 20 runs without the 撤回申请 event sub-process
      throw new NotAllowedNow(running && !records.decided(processInstanceId)
          ? "本案件不能在网上撤回，请到乡镇（街道）社会救助经办窗口办理" : "案件已经办结，不能撤回申请");
    }
    if (records.decided(processInstanceId)) {
      throw new NotAllowedNow("案件已经作出审核确认决定，不能再撤回申请");
    }
    Map<String, Object> v = new HashMap<>();
    v.put(WITHDRAWAL_REASON, r);
    v.put(WITHDRAWN_BY, actor);
    correlate(MESSAGE_EXPENDITURE_WITHDRAWN, processInstanceId, v);
  }

  /**
   * Registers an objection against the running 公示; the case returns to 入户调查 as after the caseworker's registration.
   *
   * @return the 公示 round the objection was raised against (1 for the first 公示)
   * @throws InvalidRequest missing or oversized name or content
   * @throws NotAllowedNow  the case is not in its 公示
   */
  @Transactional
  public int fileObjection(String processInstanceId, Objection objection, String actor) {
    String name = objection == null || objection.objectorName() == null ? "" : objection.objectorName().strip();
    String content = objection == null || objection.content() == null ? "" : objection.content().strip();
    if (name.isEmpty() || name.length() > 50) {
      throw new InvalidRequest(OBJECTOR_NAME, "请填写异议人姓名（1到50个字）");
    }
    if (content.isEmpty() || content.length() > 2000) {
      throw new InvalidRequest(OBJECTION_CONTENT, "请填写异议内容（1到2000个字）");
    }
    String phone = objection.objectorPhone() == null || objection.objectorPhone().isBlank() ? null
        : objection.objectorPhone().strip();
    if (phone != null && phone.length() > 20) {
      throw new InvalidRequest(OBJECTOR_PHONE, "联系电话最多20位");
    }
    if (!waitsFor(processInstanceId, MESSAGE_EXPENDITURE_OBJECTION)) {
      throw new NotAllowedNow("案件当前不在公示期，不能登记异议");
    }
    Map<String, Object> v = new HashMap<>();
    v.put(OBJECTOR_NAME, name);
    v.put(OBJECTOR_PHONE, phone);
    v.put(OBJECTION_CONTENT, content);
    v.put(OBJECTION_SOURCE, "ONLINE");
    v.put(OBJECTION_FILED_BY, actor);
    correlate(MESSAGE_EXPENDITURE_OBJECTION, processInstanceId, v);
    // the model's 登记异议 step ran in this transaction and stored it with its round
    var stored = records.objections(processInstanceId);
    return stored.get(stored.size() - 1).noticeRound();
  }

  private boolean waitsFor(String processInstanceId, String message) {
    return asSystem.call(() -> runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
        .eventName(message).count() > 0);
  }

  private void correlate(String message, String processInstanceId, Map<String, Object> variables) {
    try {
      asSystem.call(() -> {
        runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).setVariables(variables)
            .correlateWithResult();
        return null;
      });
    } catch (RuntimeException e) {
      // the model's own guard (a decision recorded meanwhile): rolled back, nothing changed
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof TemporaryFormException refused) {
          throw new NotAllowedNow(refused.getMessage());
        }
      }
      throw e;
    }
  }
}
