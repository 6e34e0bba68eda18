package org.doudi.unemployed.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.unemployed.UnemployedApplication;
import org.doudi.unemployed.UnemployedApplication.ApplicationPlace;
import org.doudi.unemployed.UnemployedApplication.IdentityDocument;
import org.doudi.unemployed.UnemployedApplication.UrbanRural;
import org.doudi.unemployed.UnemployedApplication.Witness;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** The unemployed_* tables (V9_1__unemployed.sql); called inside the engine's or the request's transaction. */
@Repository
public class UnemployedRepository {

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert applications;
  private final SimpleJdbcInsert records;

  public UnemployedRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.applications = new SimpleJdbcInsert(jdbc).withTableName("unemployed_application")
        .usingGeneratedKeyColumns("id");
    this.records = new SimpleJdbcInsert(jdbc).withTableName("unemployed_record").usingGeneratedKeyColumns("id");
  }

  /** The stored application (normalised values) with its id, status and case. */
  public record Stored(long id, UnemployedApplication application, String status, String processInstanceId,
      String registeredBy) {}

  public long insert(UnemployedApplication a, String registeredBy, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("full_name", a.fullName());
    m.put("id_number", a.idNumber());
    m.put("identity_document", a.identityDocument().name());
    m.put("county_code", a.countyCode());
    m.put("region_code", a.regionCode());
    m.put("urban_rural", a.urbanRural().name());
    m.put("application_place", a.applicationPlace().name());
    m.put("address", a.address());
    m.put("contact_phone", a.contactPhone());
    m.put("hardship_description", a.hardshipDescription());
    m.put("employer_name", a.employerName());
    m.put("employer_address", a.employerAddress());
    m.put("job_position", a.jobPosition());
    m.put("last_income_month", a.lastIncomeMonth().atDay(1));
    m.put("epidemic_cause", a.epidemicCause());
    m.put("unemployment_insured", a.unemploymentInsured());
    m.put("dibao_elsewhere", a.dibaoElsewhere());
    m.put("household_size", a.householdSize());
    m.put("household_monthly_income", a.householdMonthlyIncome());
    m.put("household_financial_assets", a.householdFinancialAssets());
    m.put("bank_name", a.bankName());
    m.put("bank_account_number", a.bankAccountNumber());
    m.put("pledge_signed", a.pledgeSigned());
    m.put("authorisation_signed", a.authorisationSigned());
    m.put("status", "REGISTERED");
    m.put("registered_by", registeredBy);
    m.put("registered_at", Timestamp.from(now));
    m.put("updated_at", Timestamp.from(now));
    long id = applications.executeAndReturnKey(m).longValue();
    int no = 1;
    for (Witness w : a.witnessList()) {
      jdbc.update("INSERT INTO unemployed_witness (application_id, witness_no, name, phone) VALUES (?, ?, ?, ?)", id,
          no++, w.name(), w.phone());
    }
    return id;
  }

  public Optional<Stored> find(long id) {
    List<Witness> witnesses = jdbc.query("SELECT name, phone FROM unemployed_witness WHERE application_id = ? "
        + "ORDER BY witness_no", (rs, i) -> new Witness(rs.getString("name"), rs.getString("phone")), id);
    return jdbc.query("SELECT * FROM unemployed_application WHERE id = ?", (rs, i) -> new Stored(rs.getLong("id"),
        new UnemployedApplication(rs.getString("full_name"), rs.getString("id_number"),
            IdentityDocument.valueOf(rs.getString("identity_document")), rs.getString("county_code"),
            rs.getString("region_code"), UrbanRural.valueOf(rs.getString("urban_rural")),
            ApplicationPlace.valueOf(rs.getString("application_place")), rs.getString("address"),
            rs.getString("contact_phone"), rs.getString("hardship_description"), rs.getString("employer_name"),
            rs.getString("employer_address"), rs.getString("job_position"), witnesses,
            java.time.YearMonth.from(rs.getDate("last_income_month").toLocalDate()), rs.getBoolean("epidemic_cause"),
            rs.getBoolean("unemployment_insured"), rs.getBoolean("dibao_elsewhere"), rs.getInt("household_size"),
            rs.getBigDecimal("household_monthly_income"), rs.getBigDecimal("household_financial_assets"),
            rs.getString("bank_name"), rs.getString("bank_account_number"), rs.getBoolean("pledge_signed"),
            rs.getBoolean("authorisation_signed")),
        rs.getString("status"), rs.getString("process_instance_id"), rs.getString("registered_by")), id)
        .stream().findFirst();
  }

  public void attachProcess(long id, String processInstanceId, Instant now) {
    int n = jdbc.update("UPDATE unemployed_application SET process_instance_id = ?, status = 'IN_PROCESS', "
        + "updated_at = ? WHERE id = ? AND (process_instance_id IS NULL OR process_instance_id = ?)",
        processInstanceId, Timestamp.from(now), id, processInstanceId);
    if (n != 1) {
      throw new IllegalStateException("未参保失业人员申请" + id + "不存在或已由其他案件办理");
    }
  }

  public void updateStatus(long id, String status, Instant now) {
    jdbc.update("UPDATE unemployed_application SET status = ?, updated_at = ? WHERE id = ?", status,
        Timestamp.from(now), id);
  }

  public long insertRecord(long applicationId, String pid, String kind, String content, BigDecimal amount,
      String createdBy, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("application_id", applicationId);
    m.put("process_instance_id", pid);
    m.put("kind", kind);
    m.put("content", content.length() <= 4000 ? content : content.substring(0, 3999) + "…");
    m.put("amount", amount);
    m.put("created_by", createdBy);
    m.put("created_at", Timestamp.from(now));
    return records.executeAndReturnKey(m).longValue();
  }

  /** The case's records in order (kind, content, amount, created_by, created_at). */
  /** The amount the case's rule decided (the latest AMOUNT record), as stored. */
  public java.util.Optional<BigDecimal> decidedAmount(String processInstanceId) {
    return jdbc.query("SELECT amount FROM unemployed_record WHERE process_instance_id = ? AND kind = 'AMOUNT' "
        + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", (rs, i) -> rs.getBigDecimal(1), processInstanceId).stream()
        .findFirst();
  }

  public List<Map<String, Object>> records(String processInstanceId) {
    return jdbc.queryForList("SELECT kind, content, amount, created_by, created_at FROM unemployed_record "
        + "WHERE process_instance_id = ? ORDER BY id", processInstanceId);
  }

  public static LocalDate date(Object o) {
    return o instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(o.toString().substring(0, 10));
  }
}
