package org.doudi.temporary.internal;

import static org.doudi.temporary.TemporaryVariables.*;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.engine.EngineAsSystem;
import org.doudi.identity.CaseVariables;
import org.doudi.identity.Role;
import org.doudi.temporary.TemporaryVariables;
import org.doudi.temporary.persistence.TemporaryRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * 临时救助 from outside the engine (REST): emergency reports, "the emergency has eased", stopping an instalment
 * schedule, holiday batches and the supervisors' list of unfinished 补齐手续. Cases are looked up with the caller's
 * engine rights (region chain); message correlation then runs as the system.
 */
@Service
public class TemporaryCases {

  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final CaseSupport support;
  private final TemporaryRepository records;

  public TemporaryCases(RuntimeService runtime, EngineAsSystem asSystem, CaseSupport support,
      TemporaryRepository records) {
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.support = support;
    this.records = records;
  }

  /** The case is in no state to accept this request now (409). */
  public static class NotAcceptedNowException extends RuntimeException {
    public NotAcceptedNowException(String message) {
      super(message);
    }
  }

  public record EmergencyReport(
      @NotBlank(message = "请填写“急难发生地”") String regionCode,
      String reportChannel,
      @NotBlank(message = "请填写“救助对象姓名”") @Size(max = 50, message = "“救助对象姓名”最多50个字")
      String recipientName,
      @NotBlank(message = "请填写“救助对象身份证号码”") String recipientIdNumber,
      String recipientPhone,
      @Size(max = 100, message = "“户籍地（仅登记，不作为条件）”最多100个字") String hukouPlace,
      @NotBlank(message = "请选择“急难类型”") String causeKind,
      @NotBlank(message = "请填写“急难情况说明”") @Size(max = 2000, message = "“急难情况说明”最多2000个字") String cause,
      @NotNull(message = "请填写“救助金额（元）”")
      @DecimalMin(value = "0", inclusive = false, message = "“救助金额（元）”须大于0元且小于1000000元")
      @DecimalMax(value = "1000000", inclusive = false, message = "“救助金额（元）”须大于0元且小于1000000元")
      @Digits(integer = 7, fraction = 2, message = "“救助金额（元）”最多保留两位小数（元、角、分）") BigDecimal amount,
      Boolean exceptional,
      LocalDate easingExpectedOn) {}

  public record StartedCase(String processInstanceId, String paymentKey) {}

