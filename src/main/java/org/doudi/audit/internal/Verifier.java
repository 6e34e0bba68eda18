package org.doudi.audit.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.doudi.audit.AuditSettings;
import org.doudi.audit.ChainReport;
import org.doudi.audit.ChainReport.Problem;
import org.doudi.audit.ChainReport.ProblemKind;
import org.doudi.engine.EngineContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the whole chain from the stored rows, streaming (memory independent of its length), and reports every
 * mismatch with its sequence number and entry id. At most {@link #MAX_PROBLEMS} problems are listed.
 */
@Component
public class Verifier {

  static final int MAX_PROBLEMS = 1000;

  private final JdbcTemplate jdbc;
  private final Duration grace;

  private final TransactionTemplate tx;

  public Verifier(JdbcTemplate shared, PlatformTransactionManager transactions, AuditSettings settings) {
    // its own template: streaming (PostgreSQL streams only with a fetch size, inside a transaction)
    this.jdbc = new JdbcTemplate(shared.getDataSource());
    this.jdbc.setFetchSize(1000);
    this.tx = new TransactionTemplate(transactions);
    this.tx.setReadOnly(true);
    // an entry may wait for a few sealing runs before it counts as left out
    this.grace = settings.sealInterval().multipliedBy(12).plusMinutes(1);
  }

  public ChainReport verify(Long checkpointSeq, String checkpointHash) {
    return tx.execute(s -> run(checkpointSeq, checkpointHash));
  }

  private ChainReport run(Long checkpointSeq, String checkpointHash) {
    List<Problem> problems = new ArrayList<>();
    long[] expectedSeq = {1};
    long[] count = {0};
    String[] prev = {Chain.GENESIS};
    String[] checkpointFound = {null};
    jdbc.query("SELECT s.seq, s.entry_id AS sealed_entry, s.entry_hash, s.prev_hash, s.hash AS seal_hash, "
        + "s.sealed_at, e.* FROM audit_seal s LEFT JOIN audit_entry e ON e.id = s.entry_id ORDER BY s.seq", rs -> {
          long seq = rs.getLong("seq");
          long entryId = rs.getLong("sealed_entry");
          count[0]++;
          if (seq != expectedSeq[0]) {
            add(problems, ProblemKind.SEAL_MISSING, seq, null, "封存序号 " + expectedSeq[0] + "–" + (seq - 1) + " 缺失");
          }
          String entryHash = rs.getString("entry_hash");
          String prevHash = rs.getString("prev_hash");
          String sealHash = rs.getString("seal_hash");
          if (!prevHash.equals(prev[0])) {
            add(problems, ProblemKind.CHAIN_BROKEN, seq, entryId, "封存 " + seq + " 未接续上一封存的哈希");
          }
          Instant sealedAt = rs.getTimestamp("sealed_at").toInstant();
          if (!Chain.sealHash(prevHash, seq, entryId, entryHash, sealedAt).equals(sealHash)) {
            add(problems, ProblemKind.SEAL_CHANGED, seq, entryId, "封存 " + seq + " 的内容被改动");
          }
          if (rs.getObject("id") == null) {
            add(problems, ProblemKind.ENTRY_DELETED, seq, entryId, "审计记录 " + entryId + " 已被删除");
          } else if (!EntryRows.hash(rs).equals(entryHash)) {
            add(problems, ProblemKind.ENTRY_CHANGED, seq, entryId, "审计记录 " + entryId + " 的内容被改动");
          }
          if (checkpointSeq != null && seq == checkpointSeq) {
            checkpointFound[0] = sealHash;
          }
          prev[0] = sealHash;
          expectedSeq[0] = seq + 1;
        });
    long headSeq = expectedSeq[0] - 1;
    if (checkpointSeq != null) {
      if (checkpointFound[0] == null) {
        add(problems, ProblemKind.CHECKPOINT_MISMATCH, checkpointSeq, null,
            "检查点 " + checkpointSeq + " 不在链中（链尾只到 " + headSeq + "，可能被截断）");
      } else if (checkpointHash != null && !checkpointFound[0].equalsIgnoreCase(checkpointHash)) {
        add(problems, ProblemKind.CHECKPOINT_MISMATCH, checkpointSeq, null, "检查点 " + checkpointSeq + " 的哈希不符");
      }
    }
    Instant before = EngineContext.now().minus(grace);
    List<Long> unsealed = jdbc.queryForList("SELECT e.id FROM audit_entry e WHERE e.recorded_at < ? AND NOT EXISTS "
        + "(SELECT 1 FROM audit_seal s WHERE s.entry_id = e.id) ORDER BY e.id LIMIT " + MAX_PROBLEMS, Long.class,
        Timestamp.from(before));
    for (Long id : unsealed) {
      add(problems, ProblemKind.UNSEALED, null, id, "审计记录 " + id + " 未进入哈希链");
    }
    return new ChainReport(problems.isEmpty(), count[0], headSeq, prev[0], unsealed.size(), List.copyOf(problems));
  }

  private static void add(List<Problem> problems, ProblemKind kind, Long seq, Long entryId, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(kind, seq, entryId, message));
    }
  }
}
