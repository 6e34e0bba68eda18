package org.doudi.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.doudi.audit.AuditSettings;
import org.doudi.engine.EngineContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends committed audit entries to the hash chain, in the order the sealer sees them committed. One writer across
 * nodes: the sealing transaction locks the single row of audit_seal_lock first. Entries are written by business
 * transactions without any global lock; only this writer serialises. Every run logs the chain head (sequence and
 * hash): the log is the operator's checkpoint against a truncated tail.
 */
@Component
public class Sealer {

  private static final Logger LOG = LoggerFactory.getLogger(Sealer.class);
  static final int BATCH = 2000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final long lookback;

  public Sealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditSettings settings) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.lookback = settings.sealLookback();
  }

  public record Head(long seq, String hash) {}

  @Scheduled(fixedDelayString = "${doudi.audit.seal-interval:5s}", initialDelayString = "${doudi.audit.seal-interval:5s}")
  void scheduled() {
    try {
      sealNow();
    } catch (RuntimeException e) {
      LOG.warn("Audit sealing failed, retried at the next run: {}", e.toString());
    }
  }

  /** Seals every committed, unsealed entry; returns how many. */
  public int sealNow() {
    int total = 0;
    while (true) {
      Integer n = tx.execute(s -> sealBatch());
      total += n;
      if (n < BATCH) {
        break;
      }
    }
    return total;
  }

  private int sealBatch() {
    jdbc.queryForObject("SELECT id FROM audit_seal_lock WHERE id = 1 FOR UPDATE", Integer.class);
    Head head = head();
    Long maxSealed = jdbc.queryForObject("SELECT MAX(entry_id) FROM audit_seal", Long.class);
    long floor = maxSealed == null ? 0 : Math.max(0, maxSealed - lookback);
    List<Object[]> rows = new ArrayList<>();
    long[] seq = {head.seq()};
    String[] prev = {head.hash()};
    Instant now = Chain.truncate(EngineContext.now());
    // bounded on both sides: an open range lets the planner of a prepared (generic) plan expect a third of the
    // table and scan both tables whole on every run, growing with the trail (docs/benchmarks/dibao.md)
    Long newest = jdbc.queryForObject("SELECT MAX(id) FROM audit_entry", Long.class);
    if (newest == null || newest <= floor) {
      return 0;
    }
    jdbc.query("SELECT e.* FROM audit_entry e WHERE e.id > ? AND e.id <= ? AND NOT EXISTS (SELECT 1 FROM audit_seal s "
        + "WHERE s.entry_id = e.id) ORDER BY e.id LIMIT " + BATCH, rs -> {
          long id = rs.getLong("id");
          String entryHash = EntryRows.hash(rs);
          long next = ++seq[0];
          String hash = Chain.sealHash(prev[0], next, id, entryHash, now);
          rows.add(new Object[] {next, id, entryHash, prev[0], hash, Timestamp.from(now)});
          prev[0] = hash;
        }, floor, newest);
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO audit_seal (seq, entry_id, entry_hash, prev_hash, hash, sealed_at) "
          + "VALUES (?, ?, ?, ?, ?, ?)", rows);
      LOG.info("Audit chain head seq={} hash={} ({} entries sealed)", seq[0], prev[0], rows.size());
    }
    return rows.size();
  }

  public Head head() {
    List<Head> h = jdbc.query("SELECT seq, hash FROM audit_seal ORDER BY seq DESC LIMIT 1",
        (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
    return h.isEmpty() ? new Head(0, Chain.GENESIS) : h.get(0);
  }
}
