package org.doudi.household.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.ApplicationSummary;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Agent;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.BankAccount;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.HouseholdApplication.UrbanRural;
import org.doudi.household.HouseholdNotFoundException;
import org.doudi.household.IdNumber;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SQL for the household tables (H2 2.3 and PostgreSQL 15). Called only by {@code Households}, inside its
 * transactions. Income and assets are kept per revision: 0 = declared, higher = replaced after the check.
 *
 * <p>An application once loaded in a transaction is kept for the rest of that transaction ({@link Loaded}): a 低保
 * case's start reads it for the summary and again for the benefit register. Every write of this repository to an
 * application drops it from the transaction's cache; other transactions, and a transaction started inside this one
 * (its synchronizations are suspended with it), never see it. The loaded objects are read-only (unmodifiable lists
 * and maps).
 */
@Repository
public class HouseholdRepository {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String DECLARED = "DECLARED";
  private static final String CHECKED = "CHECKED";

  private final JdbcTemplate jdbc;
  private final Regions regions;

  public HouseholdRepository(JdbcTemplate jdbc, Regions regions) {
    this.jdbc = jdbc;
    this.regions = regions;
  }

  public long insert(HouseholdApplication a, String registeredBy) {
    OffsetDateTime now = now();
    Agent agent = a.agent();
    BankAccount bank = a.bankAccount();
    long id = insertReturningId("""
        INSERT INTO household_application (county_code, region_code, urban_rural, address, contact_phone,
          authorisation_signed, pledge_signed, agent_name, agent_id_number, agent_relation, agent_phone,
          bank_name, bank_account_number, bank_holder_name, separate_registration, separate_registration_note,
          status, registered_by, registered_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?)""",
        a.countyCode(), a.regionCode(), a.urbanRural().name(), a.address().strip(), a.contactPhone().strip(),
        a.authorisationSigned(), a.pledgeSigned(),
        agent == null ? null : agent.name().strip(), agent == null ? null : IdNumber.parse(agent.idNumber()).value(),
        agent == null ? null : agent.relation().strip(), agent == null ? null : agent.phone().strip(),
        bank == null ? null : bank.bankName().strip(), bank == null ? null : bank.accountNumber(),
        bank == null ? null : bank.holderName().strip(),
        a.separateRegistration(), blankToNull(a.separateRegistrationNote()),
        registeredBy, now, now);
    List<Member> members = a.memberList();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      IdNumber idNumber = IdNumber.parse(m.idNumber());
      long memberId = insertReturningId("""
          INSERT INTO household_member (application_id, member_no, name, id_number, relation, birth_date, sex,
            hukou_county_code, hukou_urban_rural, disability_category, disability_grade, serious_illness,
            able_to_work, student, rigid_expenses, income_revision)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
          id, i, m.name().strip(), idNumber.value(), m.relation().name(), idNumber.birthDate(), idNumber.sex().name(),
          m.hukouCountyCode(), m.hukouUrbanRural() == null ? null : m.hukouUrbanRural().name(),
          m.disabilityCategory() == null ? null : m.disabilityCategory().name(), m.disabilityGrade(),
          m.seriousIllness(), m.ableToWork(), m.student(), money(m.rigidExpensesOrZero()));
      insertIncome(memberId, 0, m.monthlyIncome(), DECLARED, now);
    }
    insertAssets(id, 0, a.assetList(), DECLARED, now);
    return id;
  }

  public Optional<HouseholdApplication> load(long id, boolean declared) {
    Loaded loaded = Loaded.current(true);
    String key = id + (declared ? "/declared" : "/current");
    if (loaded != null && loaded.applications.containsKey(key)) {
      return Optional.of(loaded.applications.get(key));
    }
    List<HouseholdApplication> found = jdbc.query("SELECT * FROM household_application WHERE id = ?",
        (rs, n) -> application(rs, declared), id);
    if (loaded != null && !found.isEmpty()) {
      loaded.applications.put(key, found.get(0));
    }
    return found.stream().findFirst();
  }

  /** Drops the application from the transaction's cache before a write to it. */
  private static void changing(long id) {
    Loaded loaded = Loaded.current(false);
    if (loaded != null) {
      loaded.applications.remove(id + "/declared");
      loaded.applications.remove(id + "/current");
    }
  }

  /**
   * The applications loaded in the current transaction, held by a synchronization of that transaction (so it is
   * suspended with it, e.g. around a {@code REQUIRES_NEW}, and gone when it completes). None outside a transaction.
   */
  static final class Loaded implements TransactionSynchronization {
    final Map<String, HouseholdApplication> applications = new HashMap<>();

    static Loaded current(boolean create) {
      if (!TransactionSynchronizationManager.isSynchronizationActive()) {
        return null;
      }
      for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
        if (s instanceof Loaded l) {
          return l;
        }
      }
      if (!create) {
        return null;
      }
      Loaded l = new Loaded();
      TransactionSynchronizationManager.registerSynchronization(l);
      return l;
    }

    @Override
    public void afterCompletion(int status) {
      applications.clear();
    }
  }

  public void attachProcess(long id, String processInstanceId) {
    changing(id);
    int n = jdbc.update("""
        UPDATE household_application SET process_instance_id = ?, status = 'IN_PROCESS', updated_at = ?
        WHERE id = ? AND (process_instance_id IS NULL OR process_instance_id = ?)""",
        processInstanceId, now(), id, processInstanceId);
    if (n == 0) {
      String current = jdbc.query("SELECT process_instance_id FROM household_application WHERE id = ?",
          rs -> rs.next() ? rs.getString(1) : null, id);
      if (current == null) {
        throw new HouseholdNotFoundException(id);
      }
      throw new IllegalStateException("低保申请 " + id + " 已由流程实例 " + current + " 办理");
    }
  }

  public void updateStatus(long id, ApplicationStatus status) {
    changing(id);
    if (jdbc.update("UPDATE household_application SET status = ?, updated_at = ? WHERE id = ?",
        status.name(), now(), id) == 0) {
      throw new HouseholdNotFoundException(id);
    }
  }

  public void replaceIncome(long id, String idNumber, Map<IncomeType, BigDecimal> income) {
    changing(id);
    int n = jdbc.update("UPDATE household_member SET income_revision = income_revision + 1 "
        + "WHERE application_id = ? AND id_number = ?", id, idNumber);
    if (n == 0) {
      exists(id);
      throw new HouseholdNotFoundException("低保申请 " + id + " 中没有身份证号码为 " + idNumber + " 的成员");
    }
    Map<String, Object> row = jdbc.queryForMap("SELECT id, income_revision FROM household_member "
        + "WHERE application_id = ? AND id_number = ?", id, idNumber);
    OffsetDateTime now = now();
    insertIncome(((Number) row.get("id")).longValue(), ((Number) row.get("income_revision")).intValue(), income,
        CHECKED, now);
    jdbc.update("UPDATE household_application SET updated_at = ? WHERE id = ?", now, id);
  }

  public void replaceAssets(long id, List<Asset> assets) {
    changing(id);
    OffsetDateTime now = now();
    if (jdbc.update("UPDATE household_application SET asset_revision = asset_revision + 1, updated_at = ? WHERE id = ?",
        now, id) == 0) {
      throw new HouseholdNotFoundException(id);
    }
    int revision = jdbc.queryForObject("SELECT asset_revision FROM household_application WHERE id = ?", Integer.class, id);
    insertAssets(id, revision, assets, CHECKED, now);
  }

  public Optional<ApplicationSummary> summary(long id) {
    Optional<HouseholdApplication> loaded = load(id, false);
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    HouseholdApplication a = loaded.get();
    Member applicant = a.applicant();
    return jdbc.query("SELECT status, process_instance_id, registered_by, registered_at FROM household_application "
        + "WHERE id = ?", (rs, n) -> new ApplicationSummary(id,
            applicant == null ? null : applicant.name(), applicant == null ? null : applicant.idNumber(),
            a.memberList().size(), a.countyCode(), regionName(a.countyCode()), a.regionCode(),
            regionName(a.regionCode()), a.urbanRural(), a.separateRegistration(), a.agent() != null,
            a.memberList().stream().anyMatch(Member::seriousIllness),
            a.memberList().stream().anyMatch(Member::severelyDisabled),
            ApplicationStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class)), id).stream().findFirst();
  }

  /** Ids of the applications with this status in which the person is a member (applicant or not). */
  public List<Long> withMember(String idNumber, ApplicationStatus status) {
    return jdbc.queryForList("SELECT DISTINCT a.id FROM household_application a JOIN household_member m "
        + "ON m.application_id = a.id WHERE m.id_number = ? AND a.status = ? ORDER BY a.id", Long.class, idNumber,
        status.name());
  }

  private static final String DISABLED = "SELECT m.id AS member_id, a.id AS application_id, m.name, m.id_number, "
      + "m.disability_category, m.disability_grade, a.county_code, a.region_code, a.urban_rural, a.status, "
      + "a.bank_name, a.bank_account_number, a.bank_holder_name FROM household_member m "
      + "JOIN household_application a ON a.id = m.application_id "
      + "WHERE m.disability_category IS NOT NULL AND m.disability_grade IS NOT NULL ";

  /** Members with a disability, by member id after {@code afterMemberId}. */
  public List<org.doudi.household.DisabledMember> disabledMembers(long afterMemberId, int limit) {
    return jdbc.query(DISABLED + "AND m.id > ? ORDER BY m.id FETCH FIRST " + limit + " ROWS ONLY",
        HouseholdRepository::disabled, afterMemberId);
  }

  /** The person's disability records, latest application first. */
  public List<org.doudi.household.DisabledMember> disabilityRecords(String idNumber) {
    return jdbc.query(DISABLED + "AND m.id_number = ? ORDER BY a.id DESC", HouseholdRepository::disabled, idNumber);
  }

  private static org.doudi.household.DisabledMember disabled(ResultSet rs, int n) throws SQLException {
    return new org.doudi.household.DisabledMember(rs.getLong("member_id"), rs.getLong("application_id"),
        rs.getString("name"), rs.getString("id_number"),
        HouseholdApplication.DisabilityCategory.valueOf(rs.getString("disability_category")),
        rs.getInt("disability_grade"), rs.getString("county_code"), rs.getString("region_code"),
        HouseholdApplication.UrbanRural.valueOf(rs.getString("urban_rural")),
        ApplicationStatus.valueOf(rs.getString("status")), rs.getString("bank_name"),
        rs.getString("bank_account_number"), rs.getString("bank_holder_name"));
  }

  public Optional<Long> findByProcessInstance(String processInstanceId) {
    return jdbc.queryForList("SELECT id FROM household_application WHERE process_instance_id = ?", Long.class,
        processInstanceId).stream().findFirst();
  }

  private HouseholdApplication application(ResultSet rs, boolean declared) throws SQLException {
    long id = rs.getLong("id");
    int assetRevision = declared ? 0 : rs.getInt("asset_revision");
    Agent agent = rs.getString("agent_name") == null ? null : new Agent(rs.getString("agent_name"),
        rs.getString("agent_id_number"), rs.getString("agent_relation"), rs.getString("agent_phone"));
    BankAccount bank = rs.getString("bank_account_number") == null ? null : new BankAccount(rs.getString("bank_name"),
        rs.getString("bank_account_number"), rs.getString("bank_holder_name"));
    return new HouseholdApplication(rs.getString("county_code"), rs.getString("region_code"),
        UrbanRural.valueOf(rs.getString("urban_rural")), rs.getString("address"), rs.getString("contact_phone"),
        Collections.unmodifiableList(members(id, declared)),
        Collections.unmodifiableList(assets(id, assetRevision)), rs.getBoolean("authorisation_signed"),
        rs.getBoolean("pledge_signed"), agent, bank, rs.getBoolean("separate_registration"),
        rs.getString("separate_registration_note"));
  }

  private List<Member> members(long applicationId, boolean declared) {
    record Row(long id, Member member) {}
    List<Row> rows = jdbc.query("SELECT * FROM household_member WHERE application_id = ? ORDER BY member_no",
        (rs, n) -> new Row(rs.getLong("id"), new Member(
            rs.getString("name"), rs.getString("id_number"), Relation.valueOf(rs.getString("relation")),
            rs.getString("hukou_county_code"), enumOrNull(UrbanRural.class, rs.getString("hukou_urban_rural")),
            enumOrNull(DisabilityCategory.class, rs.getString("disability_category")),
            (Integer) rs.getObject("disability_grade", Integer.class), rs.getBoolean("serious_illness"),
            rs.getBoolean("able_to_work"), rs.getBoolean("student"), null, rs.getBigDecimal("rigid_expenses"))),
        applicationId);
    // every member's incomes of the revision in force (declared: 0) in one query, not one per member
    Map<Long, Map<IncomeType, BigDecimal>> incomes = new HashMap<>();
    jdbc.query("SELECT i.member_id, i.income_type, i.amount FROM member_income i JOIN household_member m "
        + "ON m.id = i.member_id WHERE m.application_id = ? AND i.revision = "
        + (declared ? "0" : "m.income_revision"), rs -> {
          incomes.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(IncomeType.class))
              .put(IncomeType.valueOf(rs.getString(2)), rs.getBigDecimal(3));
        }, applicationId);
    List<Member> members = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Map<IncomeType, BigDecimal> income = Collections.unmodifiableMap(incomes.getOrDefault(r.id(),
          new EnumMap<>(IncomeType.class)));
      Member m = r.member();
      members.add(new Member(m.name(), m.idNumber(), m.relation(), m.hukouCountyCode(), m.hukouUrbanRural(),
          m.disabilityCategory(), m.disabilityGrade(), m.seriousIllness(), m.ableToWork(), m.student(), income,
          m.rigidExpenses()));
    }
    return members;
  }

  private List<Asset> assets(long applicationId, int revision) {
    return jdbc.query("SELECT asset_type, description, asset_value FROM household_asset "
            + "WHERE application_id = ? AND revision = ? ORDER BY asset_no",
        (rs, n) -> new Asset(AssetType.valueOf(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3)),
        applicationId, revision);
  }

  private void insertIncome(long memberId, int revision, Map<IncomeType, BigDecimal> income, String source,
      OffsetDateTime now) {
    if (income == null) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    for (IncomeType t : IncomeType.values()) {
      BigDecimal v = income.get(t);
      if (v != null) {
        rows.add(new Object[] {memberId, revision, t.name(), money(v), source, now});
      }
    }
    jdbc.batchUpdate("INSERT INTO member_income (member_id, revision, income_type, amount, source, recorded_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", rows);
  }

  private void insertAssets(long applicationId, int revision, List<Asset> assets, String source, OffsetDateTime now) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      Asset a = assets.get(i);
      rows.add(new Object[] {applicationId, revision, i, a.type().name(), blankToNull(a.description()),
          money(a.value()), source, now});
    }
    jdbc.batchUpdate("INSERT INTO household_asset (application_id, revision, asset_no, asset_type, description, "
        + "asset_value, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
  }

  private long insertReturningId(String sql, Object... args) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
      for (int i = 0; i < args.length; i++) {
        Object v = args[i];
        if (v == null) {
          ps.setNull(i + 1, Types.NULL);
        } else {
          ps.setObject(i + 1, v);
        }
      }
      return ps;
    }, keys);
    // PostgreSQL returns every column, H2 only the identity; the key maps are case-insensitive
    return ((Number) keys.getKeyList().get(0).get("id")).longValue();
  }

  private void exists(long id) {
    Integer n = jdbc.queryForObject("SELECT count(*) FROM household_application WHERE id = ?", Integer.class, id);
    if (n == null || n == 0) {
      throw new HouseholdNotFoundException(id);
    }
  }

  private String regionName(String code) {
    return regions.find(code).map(Region::name).orElse(null);
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toOffsetDateTime();
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
  }
}
