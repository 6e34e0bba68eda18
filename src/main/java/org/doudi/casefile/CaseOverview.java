package org.doudi.casefile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The whole case on one screen (案件概况). {@code masked}: the caller's region does not cover the case (they see it
 * through a per-case grant), so ID numbers keep their first 6 and last 4 characters and names their first character;
 * account numbers are always masked. Sections a scheme does not have are empty; {@code notes} says why (in Chinese).
 */
@Schema(description = "案件概况：一屏看全案")
public record CaseOverview(Summary summary, boolean masked, List<Person> persons, Household household,
    Assessment assessment, List<Decision> decisions, List<Award> awards, List<AwardChangeRequest> awardChanges,
    List<Payment> payments, List<Deadline> deadlines, List<ClockStop> clockStops, List<Step> steps,
    List<Fact> facts, List<AuditLine> audit, List<String> notes) {

  /** The case: its root process instance, scheme (model folder), region and state. */
  public record Summary(String processInstanceId, String processKey, String processName, String scheme,
      String schemeLabel, String businessKey, String regionCode, String regionName, String state, String stateLabel,
      Instant startedAt, Instant endedAt, List<String> subProcessInstanceIds, List<String> openTasks) {}

  /** A person the case concerns ({@code role}: 申请人, 家庭成员, 儿童, 监护人, 收款人 …). */
  public record Person(String role, String name, String idNumber, String relation) {}

  /** The household record (低保 and schemes that register a household application). */
  public record Household(long applicationId, String status, String countyCode, String regionCode, String regionName,
      String urbanRural, String address, int memberCount, List<Member> members, List<Asset> assets,
      String bankName, String accountNumber) {}

  public record Member(String name, String idNumber, String relation, boolean severelyDisabled,
      boolean seriousIllness, boolean ableToWork, BigDecimal monthlyIncome) {}

  public record Asset(String type, String description, BigDecimal value) {}

  /** The assessment: outcome, amounts and each reason with the article it rests on. */
  public record Assessment(String outcome, String outcomeLabel, LocalDate assessedOn, BigDecimal standard,
      BigDecimal perCapitaIncome, BigDecimal monthlyAmount, List<Reason> reasons, String source) {}

  public record Reason(String code, String text, String citation) {}

  public record Decision(String decision, String decisionLabel, String authority, String decidedBy,
      Instant decidedAt, BigDecimal monthlyAmount, LocalDate paymentFrom, String reasons, String source) {}

  /** One row of an award's history (批准, 增发, 减发, 停发 …). */
  public record Award(String scheme, String schemeLabel, String beneficiaryKey, int seq, String changeKind,
      String changeLabel, LocalDate effectiveFrom, BigDecimal monthlyAmount, Integer memberCount, String payeeName,
      String reason, String decidedBy, String caseRef) {}

  public record AwardChangeRequest(long id, String scheme, String beneficiaryKey, String kind, String kindLabel,
      BigDecimal monthlyAmount, String status, String statusLabel, String reason, String requestedBy,
      Instant requestedAt, String decidedBy, Instant decidedAt) {}

  /** A payment with its status path (every status change, oldest first). */
  public record Payment(long id, String scheme, String schemeLabel, String kind, BigDecimal amount,
      LocalDate periodStart, LocalDate periodEnd, String payeeName, String accountNumber, String channel,
      String status, String statusLabel, List<StatusStep> statusPath) {}

  public record StatusStep(String from, String to, String toLabel, Instant at, String by, String note) {}

  /** A legal clock: the step it limits, counted in working (or calendar) days, its due time and state. */
  public record Deadline(String processInstanceId, String activityId, String activityName, String kind,
      LocalDate startDate, int days, boolean calendarDays, int extensionDays, Instant dueAt, String status,
      String statusLabel) {}

  public record ClockStop(String reason, LocalDate suspendedOn, String suspendedBy, LocalDate resumedOn,
      String resumedBy, Integer suspendedWorkingDays) {}

  /** A user task of the case, done or open. */
  public record Step(String taskId, String name, String activityId, String assignee, Instant startedAt,
      Instant endedAt, Instant dueAt, String outcome) {}

  /** A recorded fact of the case (a process variable of a simple type), for schemes without tables of their own. */
  public record Fact(String name, String value) {}

  public record AuditLine(long id, Instant at, String kind, String action, String actor, String subject,
      String before, String after) {}
}
