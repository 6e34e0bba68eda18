package org.doudi.audit;

import java.util.List;

/**
 * What the verification found. {@code intact} when no problem was found; the head (sequence, hash) is what an
 * operator keeps as a checkpoint and hands back to detect a truncated tail.
 */
public record ChainReport(boolean intact, long seals, long headSeq, String headHash, long unsealed,
    List<Problem> problems) {

  public enum ProblemKind {
    /** An entry's content no longer matches the hash sealed for it. */
    ENTRY_CHANGED,
    /** A sealed entry is gone. */
    ENTRY_DELETED,
    /** A seal row was changed (its hash does not match its content). */
    SEAL_CHANGED,
    /** A seal does not follow the previous one (removed, inserted or reordered seals). */
    CHAIN_BROKEN,
    /** Sequence numbers are missing. */
    SEAL_MISSING,
    /** An entry older than the seal window was never sealed (inserted behind the sealer's back, or not sealed). */
    UNSEALED,
    /** The chain is shorter than, or differs at, the checkpoint given. */
    CHECKPOINT_MISMATCH
  }

  public record Problem(ProblemKind kind, Long seq, Long entryId, String message) {}
}
