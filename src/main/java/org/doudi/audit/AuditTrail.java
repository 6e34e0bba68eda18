package org.doudi.audit;

import org.doudi.audit.internal.AuditStore;
import org.springframework.stereotype.Service;

/**
 * The one way to write the audit trail. {@link #record} inserts in the caller's transaction: the entry commits or
 * rolls back with the action it records (nothing lost, nothing recorded for an action that did not happen). Modules
 * whose change publishes no event call it at their one writer, with the old and new value (e.g. an amount).
 */
@Service
public class AuditTrail {

  private final AuditStore store;

  public AuditTrail(AuditStore store) {
    this.store = store;
  }

  /**
   * The entries recorded on these process instances (a case and its sub-processes), newest first, at most
   * {@code limit}: what the case overview shows. Text is masked as stored.
   */
  public java.util.List<AuditEntry> ofProcessInstances(java.util.Collection<String> processInstanceIds, int limit) {
    return store.ofProcessInstances(processInstanceIds, limit);
  }

  /** Records the action; returns the entry id. */
  public long record(AuditRecord record) {
    return store.insert(record);
  }
}
