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

  /** Records the action; returns the entry id. */
  public long record(AuditRecord record) {
    return store.insert(record);
  }
}