  /**
   * Registers an emergency and starts {@code emergency-assistance}; the 先行救助 payment follows at once (job). Every
   * value is checked inside the start transaction: a refusal ({@link TemporaryFormException}) stores nothing.
   */
  public StartedCase reportEmergency(EmergencyReport r, String user) {
    if (r == null) {
      throw new TemporaryFormException("", "请求内容为空，请提交急难情况登记JSON");
    }
    requireKnownOrBlank(r.regionCode(), "急难发生地");
    if (support.isKnown(r.regionCode()) && !support.mayHandle(user, r.regionCode(), Role.TOWNSHIP_CASEWORKER,
        Role.COUNTY_CASEWORKER)) {
      throw new AccessDeniedException("用户" + user + "不负责行政区划" + r.regionCode() + "的临时救助");
    }
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.REGION_CODE, r.regionCode());
    v.put(REPORT_CHANNEL, r.reportChannel() == null ? "API" : r.reportChannel());
    v.put(RECIPIENT_NAME, r.recipientName());
    v.put(RECIPIENT_ID_NUMBER, r.recipientIdNumber());
    v.put(RECIPIENT_PHONE, r.recipientPhone());
    v.put(HUKOU_PLACE, r.hukouPlace());
    v.put(CAUSE_KIND, r.causeKind());
    v.put(CAUSE, r.cause());
    v.put(AMOUNT, r.amount() == null ? null : r.amount().toPlainString());
    v.put(EXCEPTIONAL, Boolean.TRUE.equals(r.exceptional()));
    v.put("easingExpectedOn", r.easingExpectedOn() == null ? null : r.easingExpectedOn().toString());
    v.put(REPORTED_BY, user);
    ProcessInstance pi = runtime.createProcessInstanceByKey(EMERGENCY_PROCESS).setVariables(v).execute();
    return new StartedCase(pi.getId(), EmergencyCases.paymentKey(pi.getId()));
  }

  /** The emergency has eased: the case moves on to 补齐手续. */
  public void emergencyEased(String processInstanceId, String note, String user) {
    String n = note == null ? null : note.strip();
    if (n == null || n.isEmpty() || n.length() > 1000) {
      throw new TemporaryFormException("note", "请填写缓解情况说明（1到1000个字）");
    }
    requireVisible(processInstanceId, EMERGENCY_PROCESS, "急难型临时救助");
    asSystem.call(() -> {
      if (runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
          .eventName(MESSAGE_EMERGENCY_EASED).count() == 0) {
        throw new NotAcceptedNowException("案件" + processInstanceId + "当前不在等待急难缓解的阶段");
      }
      runtime.createMessageCorrelation(MESSAGE_EMERGENCY_EASED).processInstanceId(processInstanceId)
          .setVariable(EASED_NOTE, n + "（" + user + "登记）").correlate();
      return null;
    });
  }

  /** Stops the remaining instalments of an approved 支出型 schedule, with the reason. */
  public int stopExpenditure(String processInstanceId, String reason, String user) {
    String r = reason == null ? null : reason.strip();
    if (r == null || r.length() < 2 || r.length() > 1000) {
      throw new TemporaryFormException("reason", "请填写停止发放的原因（2到1000个字）");
    }
    requireVisible(processInstanceId, EXPENDITURE_PROCESS, "支出型临时救助");
    String region = asSystem.call(() -> (String) runtime.getVariable(processInstanceId, CaseVariables.REGION_CODE));
    if (!support.mayHandle(user, region, Role.TOWNSHIP_CASEWORKER, Role.TOWNSHIP_APPROVER, Role.COUNTY_CASEWORKER,
        Role.COUNTY_APPROVER)) {
      throw new AccessDeniedException("用户" + user + "不负责行政区划" + region + "的临时救助");
    }
    long planned = records.instalments(processInstanceId).stream().filter(i -> "PLANNED".equals(i.status())).count();
    if (planned == 0) {
      throw new NotAcceptedNowException("案件" + processInstanceId + "没有待发放的分期（尚未批准发放计划，或已全部发放）");
    }
    asSystem.call(() -> {
      runtime.createMessageCorrelation(MESSAGE_EXPENDITURE_STOPPED).processInstanceId(processInstanceId)
          .setVariable(STOP_REASON, r).setVariable(STOPPED_BY, user).correlate();
      return null;
    });
    return (int) planned;
  }

  public record HolidayBatch(
      @NotBlank(message = "请选择“补助类型”") String scheme,
      @NotNull(message = "请填写“补助年度”") @Min(value = 2020, message = "“补助年度”须在2020到2100之间")
      @Max(value = 2100, message = "“补助年度”须在2020到2100之间") Integer subsidyYear,
      @NotBlank(message = "请填写“发放区域（区划代码）”") @Size(max = 12, message = "“发放区域（区划代码）”最多12个字")
      String regionCode,
      @NotNull(message = "请填写“补助标准（元）”")
      @DecimalMin(value = "0", inclusive = false, message = "“补助标准（元）”须大于0元且小于1000000元")
      @Digits(integer = 7, fraction = 2, message = "“补助标准（元）”最多保留两位小数（元、角、分）") BigDecimal amount,
      @NotBlank(message = "请选择“补助方式”") String amountBasis) {}

  /** Starts a holiday subsidy batch (supervisors and county approvers of a region containing the batch's). */
  public String startHolidayBatch(HolidayBatch b, String user) {
    if (b == null) {
      throw new TemporaryFormException("", "请求内容为空");
    }
    requireKnownOrBlank(b.regionCode(), "发放区域");
    if (support.isKnown(b.regionCode()) && !support.mayHandle(user, b.regionCode(), Role.SUPERVISOR, Role.COUNTY_APPROVER)) {
      throw new AccessDeniedException("用户" + user + "不能为行政区划" + b.regionCode() + "发起一次性补助");
    }
    Map<String, Object> v = new HashMap<>();
    v.put(SCHEME, b.scheme());
    v.put(SUBSIDY_YEAR, b.subsidyYear());
    v.put(CaseVariables.REGION_CODE, b.regionCode());
    v.put(AMOUNT, b.amount() == null ? null : b.amount().toPlainString());
    v.put(AMOUNT_BASIS, b.amountBasis() == null ? "HOUSEHOLD" : b.amountBasis());
    v.put(REPORTED_BY, user);
    // supervisors may not start instances in the engine; their right was checked above
    return asSystem.call(() -> runtime.createProcessInstanceByKey(HOLIDAY_PROCESS).setVariables(v).execute().getId());
  }

  public record UnfinishedPaperwork(String processInstanceId, String regionCode, String countyCode,
      String recipientName, String cause, BigDecimal amount, Instant paidAt, Instant easedAt, Instant due,
      boolean overdue, Instant remindedAt, Instant escalatedAt) {}

  /** 补齐手续 not yet complete in the caller's regions; only overdue ones unless {@code all}. */
  public List<UnfinishedPaperwork> unfinishedPaperwork(String user, boolean all) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<UnfinishedPaperwork> out = new ArrayList<>();
    for (Map<String, Object> row : records.unfinishedPaperwork()) {
      String region = (String) row.get("REGION_CODE");
      if (!support.mayHandle(user, region, Role.values())) {
        continue;
      }
      Instant due = instant(row.get("PAPERWORK_DUE"));
      boolean overdue = due != null && due.isBefore(now);
      if (all || overdue) {
        out.add(new UnfinishedPaperwork((String) row.get("PROCESS_INSTANCE_ID"), region,
            (String) row.get("COUNTY_CODE"), (String) row.get("RECIPIENT_NAME"), (String) row.get("CAUSE"),
            (BigDecimal) row.get("AMOUNT"), instant(row.get("PAID_AT")), instant(row.get("EASED_AT")), due, overdue,
            instant(row.get("REMINDED_AT")), instant(row.get("ESCALATED_AT"))));
      }
    }
    return out;
  }

  private static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (o instanceof Date d) {
      return d.toInstant();
    }
    return Instant.parse(o.toString());
  }

  /**
   * An unknown code would fail the case-access grants at process start (a server error); refuse it first. A missing
   * one is reported by the start delegate.
   */
  private void requireKnownOrBlank(String regionCode, String label) {
    if (regionCode != null && !regionCode.isBlank() && !support.isKnown(regionCode)) {
      throw new TemporaryFormException(CaseVariables.REGION_CODE,
          "“" + label + "”" + regionCode + "不是已登记的行政区划代码");
    }
  }

  private void requireVisible(String processInstanceId, String key, String label) {
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).processDefinitionKey(key)
        .count() == 0) {
      throw new NoSuchElementException("没有找到正在办理的" + label + "案件 " + processInstanceId);
    }
  }

}
