package org.doudi.payment.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.payment.Channel;
import org.doudi.payment.Claim;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Scheme;
import org.doudi.payment.StatusChange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * payment_ledger, payment_batch, payment_status_change and payment_once_only (V7_1, V12_1). Rows are read through the
 * view payment_entry, which resolves the status of rows that follow their batch. Joins the caller's transaction.
 */
@Repository
public class LedgerRepository {

  private static final String COLUMNS = "id, idempotency_key, scheme, kind, related_id, case_ref, beneficiary_key, "
      + "payee_name, payee_id_number, bank_name, account_number, county_code, region_code, period_start, period_end, "
      + "amount, channel, payroll_month, bank_file_id, status, approved_at, approved_by, note, created_at, created_by";

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert ledger;
  private final SimpleJdbcInsert changes;
  private final SimpleJdbcInsert claims;

  public LedgerRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.ledger = new SimpleJdbcInsert(jdbc).withTableName("payment_ledger").usingGeneratedKeyColumns("id");
    this.changes = new SimpleJdbcInsert(jdbc).withTableName("payment_status_change").usingGeneratedKeyColumns("id");
    this.claims = new SimpleJdbcInsert(jdbc).withTableName("payment_once_only").usingGeneratedKeyColumns("id");
  }

  public long insert(PaymentRequest r, String kind, Long relatedId, PaymentStatus status, Instant at, String actor) {
    Map<String, Object> m = new HashMap<>();
    m.put("idempotency_key", r.idempotencyKey());
    m.put("scheme", r.scheme().name());
    m.put("kind", kind);
    m.put("related_id", relatedId);
    m.put("case_ref", r.caseRef());
    m.put("beneficiary_key", r.payee().beneficiaryKey());
    m.put("payee_name", r.payee().name());
    m.put("payee_id_number", r.payee().idNumber());
    m.put("bank_name", r.payee().bankName());
    m.put("account_number", r.payee().accountNumber());
    m.put("county_code", r.countyCode());
    m.put("region_code", r.regionCode());
    m.put("period_start", r.periodStart());
    m.put("period_end", r.periodEnd());
    m.put("amount", r.amount());
    m.put("channel", r.channel().name());
    m.put("payroll_month", r.payrollMonth());
    m.put("status", status.name());
    boolean approved = status != PaymentStatus.CREATED;
    m.put("approved_at", approved ? Timestamp.from(at) : null);
    m.put("approved_by", approved ? actor : null);
    m.put("note", r.note());
    m.put("created_at", Timestamp.from(at));
    m.put("created_by", actor);
    return ledger.executeAndReturnKey(m).longValue();
  }

  /** The entries of the keys that exist, by key. */
  public Map<String, LedgerEntry> byKeys(java.util.Collection<String> keys) {
    Map<String, LedgerEntry> found = new HashMap<>();
    byKeys(keys, "SELECT " + COLUMNS + " FROM payment_entry", rs -> {
      LedgerEntry e = ENTRY.mapRow(rs, 0);
      found.put(e.idempotencyKey(), e);
    });
    return found;
  }

  /** Which of the keys exist. */
  public java.util.Set<String> existingKeys(java.util.Collection<String> keys) {
    java.util.Set<String> found = new java.util.HashSet<>();
    byKeys(keys, "SELECT idempotency_key FROM payment_ledger", rs -> {
      found.add(rs.getString(1));
    });
    return found;
  }

  /** {@code select} of the rows with these keys, in statements of at most 1,000 keys. */
  private void byKeys(java.util.Collection<String> keys, String select,
      org.springframework.jdbc.core.RowCallbackHandler rows) {
    List<String> all = List.copyOf(keys);
    for (int from = 0; from < all.size(); from += 1000) {
      List<String> part = all.subList(from, Math.min(all.size(), from + 1000));
      jdbc.query(select + " WHERE idempotency_key IN ("
          + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")", rows, part.toArray());
    }
  }

  /**
   * New payments in JDBC batches, each with its first history row ({@code status} from nothing), all stamped
   * {@code at} by {@code actor}; the caller has made sure none of the keys exists (the unique key is the backstop).
   */
  public void insertAll(List<PaymentRequest> rs, PaymentStatus status, Instant at, String actor) {
    Timestamp ts = Timestamp.from(at);
    boolean approved = status != PaymentStatus.CREATED;
    jdbc.batchUpdate("INSERT INTO payment_ledger (idempotency_key, scheme, kind, case_ref, beneficiary_key, "
        + "payee_name, payee_id_number, bank_name, account_number, county_code, region_code, period_start, "
        + "period_end, amount, channel, payroll_month, status, approved_at, approved_by, note, created_at, created_by) "
        + "VALUES (?, ?, 'PAYMENT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rs.stream()
            .map(r -> new Object[] {r.idempotencyKey(), r.scheme().name(), r.caseRef(), r.payee().beneficiaryKey(),
                r.payee().name(), r.payee().idNumber(), r.payee().bankName(), r.payee().accountNumber(),
                r.countyCode(), r.regionCode(), java.sql.Date.valueOf(r.periodStart()),
                java.sql.Date.valueOf(r.periodEnd()), r.amount(), r.channel().name(),
                r.payrollMonth() == null ? null : java.sql.Date.valueOf(r.payrollMonth()), status.name(),
                approved ? ts : null, approved ? actor : null, r.note(), ts, actor})
            .toList());
    Map<String, String> notes = new HashMap<>();
    rs.forEach(r -> notes.put(r.idempotencyKey(), r.note()));
    // their ids, from the ledger alone (not the entries through the view)
    List<Object[]> history = new ArrayList<>();
    byKeys(notes.keySet(), "SELECT id, idempotency_key FROM payment_ledger", row -> history.add(new Object[] {
        row.getLong(1), status.name(), ts, actor, notes.get(row.getString(2))}));
    jdbc.batchUpdate("INSERT INTO payment_status_change (ledger_id, from_status, to_status, changed_at, changed_by, "
        + "note) VALUES (?, NULL, ?, ?, ?, ?)", history);
  }

  public void insertChange(long ledgerId, PaymentStatus from, PaymentStatus to, Instant at, String actor, String note) {
    Map<String, Object> m = new HashMap<>();
    m.put("ledger_id", ledgerId);
    m.put("from_status", from == null ? null : from.name());
    m.put("to_status", to.name());
    m.put("changed_at", Timestamp.from(at));
    m.put("changed_by", actor);
    m.put("note", note);
    changes.execute(m);
  }

  /**
   * Moves the status if it is still {@code from}; false when another transaction moved it first. A row that follows
   * its batch takes its own status here, keeping the batch's approval and bank file.
   */
  public boolean updateStatus(long id, PaymentStatus from, PaymentStatus to, Instant at, String actor) {
    jdbc.update("UPDATE payment_ledger SET status = ?, "
        + "approved_at = (SELECT b.approved_at FROM payment_batch b WHERE b.id = payment_ledger.batch_id), "
        + "approved_by = (SELECT b.approved_by FROM payment_batch b WHERE b.id = payment_ledger.batch_id), "
        + "bank_file_id = (SELECT b.bank_file_id FROM payment_batch b WHERE b.id = payment_ledger.batch_id) "
        + "WHERE id = ? AND status = 'BATCH' "
        + "AND (SELECT b.status FROM payment_batch b WHERE b.id = payment_ledger.batch_id) = ?",
        from.name(), id, from.name());
    if (to == PaymentStatus.APPROVED) {
      return jdbc.update("UPDATE payment_ledger SET status = ?, approved_at = ?, approved_by = ? "
          + "WHERE id = ? AND status = ?", to.name(), Timestamp.from(at), actor, id, from.name()) == 1;
    }
    return jdbc.update("UPDATE payment_ledger SET status = ? WHERE id = ? AND status = ?",
        to.name(), id, from.name()) == 1;
  }

  public Optional<LedgerEntry> byKey(String key) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment_entry WHERE idempotency_key = ?", ENTRY, key)
        .stream().findFirst();
  }

  /** The beneficiary's latest row of the scheme outside a batch (by the beneficiary index, V12_2). */
  public Optional<LedgerEntry> latestOwn(String beneficiaryKey, Scheme scheme) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment_entry WHERE beneficiary_key = ? AND scheme = ? "
        + "AND batch_id IS NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", ENTRY, beneficiaryKey, scheme.name())
        .stream().findFirst();
  }

  /**
   * Sum of the beneficiary's PAID rows of the scheme whose period starts in one of the months: its rows outside a
   * batch by the beneficiary index, the batch rows (left out of that index on PostgreSQL, V12_2) by their keys.
   */
  public BigDecimal paidIn(String beneficiaryKey, Scheme scheme, java.util.Collection<YearMonth> months,
      List<String> batchKeys) {
    StringBuilder ranges = new StringBuilder();
    List<Object> args = new ArrayList<>(List.of(beneficiaryKey, scheme.name()));
    for (YearMonth m : months) {
      ranges.append(ranges.length() == 0 ? "" : " OR ").append("(period_start >= ? AND period_start < ?)");
      args.add(Date.valueOf(m.atDay(1)));
      args.add(Date.valueOf(m.plusMonths(1).atDay(1)));
    }
    BigDecimal sum = BigDecimal.ZERO;
    if (!months.isEmpty()) {
      sum = sum.add(orZero(jdbc.queryForObject("SELECT SUM(amount) FROM payment_entry WHERE beneficiary_key = ? "
          + "AND scheme = ? AND batch_id IS NULL AND status = 'PAID' AND (" + ranges + ")", BigDecimal.class,
          args.toArray())));
    }
    if (!batchKeys.isEmpty()) {
      sum = sum.add(orZero(jdbc.queryForObject("SELECT SUM(amount) FROM payment_entry WHERE idempotency_key IN ("
          + String.join(", ", java.util.Collections.nCopies(batchKeys.size(), "?")) + ") AND batch_id IS NOT NULL "
          + "AND status = 'PAID'", BigDecimal.class, batchKeys.toArray())));
    }
    return sum;
  }

  private static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  public Optional<LedgerEntry> byId(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment_entry WHERE id = ?", ENTRY, id).stream().findFirst();
  }

  /**
   * Reads and locks the row (and, while it follows its batch, the batch), so concurrent status changes of one
   * payment, or of a payment and its batch, run one after the other.
   */
  public Optional<LedgerEntry> lock(long id) {
    List<Long> batch = jdbc.query("SELECT CASE WHEN status = 'BATCH' THEN batch_id ELSE 0 END FROM payment_ledger "
        + "WHERE id = ? FOR UPDATE", (rs, i) -> rs.getLong(1), id);
    if (batch.isEmpty()) {
      return Optional.empty();
    }
    if (batch.get(0) != 0) {
      jdbc.query("SELECT id FROM payment_batch WHERE id = ? FOR UPDATE", rs -> { }, batch.get(0));
    }
    return byId(id);
  }

  /**
   * The case's payments: its own rows by the case index, and its batch rows by their keys ({@code batchKeys}), which
   * the case index leaves out on PostgreSQL (V12_2).
   */
  public List<LedgerEntry> byCase(String caseRef, List<String> batchKeys) {
    List<LedgerEntry> out = new java.util.ArrayList<>(jdbc.query("SELECT " + COLUMNS + " FROM payment_entry "
        + "WHERE case_ref = ? AND batch_id IS NULL", ENTRY, caseRef));
    for (int i = 0; i < batchKeys.size(); i += 500) {
      List<String> chunk = batchKeys.subList(i, Math.min(batchKeys.size(), i + 500));
      List<Object> args = new java.util.ArrayList<>(chunk);
      args.add(caseRef);
      out.addAll(jdbc.query("SELECT " + COLUMNS + " FROM payment_entry WHERE idempotency_key IN ("
          + String.join(", ", chunk.stream().map(k -> "?").toList()) + ") AND case_ref = ? AND batch_id IS NOT NULL",
          ENTRY, args.toArray()));
    }
    out.sort(java.util.Comparator.comparingLong(LedgerEntry::id));
    return out;
  }

  /**
   * The payment's history. A row that follows (or followed) its batch: its creation (the row itself; the roster writes
   * no history row per payment), the batch's changes up to the moment the row took its own status, then its own.
   */
  public List<StatusChange> history(long ledgerId) {
    List<StatusChange> own = jdbc.query("SELECT from_status, to_status, changed_at, changed_by, note "
        + "FROM payment_status_change WHERE ledger_id = ? ORDER BY id", LedgerRepository::change, ledgerId);
    List<Object[]> batch = jdbc.query("SELECT batch_id, created_at, created_by FROM payment_ledger WHERE id = ? "
        + "AND batch_id IS NOT NULL", (rs, i) -> new Object[] {rs.getLong(1), rs.getTimestamp(2), rs.getString(3)},
        ledgerId);
    if (batch.isEmpty()) {
      return own;
    }
    List<StatusChange> out = new java.util.ArrayList<>();
    out.add(new StatusChange(null, PaymentStatus.CREATED, ((Timestamp) batch.get(0)[1]).toInstant(),
        (String) batch.get(0)[2], "月度发放名册"));
    PaymentStatus left = own.isEmpty() ? null : own.get(0).from();
    PaymentStatus current = PaymentStatus.CREATED;
    for (StatusChange c : jdbc.query("SELECT from_status, to_status, changed_at, changed_by, note "
        + "FROM payment_status_change WHERE batch_id = ? ORDER BY id", LedgerRepository::change, batch.get(0)[0])) {
      if (current == left) {
        break;
      }
      out.add(c);
      current = c.to();
    }
    out.addAll(own);
    return out;
  }

  private static StatusChange change(ResultSet rs, int i) throws SQLException {
    return new StatusChange(rs.getString(1) == null ? null : PaymentStatus.valueOf(rs.getString(1)),
        PaymentStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5));
  }

  public long insertClaim(String person, Scheme scheme, String periodKey, int seq, String caseRef, String regionCode,
      Instant at, String actor, String reason) {
    Map<String, Object> m = new HashMap<>();
    m.put("person_id_number", person);
    m.put("scheme", scheme.name());
    m.put("period_key", periodKey);
    m.put("override_seq", seq);
    m.put("case_ref", caseRef);
    m.put("region_code", regionCode);
    m.put("claimed_at", Timestamp.from(at));
    m.put("claimed_by", actor);
    m.put("override_reason", reason);
    m.put("active_slot", 1);
    return claims.executeAndReturnKey(m).longValue();
  }

  private static final String CLAIM_COLS = "id, person_id_number, scheme, period_key, override_seq, case_ref, "
      + "region_code, claimed_at, claimed_by, override_reason, superseded_at, superseded_by, superseded_reason";

  public List<Claim> claims(String person, Scheme scheme, String periodKey) {
    return jdbc.query("SELECT " + CLAIM_COLS + " FROM payment_once_only WHERE person_id_number = ? AND scheme = ? "
        + "AND period_key = ? ORDER BY override_seq", LedgerRepository::claim, person, scheme.name(), periodKey);
  }

  /** The claims a case holds for a scheme, their rows locked until the transaction ends. */
  public List<Claim> lockClaimsOfCase(String caseRef, Scheme scheme) {
    return jdbc.query("SELECT " + CLAIM_COLS + " FROM payment_once_only WHERE case_ref = ? AND scheme = ? "
        + "ORDER BY id FOR UPDATE", LedgerRepository::claim, caseRef, scheme.name());
  }

  /** Marks the active claim superseded; false if it is not active (any more). */
  public boolean supersede(long claimId, Instant at, String by, String reason) {
    return jdbc.update("UPDATE payment_once_only SET active_slot = NULL, superseded_at = ?, superseded_by = ?, "
        + "superseded_reason = ? WHERE id = ? AND active_slot = 1", Timestamp.from(at), by, reason, claimId) == 1;
  }

  private static Claim claim(ResultSet rs, int i) throws SQLException {
    Timestamp superseded = rs.getTimestamp(11);
    return new Claim(rs.getLong(1), rs.getString(2), Scheme.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5),
        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10),
        superseded == null ? null : superseded.toInstant(), rs.getString(12), rs.getString(13));
  }

  private static final RowMapper<LedgerEntry> ENTRY = LedgerRepository::entry;

  private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
    long related = rs.getLong("related_id");
    Long relatedId = rs.wasNull() ? null : related;
    long file = rs.getLong("bank_file_id");
    Long fileId = rs.wasNull() ? null : file;
    return new LedgerEntry(rs.getLong("id"), rs.getString("idempotency_key"), Scheme.valueOf(rs.getString("scheme")),
        rs.getString("kind"), relatedId, rs.getString("case_ref"),
        new Payee(rs.getString("beneficiary_key"), rs.getString("payee_name"), rs.getString("payee_id_number"),
            rs.getString("bank_name"), rs.getString("account_number")),
        rs.getString("county_code"), rs.getString("region_code"), date(rs, "period_start"), date(rs, "period_end"),
        rs.getBigDecimal("amount"), Channel.valueOf(rs.getString("channel")), date(rs, "payroll_month"), fileId,
        PaymentStatus.valueOf(rs.getString("status")), instant(rs, "approved_at"), rs.getString("approved_by"),
        rs.getString("note"), instant(rs, "created_at"), rs.getString("created_by"));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
