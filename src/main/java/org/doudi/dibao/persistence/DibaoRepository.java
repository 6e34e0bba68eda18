package org.doudi.dibao.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** The dibao_* evidence tables (V6_1__dibao.sql). Called from delegates, i.e. inside the engine transaction. */
@Repository
public class DibaoRepository {

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert notices;
  private final SimpleJdbcInsert checks;
  private final SimpleJdbcInsert assessments;
  private final SimpleJdbcInsert objections;
  private final SimpleJdbcInsert decisions;
  private final SimpleJdbcInsert publications;
  private final SimpleJdbcInsert events;

  public DibaoRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.notices = insert("dibao_notice");
    this.checks = insert("dibao_check");
    this.assessments = insert("dibao_assessment");
    this.objections = insert("dibao_objection");
    this.decisions = insert("dibao_decision");
    this.publications = insert("dibao_publication");
    this.events = insert("dibao_case_event");
  }

  private SimpleJdbcInsert insert(String table) {
    return new SimpleJdbcInsert(jdbc).withTableName(table).usingGeneratedKeyColumns("id");
  }

  /** A Timestamp, which both drivers bind as a point in time (PostgreSQL refuses an OffsetDateTime here). */
  private static Timestamp at(Instant instant) {
    return Timestamp.from(instant);
  }

  private static Map<String, Object> row(long applicationId, String processInstanceId) {
    Map<String, Object> m = new HashMap<>();
    m.put("application_id", applicationId);
    m.put("process_instance_id", processInstanceId);
    return m;
  }

  public long insertNotice(long applicationId, String pid, String kind, String content, String createdBy,
      Instant createdAt, LocalDate periodEnd) {
    Map<String, Object> m = row(applicationId, pid);
    m.put("kind", kind);
    m.put("content", content);
    m.put("created_by", createdBy);
    m.put("created_at", at(createdAt));
    m.put("period_end", periodEnd);
    return notices.executeAndReturnKey(m).longValue();
  }

  public void recordDelivery(String pid, LocalDate deliveredOn, String method, String recipient) {
    int n = jdbc.update("UPDATE dibao_notice SET delivered_on = ?, delivery_method = ?, delivery_recipient = ? "
        + "WHERE process_instance_id = ? AND kind = 'REJECTION' AND delivered_on IS NULL",
        deliveredOn, method, recipient, pid);
    if (n != 1) {
      throw new IllegalStateException("No undelivered rejection notice for case " + pid);
    }
  }

  public long insertCheck(long applicationId, String pid, String reference, boolean passed, String json, Instant at) {
    Map<String, Object> m = row(applicationId, pid);
    m.put("reference", reference);
    m.put("passed", passed);
    m.put("result_json", json);
    m.put("checked_at", at(at));
    return checks.executeAndReturnKey(m).longValue();
  }

  /** The JSON of the latest check of a case. */
  public Optional<String> latestCheckJson(String pid) {
    return jdbc.query("SELECT result_json FROM dibao_check WHERE process_instance_id = ? ORDER BY id DESC",
        (rs, i) -> rs.getString(1), pid).stream().findFirst();
  }

  public long insertAssessment(long applicationId, String pid, String outcome, BigDecimal standard,
      BigDecimal perCapitaIncome, BigDecimal monthlyAmount, LocalDate assessedOn, String json, Instant at) {
    Map<String, Object> m = row(applicationId, pid);
    m.put("outcome", outcome);
    m.put("standard", standard);
    m.put("per_capita_income", perCapitaIncome);
    m.put("monthly_amount", monthlyAmount);
    m.put("assessed_on", assessedOn);
    m.put("assessment_json", json);
    m.put("created_at", at(at));
    return assessments.executeAndReturnKey(m).longValue();
  }

  /** An assessment as stored by 评估 (dibao_assessment): what a decision and its award are made of. */
  public record StoredAssessment(long id, String outcome, BigDecimal standard, BigDecimal perCapitaIncome,
      BigDecimal monthlyAmount, String json) {}

  /** The case's latest assessment: the one the 初审, 公示 and 审核确认 saw. */
  public Optional<StoredAssessment> latestAssessment(String pid) {
    return jdbc.query("SELECT id, outcome, standard, per_capita_income, monthly_amount, assessment_json "
        + "FROM dibao_assessment WHERE process_instance_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
        (rs, i) -> new StoredAssessment(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
            rs.getBigDecimal(5), rs.getString(6)), pid).stream().findFirst();
  }

  /** The day of the case's latest assessment when it found a 低收入家庭 (reason LOW_INCOME_HOUSEHOLD). */
  public Optional<java.time.LocalDate> lowIncomeFinding(String pid) {
    return jdbc.query("SELECT assessed_on, assessment_json FROM dibao_assessment WHERE process_instance_id = ? "
        + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", (rs, i) -> rs.getString(2).contains("\"LOW_INCOME_HOUSEHOLD\"")
        ? rs.getDate(1).toLocalDate() : null, pid).stream().filter(java.util.Objects::nonNull).findFirst();
  }

  public Optional<Long> latestAssessmentId(String pid) {
    return jdbc.query("SELECT id FROM dibao_assessment WHERE process_instance_id = ? ORDER BY id DESC",
        (rs, i) -> rs.getLong(1), pid).stream().findFirst();
  }

  public long insertObjection(long applicationId, String pid, int round, String name, String phone, String content,
      String source, String filedBy, Instant at) {
    Map<String, Object> m = row(applicationId, pid);
    m.put("notice_round", round);
    m.put("objector_name", name);
    m.put("objector_phone", phone);
    m.put("content", content);
    m.put("source", source);
    m.put("filed_by", filedBy);
    m.put("filed_at", at(at));
    return objections.executeAndReturnKey(m).longValue();
  }

  public void recordObjectionHandling(String pid, String handling) {
    jdbc.update("UPDATE dibao_objection SET handling = ? WHERE process_instance_id = ? AND handling IS NULL",
        handling, pid);
  }

  public long insertDecision(long applicationId, String pid, String decision, String authority, String decidedBy,
      Instant at, LocalDate decidedOn, BigDecimal amount, LocalDate paymentFrom, String reasons, Long assessmentId) {
    Map<String, Object> m = row(applicationId, pid);
    m.put("decision", decision);
    m.put("authority", authority);
    m.put("decided_by", decidedBy);
    m.put("decided_at", at(at));
    m.put("decided_on", decidedOn);
    m.put("monthly_amount", amount);
    m.put("payment_from", paymentFrom);
    m.put("reasons", reasons);
    m.put("assessment_id", assessmentId);
    return decisions.executeAndReturnKey(m).longValue();
  }

  public long insertPublication(long decisionId, long applicationId, String regionCode, String applicantName,
      int memberCount, BigDecimal amount, Instant at) {
    Map<String, Object> m = new HashMap<>();
    m.put("decision_id", decisionId);
    m.put("application_id", applicationId);
    m.put("region_code", regionCode);
    m.put("applicant_name", applicantName);
    m.put("member_count", memberCount);
    m.put("monthly_amount", amount);
    m.put("published_at", at(at));
    return publications.executeAndReturnKey(m).longValue();
  }

  public long insertEvent(long applicationId, String pid, String kind, String detail, String actor, Instant at) {
    Map<String, Object> m = row(applicationId, pid);
    m.put("kind", kind);
    m.put("detail", detail);
    m.put("actor", actor);
    m.put("occurred_at", at(at));
    return events.executeAndReturnKey(m).longValue();
  }

  /** Rows of one evidence table for a case, oldest first (for the case file and tests). */
  public List<Map<String, Object>> rows(String table, String pid) {
    if (!List.of("dibao_notice", "dibao_check", "dibao_assessment", "dibao_objection", "dibao_decision",
        "dibao_case_event").contains(table)) {
      throw new IllegalArgumentException("unknown table " + table);
    }
    return jdbc.queryForList("SELECT * FROM " + table + " WHERE process_instance_id = ? ORDER BY id", pid);
  }

  public List<Map<String, Object>> publications(long applicationId) {
    return jdbc.queryForList("SELECT * FROM dibao_publication WHERE application_id = ? ORDER BY id", applicationId);
  }

  static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }
}
